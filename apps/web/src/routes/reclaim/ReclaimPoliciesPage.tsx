import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReclaimPoliciesQuery } from '../../gql/reclaim/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { nodesOf } from '../../ui/connection';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { formatDay, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { TableSkeleton } from '../../ui/TableSkeleton';
import {
  CreateReclaimPolicyDocument,
  ReclaimChoicesDocument,
  ReclaimDryRunDocument,
  ReclaimPoliciesDocument,
  SetReclaimPolicyEnabledDocument,
} from './reclaim.graphql';

type Policy = ReclaimPoliciesQuery['reclaimPolicies']['edges'][number]['node'];
const ALL = '__all__';
const ROLES = ['USER', 'SECONDARY_ADMIN', 'PRIMARY_ADMIN'] as const;

/** The form of a new policy: off until switched on, after its dry run. */
function NewPolicy({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const choices = useQuery(ReclaimChoicesDocument);
  const [create, state] = useMutation(CreateReclaimPolicyDocument, { refetchQueries: ['ReclaimPolicies'] });
  const [name, setName] = useState('');
  const [subscriptionId, setSubscriptionId] = useState<string>(ALL);
  const [signal, setSignal] = useState<'LAST_USE' | 'NEVER_USED'>('LAST_USE');
  const [thresholdDays, setThresholdDays] = useState<number | string>(90);
  const [graceDays, setGraceDays] = useState<number | string>(14);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [roles, setRoles] = useState<string[]>(['PRIMARY_ADMIN']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({
      variables: {
        input: {
          name,
          subscriptionId: subscriptionId === ALL ? null : subscriptionId,
          signal,
          thresholdDays: Number(thresholdDays),
          graceDays: Number(graceDays),
          exclusions: { userIds: [], teamIds, roles: roles as (typeof ROLES)[number][] },
        },
      },
    }).catch(() => null);
    if (result?.data) onCreated(result.data.createReclaimPolicy.id);
  }

  const subscriptions = choices.data?.assignableSubscriptions ?? [];
  const teams = choices.data ? nodesOf(choices.data.teams) : [];
  return (
    <Modal opened onClose={onClose} title={t('reclaim.newTitle')} size="lg">
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <TextInput label={t('reclaim.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} required maxLength={100} />
          <Select
            label={t('reclaim.scope')}
            value={subscriptionId}
            onChange={(value) => setSubscriptionId(value ?? ALL)}
            data={[{ value: ALL, label: t('reclaim.allSubscriptions') }, ...subscriptions.map((subscription) => ({ value: subscription.id, label: subscription.name }))]}
            allowDeselect={false}
          />
          <Select
            label={t('reclaim.signal')}
            value={signal}
            onChange={(value) => setSignal((value as typeof signal) ?? 'LAST_USE')}
            data={[
              { value: 'LAST_USE', label: t('reclaim.signals.LAST_USE') },
              { value: 'NEVER_USED', label: t('reclaim.signals.NEVER_USED') },
            ]}
            allowDeselect={false}
          />
          <Group grow wrap="wrap">
            <NumberInput label={t('reclaim.thresholdDays')} value={thresholdDays} onChange={setThresholdDays} min={1} max={3650} allowDecimal={false} required />
            <NumberInput label={t('reclaim.graceDays')} value={graceDays} onChange={setGraceDays} min={1} max={90} allowDecimal={false} required />
          </Group>
          <MultiSelect label={t('reclaim.excludedTeams')} data={teams.map((team) => ({ value: team.id, label: team.name }))} value={teamIds} onChange={setTeamIds} searchable clearable />
          <MultiSelect label={t('reclaim.excludedRoles')} data={ROLES.map((role) => ({ value: role, label: t(`reclaim.roles.${role}`) }))} value={roles} onChange={setRoles} clearable />
          <FormError message={errorText(state.error)} />
          <FormActions cancel={t('reclaim.cancel')} onCancel={onClose} submit={t('reclaim.create')} loading={state.loading} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The dry run of a policy: who would lose which seat and why; switching on asks first. */
function DryRun({ policy, onClose }: { policy: Policy; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const { data, loading, error, refetch } = useQuery(ReclaimDryRunDocument, { variables: { id: policy.id }, fetchPolicy: 'network-only' });
  const [setEnabled, state] = useMutation(SetReclaimPolicyEnabledDocument, { refetchQueries: ['ReclaimPolicies'] });
  const [confirming, setConfirming] = useState(false);
  const dry = data?.reclaimDryRun;

  async function switchOn() {
    if (!dry) return;
    const result = await setEnabled({ variables: { input: { id: policy.id, version: dry.version, enabled: true } } }).catch(() => null);
    if (result?.data) onClose();
  }

  return (
    <Paper withBorder radius="md" p="lg" data-testid="dry-run">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('reclaim.dryRunTitle', { name: policy.name })}
          </Title>
          <Button variant="default" size="xs" onClick={onClose}>
            {t('reclaim.close')}
          </Button>
        </Group>
        {error && !data ? (
          <ErrorPanel title={t('reclaim.dryRunError')} onRetry={() => void refetch()} />
        ) : loading || !dry ? (
          <TableSkeleton rows={4} />
        ) : (
          <>
            <Text size="sm" data-testid="dry-run-summary">
              {t('reclaim.dryRunSummary', { count: dry.totalCount })} {dry.excludedCount > 0 && t('reclaim.dryRunExcluded', { count: dry.excludedCount })}
            </Text>
            {dry.candidates.length === 0 ? (
              <EmptyState title={t('reclaim.dryRunEmpty')} text={t('reclaim.dryRunEmptyText')} />
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="xs">
                  <Table.Thead bg="gray.0">
                    <Table.Tr>
                      <Table.Th>{t('reclaim.person')}</Table.Th>
                      <Table.Th>{t('reclaim.subscription')}</Table.Th>
                      <Table.Th>{t('reclaim.why')}</Table.Th>
                      <Table.Th>{t('reclaim.reclaimOn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dry.candidates.map((seat) => (
                      <Table.Tr key={seat.seatId}>
                        <Table.Td>
                          <Text size="sm">{seat.name}</Text>
                          <Text size="xs" c="dimmed">
                            {seat.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>{seat.subscriptionName}</Table.Td>
                        <Table.Td>
                          {seat.reason}
                          {seat.lastUsedOn && (
                            <Text size="xs" c="dimmed">
                              {t('reclaim.lastUsed', { date: formatDay(seat.lastUsedOn, i18n.language) })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{formatDay(seat.reclaimOn, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {!policy.enabled && (
              <Group>
                <Button onClick={() => setConfirming(true)}>{t('reclaim.switchOn')}</Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('reclaim.confirmTitle', { name: policy.name })}>
        <Stack gap="sm">
          <Text size="sm">{t('reclaim.confirmText', { count: dry?.totalCount ?? 0, grace: policy.graceDays })}</Text>
          <FormError message={errorText(state.error)} />
          <FormActions cancel={t('reclaim.cancel')} onCancel={() => setConfirming(false)} submit={t('reclaim.confirmSwitchOn')} loading={state.loading} onConfirm={() => void switchOn()} />
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Users → Reclaim policies (issue 19, item 1): idle seats announced, kept or taken back, with a dry run first. */
export function ReclaimPoliciesPage() {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const { data, error, refetch } = useQuery(ReclaimPoliciesDocument, { fetchPolicy: 'cache-and-network' });
  const [setEnabled, switchState] = useMutation(SetReclaimPolicyEnabledDocument, { refetchQueries: ['ReclaimPolicies'] });
  const [creating, setCreating] = useState(false);
  const [dryRunOf, setDryRunOf] = useState<string | null>(null);
  const policies = data ? nodesOf(data.reclaimPolicies) : [];
  const shown = policies.find((policy) => policy.id === dryRunOf) ?? null;
  const months = data?.reclaimedSeatsByMonth ?? [];
  const monthName = (month: string) => new Date(`${month}-01T12:00:00Z`).toLocaleDateString(i18n.language === 'sl' ? 'sl-SI' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

  if (error && !data) return <ErrorPanel title={t('reclaim.errorTitle')} onRetry={() => void refetch()} />;

  return (
    <Stack gap="lg">
      <PageHeader title={t('reclaim.title')} description={t('reclaim.subtitle')} aside={<Button onClick={() => setCreating(true)}>{t('reclaim.new')}</Button>} />
      <FormError message={errorText(switchState.error)} />
      {!data ? (
        <TableSkeleton rows={3} />
      ) : policies.length === 0 ? (
        <EmptyState title={t('reclaim.empty')} text={t('reclaim.emptyText')} large />
      ) : (
        <Stack gap="sm">
          {policies.map((policy) => (
            <Paper key={policy.id} withBorder radius="md" p="md" data-testid="reclaim-policy">
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{policy.name}</Text>
                    <Badge color={policy.enabled ? 'green' : 'gray'} variant="light">
                      {policy.enabled ? t('reclaim.on') : t('reclaim.off')}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`reclaim.rule.${policy.signal}`, { count: policy.thresholdDays, grace: policy.graceDays })} · {policy.subscriptionName ?? t('reclaim.allSubscriptions')}
                  </Text>
                  {policy.enabled && (
                    <Text size="sm" c="dimmed">
                      {t('reclaim.pending', { count: policy.pendingNotices })}
                    </Text>
                  )}
                </Stack>
                <Group gap="xs">
                  <Button variant="light" onClick={() => setDryRunOf(policy.id)}>
                    {t('reclaim.dryRun')}
                  </Button>
                  {policy.enabled && (
                    <Button variant="default" loading={switchState.loading} onClick={() => void setEnabled({ variables: { input: { id: policy.id, version: policy.version, enabled: false } } }).catch(() => null)}>
                      {t('reclaim.switchOff')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {shown && <DryRun key={shown.id} policy={shown} onClose={() => setDryRunOf(null)} />}
      {data && (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('reclaim.monthsTitle')}
            </Title>
            {months.every((month) => month.reclaimed === 0 && month.restored === 0) ? (
              <Text size="sm" c="dimmed">
                {t('reclaim.monthsEmpty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={360}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reclaim.month')}</Table.Th>
                      <Table.Th ta="right">{t('reclaim.reclaimed')}</Table.Th>
                      <Table.Th ta="right">{t('reclaim.restored')}</Table.Th>
                      <Table.Th ta="right">{t('reclaim.net')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {months.map((month) => (
                      <Table.Tr key={month.month}>
                        <Table.Td>{monthName(month.month)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(month.reclaimed, i18n.language)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(month.restored, i18n.language)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(month.net, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Paper>
      )}
      <Alert variant="light" color="blue" title={t('reclaim.howTitle')}>
        {t('reclaim.howText')}
      </Alert>
      {creating && (
        <NewPolicy
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setDryRunOf(id);
          }}
        />
      )}
    </Stack>
  );
}
