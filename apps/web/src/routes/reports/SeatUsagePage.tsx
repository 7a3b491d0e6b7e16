import { useQuery } from '@apollo/client/react';
import { Card, Group, SimpleGrid, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatUsageSortField, SortDirection } from '@seatwise/schema/client';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { ExportMenu } from '../../ui/ExportMenu';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { ReportRangeSelect } from './RangeSelect';
import { useReportRange } from './reportRange';
import { SeatUsageSummaryDocument } from './reports.graphql';
import { SeatUsageByProduct } from './SeatUsageByProduct';
import { SeatUsageByUser } from './SeatUsageByUser';

function Figure({ label, value, tone, onClick }: { label: string; value: number; tone?: string; onClick?: () => void }) {
  const body = (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={value > 0 ? tone : undefined}>
        {value}
      </Text>
    </Card>
  );
  return onClick ? (
    <UnstyledButton onClick={onClick}>
      {body}
    </UnstyledButton>
  ) : (
    body
  );
}

/** Seat Usage (F-31): by product and by user for a date range, with the seats worth reclaiming called out. */
export function SeatUsagePage() {
  const { t } = useTranslation();
  const [chosen, setRange] = useReportRange();
  const range = useMemo(() => ({ from: chosen.from, to: chosen.to }), [chosen.from, chosen.to]);
  const [tab, setTab] = useState<string>('users');
  const [idle, setIdle] = useState('all');
  const [userFilter, setUserFilter] = useState<{ search: string; sort: SeatUsageSortField; direction: SortDirection }>({
    search: '',
    sort: 'NAME',
    direction: 'ASC',
  });
  const { data, previousData, error, refetch } = useQuery(SeatUsageSummaryDocument, { variables: { range } });
  const report = (data ?? previousData)?.seatUsage;
  const showIdle = (days: string) => {
    setIdle(days);
    setTab('users');
  };
  const exportParams =
    tab === 'users'
      ? { ...range, search: userFilter.search, sort: userFilter.sort, direction: userFilter.direction, idleForAtLeast: idle === 'all' ? null : idle }
      : range;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('nav.seatUsage')}
        description={t('seatUsage.subtitle')}
        aside={
          <Group align="flex-end">
            <ReportRangeSelect value={chosen} onChange={setRange} />
            <ExportMenu report={tab === 'users' ? 'seat-usage' : 'seat-usage-products'} params={exportParams} />
          </Group>
        }
      />
      {error && !report ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : !report ? (
        <TableSkeleton />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Figure label={t('seatUsage.unassignedSeats')} value={report.unassignedSeats} tone="orange.8" onClick={() => setTab('products')} />
            <Figure label={t('seatUsage.idleFor', { count: 30 })} value={report.idle30} tone="orange.8" onClick={() => showIdle('30')} />
            <Figure label={t('seatUsage.idleFor', { count: 60 })} value={report.idle60} tone="orange.8" onClick={() => showIdle('60')} />
            <Figure label={t('seatUsage.idleFor', { count: 90 })} value={report.idle90} tone="red.8" onClick={() => showIdle('90')} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('seatUsage.reclaimHint')}
          </Text>
          <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="users">{t('seatUsage.byUser')}</Tabs.Tab>
              <Tabs.Tab value="products">{t('seatUsage.byProduct')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="users" pt="md">
              <SeatUsageByUser range={range} idle={idle} onIdleChange={setIdle} onFilterChange={setUserFilter} />
            </Tabs.Panel>
            <Tabs.Panel value="products" pt="md">
              <SeatUsageByProduct range={range} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
