import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { MoveSubscriptionsToTeamDocument } from './subscriptions.graphql';

const NO_TEAM = '__none__';

interface MoveSubscriptionDialogProps {
  subscription: { id: string; name: string; team?: { id: string } | null } | null;
  teams: { id: string; name: string }[];
  onClose: () => void;
}

/** F-47: moves a subscription to another team, or out of any. */
export function MoveSubscriptionDialog({ subscription, teams, onClose }: MoveSubscriptionDialogProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [move, { loading, error, reset }] = useMutation(MoveSubscriptionsToTeamDocument, { refetchQueries: ['SubscriptionsPage'], awaitRefetchQueries: true });

  const close = () => {
    reset();
    setTeamId(null);
    onClose();
  };

  async function submit() {
    if (!subscription || !teamId) return;
    const result = await move({
      variables: { input: { subscriptionIds: [subscription.id], teamId: teamId === NO_TEAM ? null : teamId } },
    }).catch(() => null);
    if (result?.data) close();
  }

  const choices = [{ value: NO_TEAM, label: t('subscriptions.move.noTeam') }, ...teams.map((team) => ({ value: team.id, label: team.name }))].filter(
    (choice) => choice.value !== (subscription?.team?.id ?? NO_TEAM),
  );

  return (
    <Modal opened={subscription !== null} onClose={close} title={t('subscriptions.move.title')}>
      <Stack>
        <Text size="sm">{t('subscriptions.move.text', { name: subscription?.name ?? '' })}</Text>
        <Select label={t('subscriptions.move.team')} data={choices} value={teamId} onChange={setTeamId} data-autofocus />
        <FormError message={errorText(error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('subscriptions.move.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={loading} disabled={!teamId}>
            {t('subscriptions.move.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
