import { useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { ExportMenu } from '../../ui/ExportMenu';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { InsightsDocument } from './reports.graphql';
import { TeamFilterSelect } from '../teams/TeamFilterSelect';

/** The chart's category axis (a data field, not a translation key). */
const axis = 'product';

/** Insights (F-30): per team and product, seats purchased, assigned and unassigned; chart and table. */
export function InsightsPage() {
  const { t } = useTranslation();
  const [team, setTeam] = useState<string | null>(null);
  const { data, previousData, error, refetch } = useQuery(InsightsDocument, { variables: { teamId: team } });
  const shown = data ?? previousData;
  const rows = shown?.insights ?? [];

  // The chart sums the shown teams per product; the table below it is its text alternative.
  const byProduct = new Map<string, { product: string; assigned: number; unassigned: number }>();
  for (const row of rows) {
    const entry = byProduct.get(row.product.id) ?? { product: row.product.name, assigned: 0, unassigned: 0 };
    entry.assigned += row.assigned;
    entry.unassigned += row.unassigned;
    byProduct.set(row.product.id, entry);
  }
  const chartData = [...byProduct.values()].map((entry) => ({
    product: entry.product,
    [t('insights.assigned')]: entry.assigned,
    [t('insights.unassigned')]: entry.unassigned,
  }));

  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.insights')} description={t('insights.subtitle')} aside={<ExportMenu report="insights" params={{ teamId: team }} />} />
      <Group>
        <TeamFilterSelect teams={shown?.teams} value={team} onChange={setTeam} width={260} />
      </Group>
      {error && !shown ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : !shown ? (
        <TableSkeleton />
      ) : rows.length === 0 ? (
        <EmptyState title={t('insights.emptyTitle')} text={t('insights.emptyText')} />
      ) : (
        <>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm" id="insights-chart-title">
              {t('insights.chartTitle')}
            </Title>
            <figure style={{ margin: 0 }} aria-labelledby="insights-chart-title" aria-describedby="insights-chart-summary">
              <BarChart
                h={Math.max(220, chartData.length * 44)}
                data={chartData}
                dataKey={axis}
                orientation="vertical"
                type="stacked"
                yAxisProps={{ width: 150 }}
                series={[
                  { name: t('insights.assigned'), color: 'indigo.6' },
                  { name: t('insights.unassigned'), color: 'gray.4' },
                ]}
                withLegend
              />
              <VisuallyHidden id="insights-chart-summary">
                {[...byProduct.values()].map((entry) => t('insights.summary', entry)).join(' ')}
              </VisuallyHidden>
            </figure>
          </Paper>
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped verticalSpacing="sm" style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap' }}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('insights.team')}</Table.Th>
                  <Table.Th>{t('insights.product')}</Table.Th>
                  <Table.Th ta="right">{t('insights.purchased')}</Table.Th>
                  <Table.Th ta="right">{t('insights.assigned')}</Table.Th>
                  <Table.Th ta="right">{t('insights.unassigned')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={`${row.team?.id ?? 'none'}-${row.product.id}`}>
                    <Table.Td>{row.team?.name ?? <Text c="dimmed" size="sm">{t('insights.noTeam')}</Text>}</Table.Td>
                    <Table.Td>{row.product.name}</Table.Td>
                    <Table.Td ta="right">{row.purchased}</Table.Td>
                    <Table.Td ta="right">{row.assigned}</Table.Td>
                    <Table.Td ta="right" fw={row.unassigned > 0 ? 700 : undefined}>
                      {row.unassigned}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
