import { useQuery } from '@apollo/client/react';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, Progress, Stack, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { ExportMenu } from '../../ui/ExportMenu';
import { formatDay, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { RangeSelect } from './RangeSelect';
import { rangeOf, useRangePreset } from './reportRange';
import { CreditWarnings } from '../../ui/CreditWarnings';
import { CreditAlertSetting } from './CreditAlertSetting';
import { CloudCreditAlertsDocument, CloudUsageDocument } from './reports.graphql';

const colors = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6'];

/** The chart's category axis (a data field, not a translation key). */
const axis = 'start';

/** Cloud Services Usage (F-32) and Cloud Services Usage By User (F-33). */
export function CloudUsagePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [preset, setPreset] = useRangePreset();
  const range = rangeOf(preset);
  const [tab, setTab] = useState<string>('subscriptions');
  const { data, previousData, error, refetch } = useQuery(CloudUsageDocument, { variables: { range } });
  const shown = data ?? previousData;
  const usage = shown?.cloudServicesUsage;
  const byUser = shown?.cloudServicesUsageByUser ?? [];
  const alerts = useQuery(CloudCreditAlertsDocument).data?.cloudCreditAlerts;

  const chartData =
    usage?.services[0]?.trend.map((point, index) => ({
      start: formatDay(point.start, language),
      ...Object.fromEntries(usage.services.map((service) => [service.service, service.trend[index]?.credits ?? 0])),
    })) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('nav.cloudUsage')}
        description={t('cloud.subtitle')}
        aside={
          <Group align="flex-end">
            <RangeSelect value={preset} onChange={setPreset} />
            <ExportMenu report={tab === 'users' ? 'cloud-services-usage-by-user' : 'cloud-services-usage'} params={range} />
          </Group>
        }
      />
      {alerts && <CreditWarnings warnings={alerts.warnings} />}
      {error && !shown ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : !usage ? (
        <TableSkeleton />
      ) : (
        <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="subscriptions">{t('cloud.bySubscription')}</Tabs.Tab>
            <Tabs.Tab value="users">{t('cloud.byUser')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="subscriptions" pt="md">
            <Stack gap="md">
              {usage.balances.length === 0 ? (
                <EmptyState title={t('cloud.noCredits')} />
              ) : (
                <Table.ScrollContainer minWidth={0} type="native">
                  <Table verticalSpacing="sm" style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap' }}>
                    <Table.Thead bg="gray.0">
                      <Table.Tr>
                        <Table.Th>{t('seatUsage.subscription')}</Table.Th>
                        <Table.Th>{t('subscriptions.columns.contract')}</Table.Th>
                        <Table.Th ta="right">{t('cloud.purchased')}</Table.Th>
                        <Table.Th ta="right">{t('cloud.consumed')}</Table.Th>
                        <Table.Th ta="right">{t('cloud.remaining')}</Table.Th>
                        <Table.Th ta="right">{t('cloud.consumedInPeriod')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {usage.balances.map((row) => (
                        <Table.Tr key={row.subscription.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>{row.subscription.name}</Text>
                            <Progress
                              mt={4}
                              size="sm"
                              value={row.purchased ? (row.consumed / row.purchased) * 100 : 0}
                              aria-label={t('cloud.usedShare', { consumed: row.consumed, purchased: row.purchased })}
                            />
                          </Table.Td>
                          <Table.Td>{row.contract.number}</Table.Td>
                          <Table.Td ta="right">{formatNumber(row.purchased, language)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(row.consumed, language)}</Table.Td>
                          <Table.Td ta="right" fw={700}>{formatNumber(row.remaining, language)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(row.consumedInRange, language)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {alerts && <CreditAlertSetting key={alerts.threshold ?? 'none'} threshold={alerts.threshold} />}
              <Paper withBorder radius="md" p="md">
                <Title order={2} size="h4" mb="sm" id="cloud-chart-title">
                  {t('cloud.perService')}
                </Title>
                {usage.services.length === 0 ? (
                  <Text size="sm" c="dimmed">{t('cloud.noConsumption')}</Text>
                ) : (
                  <figure style={{ margin: 0 }} aria-labelledby="cloud-chart-title" aria-describedby="cloud-chart-summary">
                    <BarChart
                      h={260}
                      data={chartData}
                      dataKey={axis}
                      type="stacked"
                      withLegend
                      series={usage.services.map((service, index) => ({ name: service.service, color: colors[index % colors.length]! }))}
                    />
                    <VisuallyHidden id="cloud-chart-summary">
                      {usage.services.map((service) => t('cloud.serviceSummary', { service: service.service, credits: service.credits })).join(' ')}
                    </VisuallyHidden>
                  </figure>
                )}
                <Table mt="md">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cloud.service')}</Table.Th>
                      <Table.Th ta="right">{t('cloud.consumedInPeriod')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {usage.services.map((service) => (
                      <Table.Tr key={service.service}>
                        <Table.Td>{service.service}</Table.Td>
                        <Table.Td ta="right">{formatNumber(service.credits, language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="users" pt="md">
            {byUser.length === 0 ? (
              <EmptyState title={t('cloud.noConsumption')} />
            ) : (
              <Table.ScrollContainer minWidth={0} type="native">
                <Table verticalSpacing="sm" striped style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap' }}>
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th>{t('seatUsage.user')}</Table.Th>
                      <Table.Th ta="right">{t('cloud.credits')}</Table.Th>
                      <Table.Th>{t('cloud.services')}</Table.Th>
                      <Table.Th>{t('seatUsage.lastUsed')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {byUser.map((row) => (
                      <Table.Tr key={row.user.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>{row.user.name}</Text>
                          <Text size="xs" c="dimmed">{row.user.email}</Text>
                        </Table.Td>
                        <Table.Td ta="right" fw={700}>{formatNumber(row.credits, language)}</Table.Td>
                        <Table.Td>{row.services.map((service) => `${service.service}: ${formatNumber(service.credits, language)}`).join(' · ')}</Table.Td>
                        <Table.Td>{row.lastUsedOn ? formatDay(row.lastUsedOn, language) : '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
