import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Modal, Pagination, SegmentedControl, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatUsageSortField, SortDirection } from '@seatwise/schema/client';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDay } from '../../ui/format';
import { SortableTh } from '../../ui/SortableTh';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { ReclaimSeatDocument, SeatUsageByUserDocument, SeatUsageSummaryDocument } from './reports.graphql';
import { TrendSparkline } from './TrendSparkline';

const PAGE = 25;

interface Props {
  range: { from: string; to: string };
  idle: string;
  onIdleChange: (idle: string) => void;
  onFilterChange: (filter: { search: string; sort: SeatUsageSortField; direction: SortDirection }) => void;
}

/** Seat Usage by user: who holds a seat, last use, days used, trend; idle seats with a one-click "Unassign". */
export function SeatUsageByUser({ range, idle, onIdleChange, onFilterChange }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<{ field: SeatUsageSortField; direction: SortDirection }>({ field: 'NAME', direction: 'ASC' });
  const [page, setPage] = useState(1);
  const [confirm, setConfirm] = useState<{ assignmentId: string; name: string; subscription: string } | null>(null);
  const [failed, setFailed] = useState(false);
  const filter = { search: debounced || null, idleForAtLeast: idle === 'all' ? null : Number(idle) };
  const { data, previousData, loading, error, refetch } = useQuery(SeatUsageByUserDocument, {
    variables: { range, filter, orderBy: sort, first: PAGE, offset: (page - 1) * PAGE },
  });
  const [unassign, { loading: unassigning }] = useMutation(ReclaimSeatDocument, {
    refetchQueries: [SeatUsageByUserDocument, SeatUsageSummaryDocument],
    awaitRefetchQueries: true,
  });
  const shown = data ?? previousData;
  const result = shown?.seatUsageByUser;

  const sortBy = (field: SeatUsageSortField) => {
    const next = { field, direction: (sort.field === field && sort.direction === 'ASC' ? 'DESC' : 'ASC') as SortDirection };
    setSort(next);
    setPage(1);
    onFilterChange({ search: debounced, sort: next.field, direction: next.direction });
  };
  const header = (label: string, field?: SeatUsageSortField, align?: 'right') =>
    field ? (
      <SortableTh label={label} sorted={sort.field === field ? sort.direction : null} onSort={() => sortBy(field)} align={align} />
    ) : (
      <Table.Th ta={align}>{label}</Table.Th>
    );

  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('seatUsage.search')}
          placeholder={t('seatUsage.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
            onFilterChange({ search: event.currentTarget.value.trim(), sort: sort.field, direction: sort.direction });
          }}
          w={280}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="idle-filter-label">
            {t('seatUsage.notUsedFor')}
          </Text>
          <SegmentedControl
            aria-labelledby="idle-filter-label"
            value={idle}
            onChange={(value) => {
              onIdleChange(value);
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('seatUsage.allSeats') },
              { value: '30', label: t('seatUsage.days', { count: 30 }) },
              { value: '60', label: t('seatUsage.days', { count: 60 }) },
              { value: '90', label: t('seatUsage.days', { count: 90 }) },
            ]}
          />
        </div>
        {result && (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite" data-testid="seat-count">
            {t('seatUsage.seatCount', { count: result.totalCount })}
          </Text>
        )}
      </Group>

      {error && !shown ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : !result ? (
        <TableSkeleton />
      ) : result.rows.length === 0 ? (
        <EmptyState title={t('seatUsage.emptyTitle')} text={t('seatUsage.emptyText')} />
      ) : (
        <Table.ScrollContainer minWidth={0} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="xs" highlightOnHover aria-busy={loading} style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap', opacity: loading ? 0.6 : 1 }}>
            {/* Headings may take two lines (Slovenian's are long), so that every column fits at 1366 px. */}
            <Table.Thead bg="gray.0" style={{ whiteSpace: 'normal' }}>
              <Table.Tr>
                {header(t('seatUsage.user'), 'NAME')}
                {header(t('seatUsage.subscription'))}
                {header(t('seatUsage.lastUsed'), 'LAST_USED')}
                {header(t('seatUsage.daysUsed'), 'DAYS_USED', 'right')}
                {header(t('seatUsage.idle'), 'IDLE_DAYS', 'right')}
                {header(t('seatUsage.trend'))}
                <Table.Th>
                  <VisuallyHidden>{t('seatUsage.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((row) => (
                <Table.Tr key={row.assignmentId}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {row.user.name}
                      </Text>
                      {row.removed && (
                        <Badge size="sm" color="gray" variant="light" title={t('seatUsage.removedHint')}>
                          {t('seatUsage.removed')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" maw={170} truncate="end" title={row.user.email}>
                      {row.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {/* A collection's long name wraps, so that the row's Unassign stays in sight at 1366 px. */}
                    <Text size="sm" maw={160} style={{ whiteSpace: 'normal' }}>
                      {row.subscription.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.lastUsedOn ? formatDay(row.lastUsedOn, language) : <Text size="sm" c="dimmed">{t('seatUsage.never')}</Text>}</Table.Td>
                  <Table.Td ta="right">{row.daysUsed}</Table.Td>
                  <Table.Td ta="right">
                    {row.idleDays >= 30 ? (
                      <Badge color={row.idleDays >= 90 ? 'red' : 'orange'} variant="light">
                        {t('seatUsage.days', { count: row.idleDays })}
                      </Badge>
                    ) : (
                      t('seatUsage.days', { count: row.idleDays })
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TrendSparkline values={row.trend} bucketDays={result.bucketDays} unitKey="seatUsage.trendUnitDays" />
                  </Table.Td>
                  <Table.Td>
                    {/* A removed person's row is past use: their seats are already released. */}
                    {!row.removed && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setConfirm({ assignmentId: row.assignmentId, name: row.user.name, subscription: row.subscription.name })}
                        aria-label={t('seatUsage.unassignLabel', { name: row.user.name, subscription: row.subscription.name })}
                      >
                        {t('seatUsage.unassign')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {result && result.totalCount > PAGE && (
        <Pagination total={Math.ceil(result.totalCount / PAGE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`seatUsage.page.${control}`) })} />
      )}

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('seatUsage.confirmTitle')} centered>
        <Text size="sm">{confirm && t('seatUsage.confirmText', { name: confirm.name, subscription: confirm.subscription })}</Text>
        {failed && (
          <Text size="sm" c="red" mt="xs" role="alert">
            {t('errors.generic')}
          </Text>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t('home.support.cancel')}
          </Button>
          <Button
            color="red"
            loading={unassigning}
            onClick={async () => {
              if (!confirm) return;
              try {
                await unassign({ variables: { input: { assignmentId: confirm.assignmentId } } });
                setFailed(false);
                setConfirm(null);
              } catch {
                setFailed(true);
              }
            }}
          >
            {t('seatUsage.unassign')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
