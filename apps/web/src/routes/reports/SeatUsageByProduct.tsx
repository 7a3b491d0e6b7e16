import { useQuery } from '@apollo/client/react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatNumber } from '../../ui/format';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { SeatUsageProductsDocument } from './reports.graphql';
import { TrendSparkline } from './TrendSparkline';

/**
 * Seat Usage by product: seats, active people, days of use and the trend of active people. Read
 * when the tab opens, and again each time (seats may have been taken back on the other tab).
 */
export function SeatUsageByProduct({ range }: { range: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const { data, previousData, loading, error, refetch } = useQuery(SeatUsageProductsDocument, {
    variables: { range },
    fetchPolicy: 'cache-and-network',
  });
  const report = (data ?? previousData)?.seatUsage;
  if (error && !report) return <ErrorPanel onRetry={() => void refetch()} />;
  if (!report?.products) return <TableSkeleton />;
  if (report.products.length === 0) return <EmptyState title={t('seatUsage.noProducts')} />;
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table
        verticalSpacing="sm"
        striped
        aria-busy={loading}
        style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap', opacity: loading && !data ? 0.6 : 1 }}
      >
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t('seatUsage.product')}</Table.Th>
            <Table.Th ta="right">{t('seatUsage.seats')}</Table.Th>
            <Table.Th ta="right">{t('insights.unassigned')}</Table.Th>
            <Table.Th ta="right">{t('seatUsage.activeUsers')}</Table.Th>
            <Table.Th ta="right">{t('seatUsage.daysUsed')}</Table.Th>
            <Table.Th ta="right">{t('seatUsage.hours')}</Table.Th>
            <Table.Th>{t('seatUsage.trend')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.products.map((row) => (
            <Table.Tr key={row.product.id}>
              <Table.Td fw={600}>{row.product.name}</Table.Td>
              <Table.Td ta="right">{t('subscriptions.seatsOf', { used: row.seatsAssigned, total: row.seatsTotal })}</Table.Td>
              <Table.Td ta="right">
                {row.seatsUnassigned > 0 ? <Text c="orange.8" fw={700} size="sm">{row.seatsUnassigned}</Text> : 0}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(row.activeUsers, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.daysUsed, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatNumber(Math.round(row.minutes / 60), i18n.language)}</Table.Td>
              <Table.Td>
                <TrendSparkline values={row.trend.map((point) => point.activeUsers)} bucketDays={report.bucketDays} unitKey="seatUsage.trendUnitUsers" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {/* The figure above the tabs counts each seat once; a collection's seat shows under each of its products. */}
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2} style={{ whiteSpace: 'normal' }}>
              {t('seatUsage.eachSeatOnce')}
              <Text size="xs" c="dimmed" fw={400}>
                {t('seatUsage.collectionNote')}
              </Text>
            </Table.Th>
            <Table.Td ta="right">
              <Text fw={700} size="sm" c={report.unassignedSeats > 0 ? 'orange.8' : undefined}>
                {formatNumber(report.unassignedSeats, i18n.language)}
              </Text>
            </Table.Td>
            <Table.Td colSpan={4} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
