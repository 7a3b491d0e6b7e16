import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '@seatwise/schema/client';
import type { UserDetailsQuery } from '../../gql/graphql';
import { useViewer } from '../../session/viewer';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { ChangeRoleDocument, MoveUsersToTeamDocument, RemoveUserDocument, TransferPrimaryAdminDocument } from './details.graphql';
import { PersonSeatLedgerDocument } from './bulk.graphql';
import { teamOptions } from '../teams/teamOptions';
import { FormActions } from '../../ui/FormActions';

type Details = UserDetailsQuery;

/** F-45, F-46, F-47 for one user: role, team, primary admin handover and removal. */
export function UserAccessPanel({ user, teams, onReload }: { user: Details['user']; teams: Details['teams']; onReload: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const client = useApolloClient();
  const errorText = useApiErrorText();
  const [role, setRole] = useState<string>(user.role);
  const [teamId, setTeamId] = useState<string | null>(user.team?.id ?? null);
  const [dialog, setDialog] = useState<'remove' | 'handover' | null>(null);
  const [password, setPassword] = useState('');
  const refetchQueries = ['UserDetails', 'UsersPage'];
  const [changeRole, roleState] = useMutation(ChangeRoleDocument, { refetchQueries });
  const [moveTeam, teamState] = useMutation(MoveUsersToTeamDocument, { refetchQueries });
  const [remove, removeState] = useMutation(RemoveUserDocument, { refetchQueries: ['UsersPage'] });
  const [handover, handoverState] = useMutation(TransferPrimaryAdminDocument, { refetchQueries: ['UserDetails', 'UsersPage', 'Me'] });
  const isPrimary = user.role === 'PRIMARY_ADMIN';
  const isSelf = user.id === viewer.id;
  const active = user.status !== 'INACTIVE';
  const error = roleState.error ?? teamState.error ?? removeState.error;
  const conflict = apiError(error)?.code === 'CONFLICT';

  /** Removed: back to the list, with an Undo for the removal's ledger action while it can be undone. */
  async function removeAndReturn() {
    await remove({ variables: { input: { userId: user.id, version: user.version } } });
    const ledger = await client.query({ query: PersonSeatLedgerDocument, variables: { userId: user.id }, fetchPolicy: 'network-only' }).catch(() => null);
    const removal = ledger?.data?.seatLedger.edges.map((edge) => edge.node).find((entry) => entry.event === 'MEMBER_REMOVE' && !entry.undoneAt && entry.undoableUntil);
    await navigate('/users', { state: { removed: { name: user.name, actionId: removal?.actionId ?? null } } });
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('userDetails.access')}
        </Title>
        <Group align="flex-end" gap="xs">
          <Select
            label={t('userDetails.role')}
            data={(isPrimary ? ['PRIMARY_ADMIN'] : ['USER', 'SECONDARY_ADMIN']).map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(value) => value && setRole(value)}
            disabled={isPrimary || !active}
            description={isPrimary ? t('userDetails.primaryRoleHelp') : undefined}
            allowDeselect={false}
            w={{ base: '100%', sm: 260 }}
          />
          <Button
            variant="default"
            disabled={role === user.role || !active}
            loading={roleState.loading}
            onClick={() => void changeRole({ variables: { input: { userId: user.id, role: role as Role, version: user.version } } }).catch(() => null)}
          >
            {t('userDetails.changeRole')}
          </Button>
        </Group>
        <Group align="flex-end" gap="xs">
          <Select
            label={t('userDetails.team')}
            placeholder={t('invite.noTeam')}
            data={teamOptions(teams)}
            value={teamId}
            onChange={setTeamId}
            clearable
            disabled={!active}
            w={{ base: '100%', sm: 260 }}
          />
          <Button
            variant="default"
            disabled={teamId === (user.team?.id ?? null) || !active}
            loading={teamState.loading}
            onClick={() => void moveTeam({ variables: { input: { userIds: [user.id], teamId, version: user.version } } }).catch(() => null)}
          >
            {t('userDetails.moveTeam')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" variant="light">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorText(error)}</Text>
              {conflict && (
                <Button size="xs" variant="default" onClick={onReload}>
                  {t('userDetails.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group gap="xs" mt="xs">
          {viewer.role === 'PRIMARY_ADMIN' && !isSelf && user.status === 'ACTIVE' && (
            <Button variant="light" onClick={() => setDialog('handover')}>
              {t('userDetails.makePrimary')}
            </Button>
          )}
          {!isPrimary && !isSelf && active && (
            <Button variant="light" color="red" onClick={() => setDialog('remove')}>
              {t('userDetails.remove')}
            </Button>
          )}
        </Group>
      </Stack>

      <Modal opened={dialog === 'remove'} onClose={() => setDialog(null)} title={t('userDetails.removeTitle', { name: user.name })}>
        <Stack>
          <Text size="sm">{t('userDetails.removeText')}</Text>
          <FormError message={errorText(removeState.error)} />
          <FormActions
            cancel={t('invite.cancel')}
            onCancel={() => setDialog(null)}
            submit={t('userDetails.remove')}
            danger
            loading={removeState.loading}
            onConfirm={() => void removeAndReturn().catch(() => null)}
          />
        </Stack>
      </Modal>

      <Modal opened={dialog === 'handover'} onClose={() => setDialog(null)} title={t('userDetails.handoverTitle')}>
        <Stack>
          <Text size="sm">{t('userDetails.handoverText', { name: user.name })}</Text>
          <PasswordInput
            label={t('userDetails.yourPassword')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={apiError(handoverState.error)?.field === 'password' ? errorText(handoverState.error) : undefined}
            data-autofocus
          />
          {apiError(handoverState.error)?.field !== 'password' && <FormError message={errorText(handoverState.error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('invite.cancel')}
            </Button>
            <Button
              loading={handoverState.loading}
              disabled={!password}
              onClick={() =>
                void handover({ variables: { input: { userId: user.id, password } } })
                  .then(() => {
                    setPassword('');
                    setDialog(null);
                  })
                  .catch(() => null)
              }
            >
              {t('userDetails.confirmHandover')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
