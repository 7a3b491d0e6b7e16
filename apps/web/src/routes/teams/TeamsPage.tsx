import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamsQuery } from '../../gql/graphql';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { CreateTeamDocument, DeleteTeamDocument, RenameTeamDocument, TeamPickerDocument, TeamsDocument } from './teams.graphql';
import { teamOptions } from './teamOptions';
import { CursorPager } from '../../ui/CursorPager';
import { nodesOf } from '../../ui/connection';
import { FormActions } from '../../ui/FormActions';

type Team = TeamsQuery['teams']['edges'][number]['node'];
const NO_TEAM = '__none__';
const TEAMS_PAGE = 50;

/** F-47: the account's teams: create, rename, delete (moving members first). */
export function TeamsPage() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<{ team: Team; moveTo: string | null } | null>(null);
  const { data: current, previousData, error, refetch } = useQuery(TeamsDocument, {
    variables: { first: TEAMS_PAGE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const data = current ?? previousData;
  const picker = useQuery(TeamPickerDocument, { skip: deleting === null });
  const refetchQueries = ['Teams', 'TeamPicker', 'UsersTeams', 'UsersPage'];
  const [create, createState] = useMutation(CreateTeamDocument, { refetchQueries });
  const [rename, renameState] = useMutation(RenameTeamDocument, { refetchQueries });
  const [remove, removeState] = useMutation(DeleteTeamDocument, { refetchQueries });
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ team: Team; name: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ variables: { input: { name } } }).catch(() => null);
    if (result?.data) setName('');
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/users" size="sm">
        ← {t('userDetails.back')}
      </Anchor>
      <PageHeader title={t('teams.title')} description={t('teams.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <form onSubmit={(event) => void submit(event)}>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('teams.newName')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={createState.error ? errorText(createState.error) : undefined}
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" loading={createState.loading}>
              {t('teams.create')}
            </Button>
          </Group>
        </form>
      </Paper>
      {error && !data ? (
        <ErrorPanel title={t('teams.errorTitle')} onRetry={() => void refetch()} />
      ) : data && data.teams.totalCount === 0 ? (
        <Text c="dimmed">{t('teams.empty')}</Text>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="sm">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('teams.name')}</Table.Th>
                <Table.Th ta="right">{t('teams.members')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodesOf(data?.teams).map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td fw={500}>{team.name}</Table.Td>
                  <Table.Td ta="right">{team.memberCount}</Table.Td>
                  <Table.Td>
                    {/* The two buttons stack on a phone rather than push the table past the screen. */}
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => setRenaming({ team, name: team.name })} aria-label={`${t('teams.rename')}: ${team.name}`}>
                        {t('teams.rename')}
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => setDeleting({ team, moveTo: null })} aria-label={`${t('teams.delete')}: ${team.name}`}>
                        {t('teams.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data && <CursorPager pageInfo={data.teams.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Paper>
      )}

      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('teams.renameTitle')}>
        {/* A form, so Enter in the name saves. */}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!renaming) return;
            void rename({ variables: { input: { id: renaming.team.id, name: renaming.name } } })
              .then(() => setRenaming(null))
              .catch(() => null);
          }}
        >
          <Stack>
            <TextInput
              label={t('teams.name')}
              value={renaming?.name ?? ''}
              onChange={(event) => renaming && setRenaming({ ...renaming, name: event.currentTarget.value })}
              error={renameState.error ? errorText(renameState.error) : undefined}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRenaming(null)}>
                {t('invite.cancel')}
              </Button>
              <Button type="submit" loading={renameState.loading}>
                {t('teams.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal opened={deleting !== null} onClose={() => { setDeleting(null); removeState.reset(); }} title={t('teams.deleteTitle', { name: deleting?.team.name })}>
        <Stack>
          <Text size="sm">{deleting?.team.memberCount ? t('teams.deleteNotEmpty', { count: deleting.team.memberCount }) : t('teams.deleteText')}</Text>
          <Select
            label={t('teams.moveTo')}
            placeholder={t('teams.moveToPlaceholder')}
            data={[
              { value: NO_TEAM, label: t('teams.noTeam') },
              ...teamOptions(picker.data?.teams).filter((option) => option.value !== deleting?.team.id),
            ]}
            value={deleting?.moveTo ?? null}
            onChange={(moveTo) => deleting && setDeleting({ ...deleting, moveTo })}
            clearable
          />
          <FormError message={apiError(removeState.error)?.code === 'TEAM_NOT_EMPTY' ? t('teams.chooseMove') : errorText(removeState.error)} />
          <FormActions
            cancel={t('invite.cancel')}
            onCancel={() => setDeleting(null)}
            submit={t('teams.delete')}
            danger
            loading={removeState.loading}
            onConfirm={() =>
              void remove({
                  variables: {
                    input: {
                      id: deleting!.team.id,
                      moveToTeamId: deleting!.moveTo && deleting!.moveTo !== NO_TEAM ? deleting!.moveTo : null,
                      moveToNoTeam: deleting!.moveTo === NO_TEAM,
                    },
                  },
                })
                  .then(() => setDeleting(null))
                  .catch(() => null)
              }
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
