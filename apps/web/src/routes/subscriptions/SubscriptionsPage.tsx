import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type SortDirection, type SubscriptionSortField, SubscriptionStatus } from '@seatwise/schema/client';
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { ExportMenu } from '../../ui/ExportMenu';
import { formatDay } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { SortableTh } from '../../ui/SortableTh';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { MoveSubscriptionDialog } from './MoveSubscriptionDialog';
import { StatusBadge } from './StatusBadge';
import { SubscriptionsPageDocument } from './subscriptions.graphql';
import { TeamFilterSelect } from '../teams/TeamFilterSelect';
import { nodesOf } from '../../ui/connection';

const statuses: readonly SubscriptionStatus[] = Object.values(SubscriptionStatus);

/** "Subscriptions and Contracts" (F-50): status, term, renewal, seats and licence type; view by team; export. */
export function SubscriptionsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [team, setTeam] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<{ field: SubscriptionSortField; direction: SortDirection }>({ field: 'RENEWAL', direction: 'ASC' });
  const filter = { teamId: team, search: debounced || null, statuses: status ? [status as SubscriptionStatus] : null };
  // The endCursors of the pages before the one shown, per list; a new filter or order starts again.
  const filterKey = JSON.stringify([filter, sort]);
  const [pages, setPages] = useState<{ key: string; subscriptions: string[]; contracts: string[] }>({ key: filterKey, subscriptions: [], contracts: [] });
  const current = pages.key === filterKey ? pages : { key: filterKey, subscriptions: [], contracts: [] };
  const subscriptionPages = current.subscriptions;
  const contractPages = current.contracts;
  const setSubscriptionPages = (subscriptions: string[]) => setPages({ ...current, subscriptions });
  const setContractPages = (contracts: string[]) => setPages({ ...current, contracts });
  const { data, previousData, loading, error, refetch } = useQuery(SubscriptionsPageDocument, {
    variables: { filter, orderBy: sort, subscriptionsAfter: subscriptionPages.at(-1) ?? null, contractsAfter: contractPages.at(-1) ?? null },
  });
  const shown = data ?? previousData;
  const subscriptions = shown?.subscriptions.edges.map((edge) => edge.node) ?? [];
  const contracts = shown?.contracts.edges.map((edge) => edge.node) ?? [];
  type Row = (typeof subscriptions)[number];
  const [moving, setMoving] = useState<Row | null>(null);

  const sortBy = (field: SubscriptionSortField) =>
    setSort((current) => ({ field, direction: current.field === field && current.direction === 'ASC' ? 'DESC' : 'ASC' }));
  const header = (label: string, field?: SubscriptionSortField) =>
    field ? <SortableTh label={label} sorted={sort.field === field ? sort.direction : null} onSort={() => sortBy(field)} /> : <Table.Th>{label}</Table.Th>;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('subscriptions.title')}
        description={t('subscriptions.subtitle')}
        aside={<ExportMenu report="subscriptions" formats={['csv']} params={{ teamId: team, search: debounced, status }} />}
      />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('subscriptions.search')}
            placeholder={t('subscriptions.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <TeamFilterSelect teams={shown?.teams} value={team} onChange={setTeam} />
          <Select
            label={t('subscriptions.statusLabel')}
            placeholder={t('subscriptions.anyStatus')}
            data={statuses.map((value) => ({ value, label: t(`subscriptions.status.${value}`) }))}
            value={status}
            onChange={setStatus}
            clearable
          />
        </SimpleGrid>
      </Paper>

      {error && !shown ? (
        <ErrorPanel title={t('subscriptions.errorTitle')} onRetry={() => void refetch()} />
      ) : !shown ? (
        <TableSkeleton />
      ) : (
        <Tabs defaultValue="subscriptions" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="subscriptions">{t('subscriptions.tabSubscriptions', { count: shown.subscriptions.totalCount })}</Tabs.Tab>
            <Tabs.Tab value="contracts">{t('subscriptions.tabContracts', { count: shown.contracts.totalCount })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="subscriptions" pt="md">
            {subscriptions.length === 0 ? (
              <EmptyState title={t('subscriptions.emptyTitle')} text={t('subscriptions.emptyText')} />
            ) : (
              <Table.ScrollContainer minWidth={0} type="native">
                {/* The term sits under the renewal date and the licence type under the serial number, and
                    headings may take two lines, so that every column fits at 1366 px in both languages. */}
                <Table
                  highlightOnHover
                  verticalSpacing="sm"
                  horizontalSpacing="xs"
                  aria-busy={loading}
                  style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap', opacity: loading ? 0.6 : 1 }}
                >
                  <Table.Thead bg="gray.0" style={{ whiteSpace: 'normal' }}>
                    <Table.Tr>
                      {header(t('subscriptions.columns.name'), 'NAME')}
                      {header(t('subscriptions.columns.status'), 'STATUS')}
                      {header(t('subscriptions.columns.renewal'), 'RENEWAL')}
                      {header(t('subscriptions.columns.seats'), 'SEATS')}
                      {header(t('subscriptions.columns.contract'))}
                      {header(t('subscriptions.columns.team'))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {subscriptions.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Text fw={600} size="sm" maw={220} style={{ whiteSpace: 'normal' }}>
                            {item.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {item.serialNumber} · {t(`subscriptions.licence.${item.licenceType}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={item.status} daysToRenewal={item.daysToRenewal} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDay(item.endsOn, language)}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`subscriptions.term.${item.term}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t('subscriptions.seatsOf', { used: item.seatsUsed, total: item.seatsTotal })}</Text>
                          {item.licenceType === 'NETWORK' && (
                            <Anchor component={Link} to={`/subscriptions/${item.id}/network-seats`} size="xs" aria-label={t('subscriptions.networkSeats.linkLabel', { name: item.name })}>
                              {t('subscriptions.networkSeats.link')}
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/subscriptions/contracts/${item.contract.id}`} size="sm">
                            {item.contract.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Text size="sm">{item.team?.name ?? '—'}</Text>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => setMoving(item)}
                              aria-label={t('subscriptions.move.button', { name: item.name })}
                            >
                              {t('subscriptions.move.short')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <CursorPager pageInfo={shown.subscriptions.pageInfo} cursors={subscriptionPages} onChange={setSubscriptionPages} />
          </Tabs.Panel>
          <Tabs.Panel value="contracts" pt="md">
            {contracts.length === 0 ? (
              <EmptyState title={t('subscriptions.emptyContracts')} />
            ) : (
              <Table.ScrollContainer minWidth={0} type="native">
                <Table highlightOnHover verticalSpacing="sm" style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap' }}>
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th>{t('subscriptions.columns.contract')}</Table.Th>
                      <Table.Th>{t('subscriptions.columns.status')}</Table.Th>
                      <Table.Th>{t('subscriptions.columns.term')}</Table.Th>
                      <Table.Th>{t('subscriptions.columns.subscriptions')}</Table.Th>
                      <Table.Th>{t('subscriptions.columns.seats')}</Table.Th>
                      <Table.Th>{t('subscriptions.columns.team')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {contracts.map((contract) => (
                      <Table.Tr key={contract.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/subscriptions/contracts/${contract.id}`} fw={600} size="sm">
                            {contract.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={contract.status} daysToRenewal={contract.daysToRenewal} />
                        </Table.Td>
                        <Table.Td>
                          {formatDay(contract.startsOn, language)} – {formatDay(contract.endsOn, language)}
                        </Table.Td>
                        <Table.Td>{contract.subscriptions.length}</Table.Td>
                        <Table.Td>{t('subscriptions.seatsOf', { used: contract.seatsUsed, total: contract.seatsTotal })}</Table.Td>
                        <Table.Td>{contract.team?.name ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <CursorPager pageInfo={shown.contracts.pageInfo} cursors={contractPages} onChange={setContractPages} />
          </Tabs.Panel>
        </Tabs>
      )}
      <MoveSubscriptionDialog subscription={moving} teams={nodesOf(shown?.teams)} onClose={() => setMoving(null)} />
    </Stack>
  );
}
