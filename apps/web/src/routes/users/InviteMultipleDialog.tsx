import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteUsersMutation } from '../../gql/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { AssignableSubscriptionsDocument, InviteUsersDocument } from './admin.graphql';
import { UsersTeamsDocument } from './users.graphql';
import { teamOptions } from '../teams/teamOptions';

interface InviteMultipleDialogProps {
  opened: boolean;
  onClose: () => void;
  onInvited: (count: number) => void;
}

/** One person per line: "email, first name, last name" (commas, semicolons or tabs from a spreadsheet). */
export function parseRows(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [email = '', firstName = '', lastName = ''] = line.split(/\s*[,;\t]\s*/);
      return { email, firstName, lastName };
    });
}

/** F-42 "Invite Multiple": check every row first, then invite them all. */
export function InviteMultipleDialog({ opened, onClose, onInvited }: InviteMultipleDialogProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [text, setText] = useState('');
  const [report, setReport] = useState<InviteUsersMutation['inviteUsers'] | null>(null);
  const [inviteUsers, { loading, error }] = useMutation(InviteUsersDocument);
  const rows = parseRows(text);
  const [role, setRole] = useState<'USER' | 'SECONDARY_ADMIN'>('USER');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [subscriptionIds, setSubscriptionIds] = useState<string[]>([]);
  const teams = useQuery(UsersTeamsDocument, { skip: !opened });
  const subscriptions = useQuery(AssignableSubscriptionsDocument, { skip: !opened, fetchPolicy: 'cache-and-network' });

  async function run(dryRun: boolean) {
    const result = await inviteUsers({
      variables: { input: { rows, dryRun, role, teamId, subscriptionIds } },
      refetchQueries: dryRun ? [] : ['UsersPage', 'Invitations'],
    }).catch(() => null);
    if (!result?.data) return;
    setReport(result.data.inviteUsers);
    if (!dryRun && result.data.inviteUsers.invitedCount > 0) {
      onInvited(result.data.inviteUsers.invitedCount);
      setText('');
      setReport(null);
      onClose();
    }
  }

  const allValid = report !== null && report.rows.every((row) => row.ok);
  return (
    <Modal opened={opened} onClose={onClose} title={t('inviteMultiple.title')} size="xl">
      <Stack>
        <Textarea
          label={t('inviteMultiple.rows')}
          description={t('inviteMultiple.rowsHelp')}
          placeholder={'ana.novak@example.com, Ana, Novak\nmarko.kos@example.com, Marko, Kos'}
          autosize
          minRows={6}
          maxRows={14}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setReport(null);
          }}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('invite.role')}
            data={['USER', 'SECONDARY_ADMIN'].map((value) => ({ value, label: t(`roles.${value}`) }))}
            value={role}
            onChange={(value) => setRole((value ?? 'USER') as typeof role)}
            allowDeselect={false}
          />
          <Select
            label={t('invite.team')}
            placeholder={t('invite.noTeam')}
            data={teamOptions(teams.data?.teams)}
            value={teamId}
            onChange={setTeamId}
            clearable
          />
          <MultiSelect
            label={t('invite.products')}
            placeholder={subscriptionIds.length ? undefined : t('invite.noProducts')}
            data={
              subscriptions.data?.assignableSubscriptions.map((subscription) => ({
                value: subscription.id,
                label: t('invite.productOption', { name: subscription.name, count: subscription.available }),
              })) ?? []
            }
            value={subscriptionIds}
            onChange={setSubscriptionIds}
            searchable
            clearable
          />
        </SimpleGrid>
        <FormError message={errorText(error)} />
        {report && (
          <Table.ScrollContainer minWidth={0} mah={280}>
            <Table striped aria-label={t('inviteMultiple.report')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inviteMultiple.row')}</Table.Th>
                  <Table.Th>{t('invite.email')}</Table.Th>
                  <Table.Th>{t('inviteMultiple.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>{row.email}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={row.ok ? 'teal' : 'red'}>
                        {row.ok
                          ? t('inviteMultiple.ok')
                          : `${t(`inviteMultiple.fields.${row.field ?? 'email'}`)}: ${row.reason ? t(`import.reasons.${row.reason}`, { value: row.detail ?? '' }) : row.message}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('inviteMultiple.count', { count: rows.length })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => void run(true)} disabled={rows.length === 0} loading={loading && !allValid}>
              {t('inviteMultiple.check')}
            </Button>
            <Button onClick={() => void run(false)} disabled={!allValid} loading={loading && allValid}>
              {t('inviteMultiple.invite', { count: rows.length })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
