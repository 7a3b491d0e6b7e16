import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { AssignableSubscriptionsDocument, BulkAssignSeatsDocument } from './admin.graphql';

interface BulkAssignDialogProps {
  userIds: string[];
  opened: boolean;
  onClose: () => void;
  onAssigned: (assigned: number, alreadyAssigned: number) => void;
}

/** "Assign" for the ticked users of the list: one subscription, everyone or nobody. */
export function BulkAssignDialog({ userIds, opened, onClose, onAssigned }: BulkAssignDialogProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [subscriptionId, setSubscriptionId] = useState<string | null>(null);
  const subscriptions = useQuery(AssignableSubscriptionsDocument, { skip: !opened, fetchPolicy: 'cache-and-network' });
  const [assign, { loading, error, reset }] = useMutation(BulkAssignSeatsDocument);
  const chosen = subscriptions.data?.assignableSubscriptions.find((subscription) => subscription.id === subscriptionId);

  async function submit() {
    if (!subscriptionId) return;
    const result = await assign({
      variables: { input: { userIds, subscriptionId } },
      refetchQueries: ['UsersPage', 'AssignableSubscriptions'],
    }).catch(() => null);
    if (result?.data) {
      onAssigned(result.data.bulkAssignSeats.assigned, result.data.bulkAssignSeats.alreadyAssigned);
      reset();
      onClose();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('users.bulkAssignTitle', { count: userIds.length })}>
      <Stack>
        <Select
          label={t('invite.products')}
          placeholder={t('users.chooseProduct')}
          data={
            subscriptions.data?.assignableSubscriptions.map((subscription) => ({
              value: subscription.id,
              label: t('invite.productOption', { name: subscription.name, count: subscription.available }),
            })) ?? []
          }
          value={subscriptionId}
          onChange={(value) => {
            setSubscriptionId(value);
            reset();
          }}
          searchable
          data-autofocus
        />
        {chosen && (
          <Text size="sm" c={chosen.available < userIds.length ? 'red' : 'dimmed'}>
            {t('users.seatsFree', { free: chosen.available, seats: chosen.seats })}
          </Text>
        )}
        <FormError message={errorText(error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('invite.cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!subscriptionId} loading={loading}>
            {t('users.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
