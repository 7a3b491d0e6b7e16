import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../i18n';
import { useApiErrorText } from '../../ui/apiError';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime, formatNumber } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeleton } from '../../ui/TableSkeleton';
import { NetworkSeatsDocument, ReleaseNetworkLeaseDocument } from './subscriptions.graphql';

/** How often the page asks again: a seat taken or freed by a product shows within this. */
const POLL_MS = 30_000;

/**
 * Who holds a seat of a network subscription now (issue 17, item 3): the leases of running
 * products, the seats in licence files and those free; an admin can release a lease after a
 * confirmation (the product's next heartbeat is then refused).
 */
export function NetworkSeatsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const errorText = useApiErrorText();
  const { data, loading, error, refetch } = useQuery(NetworkSeatsDocument, { variables: { id }, pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const [release, releasing] = useMutation(ReleaseNetworkLeaseDocument);
  const [confirm, setConfirm] = useState<{ id: string; person: string; machine: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // What was released, written at render so it follows a change of language.
  const [released, setReleased] = useState<{ person: string; machine: string } | null>(null);
  const seats = data?.networkSeats;

  async function handleConfirm() {
    if (!confirm) return;
    setFailure(null);
    try {
      await release({ variables: { id: confirm.id } });
      setReleased({ person: confirm.person, machine: confirm.machine });
    } catch (caught) {
      setFailure(errorText(caught));
    }
    setConfirm(null);
    await refetch();
  }

  const back = (
    <Anchor component={Link} to="/subscriptions" size="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('subscriptions.networkSeats.back')}
      </Group>
    </Anchor>
  );
  if (error && !seats) {
    return (
      <Stack gap="lg">
        {back}
        <ErrorPanel title={errorText(error) ?? t('subscriptions.networkSeats.errorTitle')} onRetry={() => void refetch()} />
      </Stack>
    );
  }
  const held = seats?.leases.length ?? 0;
  const stats = seats
    ? [
        { label: t('subscriptions.networkSeats.stats.seats'), value: seats.seats },
        { label: t('subscriptions.networkSeats.stats.leases'), value: held },
        { label: t('subscriptions.networkSeats.stats.files'), value: seats.inLicenceFiles },
        { label: t('subscriptions.networkSeats.stats.free'), value: seats.free },
      ]
    : [];

  return (
    <Stack gap="lg">
      {back}
      <PageHeader
        title={seats ? t('subscriptions.networkSeats.title', { name: seats.subscriptionName }) : t('subscriptions.networkSeats.titleLoading')}
        description={seats ? t('subscriptions.networkSeats.subtitle', { count: Math.round(seats.heartbeatSeconds / 60) }) : undefined}
      />
      {released && (
        <Text size="sm" c="teal.8" role="status">
          {t('subscriptions.networkSeats.released', released)}
        </Text>
      )}
      <FormError message={failure} />
      {!seats ? (
        <TableSkeleton />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {stats.map((stat) => (
              <Paper key={stat.label} withBorder radius="md" p="md">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {stat.label}
                </Text>
                <Text size="xl" fw={700}>
                  {formatNumber(stat.value, language)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {held === 0 ? (
            <EmptyState title={t('subscriptions.networkSeats.emptyTitle')} text={t('subscriptions.networkSeats.emptyText')} />
          ) : (
            <Table.ScrollContainer minWidth={0} type="native">
              <Table
                highlightOnHover
                verticalSpacing="sm"
                aria-busy={loading}
                aria-label={t('subscriptions.networkSeats.tableLabel', { count: held })}
                style={{ width: 'max-content', minWidth: '100%', whiteSpace: 'nowrap' }}
              >
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>{t('subscriptions.networkSeats.columns.person')}</Table.Th>
                    <Table.Th>{t('subscriptions.networkSeats.columns.machine')}</Table.Th>
                    <Table.Th>{t('subscriptions.networkSeats.columns.checkedOut')}</Table.Th>
                    <Table.Th>{t('subscriptions.networkSeats.columns.heartbeat')}</Table.Th>
                    <Table.Th>{t('subscriptions.networkSeats.columns.expires')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('subscriptions.networkSeats.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {seats.leases.map((lease) => (
                    <Table.Tr key={lease.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/users/${lease.userId}`} size="sm" fw={600}>
                          {lease.personName || lease.email}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {lease.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{lease.machineName}</Text>
                        <Text size="xs" c="dimmed">
                          {lease.platform} · {lease.productName} {lease.version}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(lease.checkedOutAt, language)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(lease.lastHeartbeatAt, language)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(lease.expiresAt, language)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={t('subscriptions.networkSeats.releaseLabel', { person: lease.personName || lease.email, machine: lease.machineName })}
                          onClick={() => {
                            setReleased(null);
                            setConfirm({ id: lease.id, person: lease.personName || lease.email, machine: lease.machineName });
                          }}
                        >
                          {t('subscriptions.networkSeats.release')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('subscriptions.networkSeats.confirmTitle')} centered>
        <Text size="sm">{t('subscriptions.networkSeats.confirmText', { person: confirm?.person ?? '', machine: confirm?.machine ?? '' })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t('subscriptions.networkSeats.cancel')}
          </Button>
          <Button color="red" loading={releasing.loading} onClick={() => void handleConfirm()}>
            {t('subscriptions.networkSeats.release')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
