import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
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

  async function run(dryRun: boolean, only: typeof rows = rows) {
    if (dryRun) void subscriptions.refetch();
    const result = await inviteUsers({
      variables: { input: { rows: only, dryRun, role, teamId, subscriptionIds } },
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
  const readyRows = report ? rows.filter((_, index) => report.rows[index]?.ok) : [];
  const invalidCount = report ? report.rows.length - readyRows.length : 0;
  // Free seats, checked in the preview: everyone invited takes one seat of each chosen subscription.
  const chosen = subscriptionIds.flatMap((id) => subscriptions.data?.assignableSubscriptions.filter((subscription) => subscription.id === id) ?? []);
  const seatsShort = chosen.some((subscription) => subscription.available < readyRows.length);
  const whyId = useId();
  // Why the invite button is disabled, said next to it (and as its description).
  const why =
    rows.length === 0
      ? t('inviteMultiple.why.empty')
      : report === null
        ? t('inviteMultiple.why.check')
        : readyRows.length === 0
          ? t('inviteMultiple.why.none')
          : [invalidCount > 0 ? t('inviteMultiple.why.invalid', { count: invalidCount }) : '', seatsShort ? t('inviteMultiple.why.seats') : '']
              .filter(Boolean)
              .join(' ') || null;
  const problemText = (problem: { field: string; reason?: string | null; detail?: string | null; message: string | null }) =>
    `${t(`inviteMultiple.fields.${problem.field}`)}: ${problem.reason ? t(`import.reasons.${problem.reason}`, { value: problem.detail ?? '' }) : problem.message}`;
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
                      {row.ok ? (
                        <Text size="sm" c="teal">
                          {t('inviteMultiple.ok')}
                        </Text>
                      ) : (
                        // Every invalid field of the row, each on its own line.
                        (row.problems.length > 0 ? row.problems : [{ field: row.field ?? 'email', reason: row.reason, detail: row.detail, message: row.message }]).map((problem) => (
                          <Text key={problem.field} size="sm" c="red">
                            {problemText(problem)}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {report && chosen.length > 0 && (
          <Stack gap={2} aria-label={t('inviteMultiple.seats')} role="group">
            {chosen.map((subscription) => (
              <Text key={subscription.id} size="sm" c={subscription.available < readyRows.length ? 'red' : 'dimmed'}>
                {t('inviteMultiple.seatCheck', {
                  name: subscription.name,
                  free: t('inviteMultiple.seatsFree', { count: subscription.available }),
                  needed: readyRows.length,
                })}
              </Text>
            ))}
          </Stack>
        )}
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} maw={360}>
            <Text size="sm" c="dimmed">
              {t('inviteMultiple.count', { count: rows.length })}
            </Text>
            {why && (
              <Text size="sm" id={whyId} role="status">
                {why}
              </Text>
            )}
          </Stack>
          <Group>
            <Button variant="default" onClick={() => void run(true)} disabled={rows.length === 0} loading={loading && !allValid}>
              {t('inviteMultiple.check')}
            </Button>
            {invalidCount > 0 && readyRows.length > 0 && (
              <Button variant="light" onClick={() => void run(false, readyRows)} disabled={seatsShort} loading={loading}>
                {t('inviteMultiple.inviteValid', { count: readyRows.length })}
              </Button>
            )}
            <Button onClick={() => void run(false)} disabled={!allValid || seatsShort} loading={loading && allValid} aria-describedby={why ? whyId : undefined}>
              {t('inviteMultiple.invite', { count: rows.length })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
