import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SortDirection } from '@seatwise/schema/client';

interface SortableThProps {
  label: string;
  /** The direction this column sorts the table in, or null when another column does. */
  sorted: SortDirection | null;
  onSort: () => void;
  align?: 'right';
}

/**
 * A column header that sorts its table: a button (keyboard and screen reader reachable) with an
 * icon for the current direction, and `aria-sort` on the header cell.
 */
export function SortableTh({ label, sorted, onSort, align }: SortableThProps) {
  const { t } = useTranslation();
  const Icon = !sorted ? IconArrowsSort : sorted === 'ASC' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th ta={align} aria-sort={!sorted ? 'none' : sorted === 'ASC' ? 'ascending' : 'descending'}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" title={t('table.sortBy', { column: label })}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          <span>{label}</span>
          <Icon size={15} stroke={1.8} color={sorted ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-5)'} style={{ flexShrink: 0 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
