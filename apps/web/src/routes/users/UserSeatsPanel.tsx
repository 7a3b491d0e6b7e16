import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDetailsQuery } from '../../gql/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { formatDate } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { AssignableSubscriptionsDocument } from './admin.graphql';
import { PersonSeatLedgerDocument, UndoSeatChangeDocument } from './bulk.graphql';
import { AssignSeatDocument, UnassignSeatDocument } from './details.graphql';

type Seat = UserDetailsQuery['userSeats'][number];

/** F-44: the products a user holds, with "Assign" and "Unassign". */
export function UserSeatsPanel({ userId, seats, active }: { userId: string; seats: Seat[]; active: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [subscriptionId, setSubscriptionId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Seat | null>(null);
  const subscriptions = useQuery(AssignableSubscriptionsDocument, { fetchPolicy: 'cache-and-network' });
  const refetchQueries = ['UserDetails', 'AssignableSubscriptions', 'UsersPage'];
  const [assign, assigning] = useMutation(AssignSeatDocument, { refetchQueries, awaitRefetchQueries: true });
  const [unassign, unassigning] = useMutation(UnassignSeatDocument, { refetchQueries, awaitRefetchQueries: true });
  const [undo, undoing] = useMutation(UndoSeatChangeDocument, { refetchQueries, awaitRefetchQueries: true });
  const client = useApolloClient();
  // Right after an unassignment: its ledger entry, for the notification's Undo.
  const [unassigned, setUnassigned] = useState<{ name: string; entryId: string | null; undone?: boolean } | null>(null);

  async function unassignSeat(seat: Seat) {
    const done = await unassign({ variables: { input: { assignmentId: seat.id } } }).catch(() => null);
    setConfirming(null);
    if (!done?.data) return;
    const ledger = await client.query({ query: PersonSeatLedgerDocument, variables: { userId }, fetchPolicy: 'network-only' }).catch(() => null);
    const entry = ledger?.data?.seatLedger.edges.find((edge) => edge.node.event === 'UNASSIGN' && edge.node.seatId === seat.id && edge.node.undoableUntil);
    setUnassigned({ name: seat.subscription.name, entryId: entry?.node.id ?? null });
  }
  const held = new Set(seats.map((seat) => seat.subscription.id));
  const options = (subscriptions.data?.assignableSubscriptions ?? [])
    .filter((subscription) => !held.has(subscription.id))
    .map((subscription) => ({
      value: subscription.id,
      label: t('invite.productOption', { name: subscription.name, count: subscription.available }),
      disabled: subscription.available === 0,
    }));

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('userDetails.products')}
        </Title>
        {seats.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('userDetails.noProducts')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('userDetails.subscription')}</Table.Th>
                  <Table.Th>{t('userDetails.includes')}</Table.Th>
                  <Table.Th>{t('userDetails.assignedAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {seats.map((seat) => (
                  <Table.Tr key={seat.id}>
                    <Table.Td fw={500}>{seat.subscription.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {seat.subscription.productNames.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(seat.assignedAt, i18n.language)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant="light" color="red" onClick={() => setConfirming(seat)}>
                        {t('userDetails.unassign')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {active && (
          <Group align="flex-end" gap="xs">
            <Select
              label={t('userDetails.assignLabel')}
              placeholder={t('users.chooseProduct')}
              data={options}
              value={subscriptionId}
              onChange={(value) => {
                setSubscriptionId(value);
                assigning.reset();
              }}
              searchable
              w={{ base: '100%', sm: 360 }}
            />
            <Button
              disabled={!subscriptionId}
              loading={assigning.loading}
              onClick={() =>
                void assign({ variables: { input: { userId, subscriptionId: subscriptionId! } } })
                  .then(() => setSubscriptionId(null))
                  .catch(() => null)
              }
            >
              {t('users.assign')}
            </Button>
          </Group>
        )}
        {unassigned && (
          <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setUnassigned(null)} data-testid="seat-notice">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{unassigned.undone ? t('users.bulk.undone') : t('userDetails.unassigned', { name: unassigned.name })}</Text>
              {unassigned.entryId && !unassigned.undone && (
                <Button
                  size="compact-sm"
                  variant="white"
                  loading={undoing.loading}
                  onClick={() =>
                    void undo({ variables: { input: { entryId: unassigned.entryId } } })
                      .then(() => setUnassigned({ ...unassigned, undone: true }))
                      .catch(() => setUnassigned(null))
                  }
                >
                  {t('users.bulk.undo')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        <FormError message={errorText(assigning.error ?? unassigning.error ?? undoing.error)} />
      </Stack>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('userDetails.unassignTitle')}>
        <Stack>
          <Text size="sm">{t('userDetails.unassignText', { name: confirming?.subscription.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('invite.cancel')}
            </Button>
            <Button
              color="red"
              loading={unassigning.loading}
              onClick={() => void unassignSeat(confirming!)}
            >
              {t('userDetails.unassign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
