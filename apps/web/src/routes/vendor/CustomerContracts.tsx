import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSubscriptionFieldsFragment } from '../../gql/vendor/graphql';
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDay, formatNumber } from '../../ui/format';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { StatusBadge } from '../subscriptions/StatusBadge';
import { CustomerContractsDocument } from './contracts.graphql';
import { CreateContractModal } from './CreateContractModal';
import { type SubscriptionAction, SubscriptionActionModal } from './SubscriptionActionModal';

const PAGE = 10;

/** The Contracts tab of a customer (issue 16, item 5): contracts with their subscriptions; operators change them. */
export function CustomerContracts({ customerId, operator }: { customerId: string; operator: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [cursors, setCursors] = useState<string[]>([]);
  const { data, previousData, error, refetch } = useQuery(CustomerContractsDocument, {
    variables: { customerId, first: PAGE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<{ kind: SubscriptionAction; subscription: VendorSubscriptionFieldsFragment } | null>(null);
  const reload = () => void refetch();

  if (error && !shown) return <ErrorPanel onRetry={reload} />;
  if (!shown) return <TableSkeleton />;
  const contracts = shown.customerContracts.edges.map((edge) => edge.node);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('vendor.contracts.count', { count: shown.customerContracts.totalCount })}
        </Text>
        {operator && (
          <Button onClick={() => setCreating(true)}>
            {t('vendor.contracts.create')}
          </Button>
        )}
      </Group>
      {contracts.length === 0 && <EmptyState title={t('vendor.contracts.empty')} />}
      {contracts.map((contract) => (
        <Paper key={contract.id} withBorder radius="md" p="md" data-testid="vendor-contract">
          <Group justify="space-between" mb="xs" gap="xs">
            <div>
              <Title order={3} size="h5">
                {t('vendor.contracts.number', { number: contract.number })}
              </Title>
              <Text size="xs" c="dimmed">
                {formatDay(contract.startsOn, language)} – {formatDay(contract.endsOn, language)}
                {contract.team ? ` · ${contract.team.name}` : ''}
              </Text>
            </div>
            <StatusBadge status={contract.status} daysToRenewal={contract.daysToRenewal} />
          </Group>
          <Table.ScrollContainer minWidth={0} type="native">
            <Table verticalSpacing="xs" style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap' }}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('vendor.contracts.columns.subscription')}</Table.Th>
                  <Table.Th>{t('vendor.contracts.columns.status')}</Table.Th>
                  <Table.Th>{t('vendor.contracts.columns.seats')}</Table.Th>
                  <Table.Th>{t('vendor.contracts.columns.endsOn')}</Table.Th>
                  <Table.Th>{t('vendor.contracts.columns.renewal')}</Table.Th>
                  {operator && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contract.subscriptions.map((subscription) => (
                  <Table.Tr key={subscription.id} data-testid="vendor-subscription">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {subscription.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`subscriptions.licence.${subscription.licenceType}`)} · {subscription.products.map((line) => line.product.code).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <StatusBadge status={subscription.status} daysToRenewal={subscription.daysToRenewal} />
                        {subscription.cancelAtTermEnd && (
                          <Badge variant="outline" color="red" size="sm">
                            {t('vendor.contracts.endsAtTermEnd')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" data-testid="vendor-subscription-seats">
                        {t('subscriptions.seatsOf', { used: formatNumber(subscription.seatsUsed, language), total: formatNumber(subscription.seatsTotal, language) })}
                      </Text>
                      {subscription.scheduledSeats !== null && (
                        <Text size="xs" c="dimmed">
                          {t('vendor.contracts.scheduledSeats', { count: subscription.scheduledSeats, date: formatDay(subscription.endsOn, language) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDay(subscription.endsOn, language)}</Table.Td>
                    <Table.Td>{t(`vendor.contracts.renewalMode.${subscription.renewal}`)}</Table.Td>
                    {operator && (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button size="compact-sm" variant="default" rightSection={<IconChevronDown size={14} />} aria-label={t('vendor.contracts.actionsFor', { name: subscription.name })}>
                              {t('vendor.contracts.actions')}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {(['seats', 'renew', 'cancel', 'credits'] as const).map((kind) => (
                              <Menu.Item key={kind} disabled={subscription.status === 'CANCELLED' && kind !== 'credits'} onClick={() => setAction({ kind, subscription })}>
                                {t(`vendor.contracts.action.${kind}`)}
                              </Menu.Item>
                            ))}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      <CursorPager pageInfo={shown.customerContracts.pageInfo} cursors={cursors} onChange={setCursors} />
      {creating && <CreateContractModal customerId={customerId} onClose={() => setCreating(false)} onCreated={reload} />}
      {action && <SubscriptionActionModal customerId={customerId} kind={action.kind} subscription={action.subscription} onClose={() => setAction(null)} onDone={reload} />}
    </Stack>
  );
}
