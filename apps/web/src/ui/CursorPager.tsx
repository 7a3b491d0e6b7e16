import { Button, Group } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Where a connection's page stands: what "Next" needs. */
export interface PagerInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * "Previous" and "Next" under a connection's page. `cursors` are the `endCursor`s of the pages
 * before this one (empty on the first page); shown only when there is more than one page.
 */
export function CursorPager({ pageInfo, cursors, onChange }: { pageInfo: PagerInfo; cursors: string[]; onChange: (cursors: string[]) => void }) {
  const { t } = useTranslation();
  if (cursors.length === 0 && !pageInfo.hasNextPage) return null;
  return (
    <Group justify="flex-end" p="sm" gap="xs">
      <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={cursors.length === 0} onClick={() => onChange(cursors.slice(0, -1))}>
        {t('pager.previous')}
      </Button>
      <Button
        variant="default"
        size="xs"
        rightSection={<IconChevronRight size={14} />}
        disabled={!pageInfo.hasNextPage || !pageInfo.endCursor}
        onClick={() => pageInfo.endCursor && onChange([...cursors, pageInfo.endCursor])}
      >
        {t('pager.next')}
      </Button>
    </Group>
  );
}

/**
 * "Show more" under a list that grows in place (its filters work on what is shown): `onMore` gets
 * the `endCursor` to fetch the next page after; shown only while there is one.
 */
export function LoadMore({ pageInfo, shown, total, loading, onMore }: { pageInfo: PagerInfo; shown: number; total: number; loading?: boolean; onMore: (after: string) => void }) {
  const { t } = useTranslation();
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  const after = pageInfo.endCursor;
  return (
    <Group justify="center" p="sm">
      <Button variant="default" size="xs" loading={loading} onClick={() => onMore(after)}>
        {t('pager.loadMore', { shown, total })}
      </Button>
    </Group>
  );
}
