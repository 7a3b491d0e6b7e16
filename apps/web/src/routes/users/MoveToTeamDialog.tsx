import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { MoveUsersToTeamDocument } from './details.graphql';
import { UsersTeamsDocument } from './users.graphql';
import { teamOptions } from '../teams/teamOptions';

const NO_TEAM = '__none__';

interface MoveToTeamDialogProps {
  userIds: string[];
  opened: boolean;
  onClose: () => void;
  onMoved: (moved: number) => void;
}

/** F-47 for the ticked users of the list: one team for all of them, or none. */
export function MoveToTeamDialog({ userIds, opened, onClose, onMoved }: MoveToTeamDialogProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useQuery(UsersTeamsDocument, { skip: !opened });
  const [move, { loading, error, reset }] = useMutation(MoveUsersToTeamDocument, { refetchQueries: ['UsersPage', 'UsersTeams'] });

  async function submit() {
    if (!teamId) return;
    const result = await move({ variables: { input: { userIds, teamId: teamId === NO_TEAM ? null : teamId } } }).catch(() => null);
    if (result?.data) {
      onMoved(result.data.moveUsersToTeam);
      reset();
      onClose();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('users.moveTitle', { count: userIds.length })}>
      <Stack>
        <Select
          label={t('users.team')}
          placeholder={t('teams.moveToPlaceholder')}
          data={[{ value: NO_TEAM, label: t('teams.noTeam') }, ...teamOptions(teams.data?.teams)]}
          value={teamId}
          onChange={setTeamId}
          data-autofocus
        />
        <FormError message={errorText(error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('invite.cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!teamId} loading={loading}>
            {t('users.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
