import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { ExportMenu } from '../../ui/ExportMenu';
import { formatDay } from '../../ui/format';
import { MessagePage } from '../../ui/MessagePage';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { termEndKey } from './termEnd';
import { StatusBadge } from './StatusBadge';
import { ContractDetailsDocument } from './subscriptions.graphql';

/** Contract details (F-51): every subscription under the contract with its products and seats; products export (F-52). */
export function ContractPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { data, error, refetch } = useQuery(ContractDetailsDocument, { variables: { id } });
  const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'NOT_FOUND');
  if (notFound) return <MessagePage titleKey="pages.notFoundTitle" textKey="pages.notFoundText" />;
  const contract = data?.contract;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/subscriptions" size="sm">
        <Group gap={4}>
          <IconChevronLeft size={16} />
          {t('nav.subscriptions')}
        </Group>
      </Anchor>
      {error && !contract ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : !contract ? (
        <TableSkeleton />
      ) : (
        <>
          <PageHeader
            title={t('contract.title', { number: contract.number })}
            description={`${formatDay(contract.startsOn, language)} – ${formatDay(contract.endsOn, language)}${contract.team ? ` · ${contract.team.name}` : ''}`}
            aside={<StatusBadge status={contract.status} daysToRenewal={contract.daysToRenewal} />}
          />
          <Text size="sm">{t('contract.seats', { used: contract.seatsUsed, total: contract.seatsTotal })}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {contract.subscriptions.map((subscription) => (
              <Card key={subscription.id} withBorder radius="md" padding="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Title order={2} size="h4">
                      {subscription.name}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {subscription.serialNumber} · {t(`subscriptions.licence.${subscription.licenceType}`)} · {t(`subscriptions.term.${subscription.term}`)}
                    </Text>
                  </div>
                  <StatusBadge status={subscription.status} daysToRenewal={subscription.daysToRenewal} />
                </Group>
                <Text size="sm" mt="xs">
                  {t(termEndKey(subscription), { date: formatDay(subscription.endsOn, language) })} ·{' '}
                  {t('subscriptions.seatsOf', { used: subscription.seatsUsed, total: subscription.seatsTotal })}
                </Text>
                <Table mt="sm" verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('contract.product')}</Table.Th>
                      <Table.Th ta="right">{t('subscriptions.columns.seats')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {subscription.products.map((line) => (
                      <Table.Tr key={line.product.id}>
                        <Table.Td>
                          {line.product.name}{' '}
                          <Badge size="xs" variant="outline" color="gray">
                            {line.product.code}
                          </Badge>
                        </Table.Td>
                        <Table.Td ta="right">{t('subscriptions.seatsOf', { used: line.seatsUsed, total: line.seatsTotal })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Group justify="flex-end" mt="sm">
                  <ExportMenu report="subscription-products" formats={['csv']} params={{ subscriptionId: subscription.id }} label={t('contract.exportProducts')} />
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
