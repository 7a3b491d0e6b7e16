import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { SupportCategory, SupportRequestStatus } from '@seatwise/schema/client';
import { IconLifebuoy, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { supportCategories, supportStatusColor, supportStatuses } from '../../ui/supportStatus';
import { SkeletonRows } from '../../ui/TableSkeleton';
import { SupportRequestsDocument } from './home.graphql';
import { SupportRequestDialog } from './SupportRequestDialog';

const PAGE = 25;

/** Every support request of the account (F-10), latest activity first: what waits for support, what waits for you, what is done. */
export function SupportRequestsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<SupportRequestStatus | null>(null);
  const [category, setCategory] = useState<SupportCategory | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const { data, loading, error, refetch } = useQuery(SupportRequestsDocument, {
    variables: { first: PAGE, after: cursors.at(-1) ?? null, filter: { search: debounced || null, status: status ? [status] : null, category } },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.supportRequests;
  const filtered = Boolean(debounced || status || category);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('home.support.title')}
        description={connection ? t('home.support.listCount', { count: connection.totalCount }) : undefined}
        aside={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialogOpen(true)}>
            {t('home.support.open')}
          </Button>
        }
      />
      <Group gap="sm" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('home.support.search')}
          aria-label={t('home.support.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setCursors([]);
          }}
          w={{ base: '100%', xs: 280 }}
        />
        <Select
          aria-label={t('home.support.statusFilter')}
          placeholder={t('home.support.anyStatus')}
          clearable
          data={supportStatuses.map((value) => ({ value, label: t(`home.support.status.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as SupportRequestStatus | null);
            setCursors([]);
          }}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          aria-label={t('home.support.category')}
          placeholder={t('home.support.anyCategory')}
          clearable
          data={supportCategories.map((value) => ({ value, label: t(`home.support.categories.${value}`) }))}
          value={category}
          onChange={(value) => {
            setCategory(value as SupportCategory | null);
            setCursors([]);
          }}
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : connection && connection.edges.length === 0 ? (
        <EmptyState
          large={!filtered}
          icon={<IconLifebuoy size={24} />}
          title={filtered ? t('home.support.noneFound') : t('home.support.none')}
          text={filtered ? undefined : t('home.support.noneText')}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.support.subjectColumn')}</Table.Th>
                  <Table.Th>{t('home.support.category')}</Table.Th>
                  <Table.Th>{t('home.support.openedByColumn')}</Table.Th>
                  <Table.Th>{t('home.support.lastActivity')}</Table.Th>
                  <Table.Th>{t('home.support.statusFilter')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loading && !connection ? (
                  <SkeletonRows columns={5} rows={5} />
                ) : (
                  connection?.edges.map(({ node }) => (
                    <Table.Tr key={node.id} data-testid="support-request-row">
                      <Table.Td style={{ maxWidth: 360 }}>
                        <Anchor component={Link} to={`/support/${node.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {node.subject}
                        </Anchor>
                        {node.replyCount > 0 && (
                          <Text size="xs" c="dimmed">
                            {t('home.support.replies', { count: node.replyCount })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`home.support.categories.${node.category}`)}</Table.Td>
                      <Table.Td>{node.openedBy ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(node.lastActivityAt, language)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={supportStatusColor[node.status]} style={{ minWidth: 'max-content' }}>
                          {t(`home.support.status.${node.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {connection && <CursorPager pageInfo={connection.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Paper>
      )}
      <SupportRequestDialog opened={dialogOpen} onClose={() => setDialogOpen(false)} />
    </Stack>
  );
}
