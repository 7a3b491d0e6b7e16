import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, Skeleton, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFrequency, ExportRangeKind, ReportExportFormat, ReportExportKind, ScheduledRunStatus } from '@seatwise/schema/client';
import type { ReportExportFieldsFragment } from '../../gql/reports/graphql';
import { useApiErrorText } from '../../ui/apiError';
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime, formatDay, formatNumber } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import {
  CreateReportExportDocument,
  DeleteReportExportDocument,
  ReportExportRunLinkDocument,
  ReportExportRunsDocument,
  RunReportExportNowDocument,
  ScheduledExportsDocument,
  SetExportRetentionDocument,
} from './scheduledExports.graphql';

const kinds: ReportExportKind[] = ['SEAT_USAGE_BY_USER', 'SEAT_USAGE_BY_PRODUCT', 'CLOUD_SERVICES_USAGE', 'SUBSCRIPTIONS', 'USERS', 'AUDIT_LOG'];
const formats: ReportExportFormat[] = ['XLSX', 'CSV', 'JSON'];
const frequencies: ExportFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const retentionChoices = ['14', '30', '90', '365', 'forever'];
const statusColors: Record<ScheduledRunStatus, string> = { QUEUED: 'gray', RUNNING: 'blue', RETRYING: 'orange', SUCCEEDED: 'green', FAILED: 'red' };
const pageSize = 20;

const sizeOf = (bytes: number, language: string) => (bytes < 1024 * 1024 ? `${formatNumber(Math.ceil(bytes / 1024), language)} KB` : `${formatNumber(Math.round(bytes / 104857.6) / 10, language)} MB`);

/** Reports → Scheduled exports: saved reports that run on a schedule, their runs, files and how long they are kept. */
export function ScheduledExportsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ReportExportFieldsFragment | null>(null);
  const [showing, setShowing] = useState<ReportExportFieldsFragment | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(ScheduledExportsDocument, {
    variables: { first: pageSize, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const [remove, removeState] = useMutation(DeleteReportExportDocument);
  const [runNow] = useMutation(RunReportExportNowDocument);
  const [setRetention] = useMutation(SetExportRetentionDocument);
  const errorText = useApiErrorText();
  const shown = data ?? previousData;
  const connection = shown?.reportExports;
  const exports = connection ? connection.edges.map((edge) => edge.node) : null;

  async function confirmDelete() {
    if (!deleting) return;
    await remove({ variables: { id: deleting.id } });
    setDeleting(null);
    await refetch();
  }

  const scheduleText = (item: ReportExportFieldsFragment) => {
    const hour = String(item.hour).padStart(2, '0');
    if (item.frequency === 'WEEKLY') return t('scheduledExports.scheduleWeekly', { day: t(`scheduledExports.weekdays.${item.weekday ?? 1}`), hour });
    if (item.frequency === 'MONTHLY') return t('scheduledExports.scheduleMonthly', { day: item.dayOfMonth ?? 1, hour });
    return t('scheduledExports.scheduleDaily', { hour });
  };
  const retention = shown?.exportRetention.days;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('scheduledExports.title')}
        description={t('scheduledExports.subtitle')}
        aside={<Button onClick={() => setCreating(true)}>{t('scheduledExports.createButton')}</Button>}
      />
      {shown && (
        <Group gap="sm" wrap="wrap">
          <Select
            label={t('scheduledExports.retentionLabel')}
            w={220}
            value={retention === null || retention === undefined ? 'forever' : String(retention)}
            data={[...new Set([...retentionChoices, retention ? String(retention) : 'forever'])].map((value) => ({
              value,
              label: value === 'forever' ? t('scheduledExports.forever') : t('scheduledExports.days', { count: Number(value) }),
            }))}
            onChange={(value) => void setRetention({ variables: { days: !value || value === 'forever' ? null : Number(value) } }).then(() => refetch())}
            allowDeselect={false}
          />
        </Group>
      )}

      {error && !shown ? (
        <ErrorPanel title={t('scheduledExports.errorTitle')} onRetry={() => void refetch()} />
      ) : exports && exports.length === 0 ? (
        <EmptyState large icon={<IconCalendarTime size={26} />} title={t('scheduledExports.emptyTitle')} text={t('scheduledExports.emptyText')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={0} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="sm" aria-busy={loading} style={{ width: 'max-content', minWidth: '100%' }}>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('scheduledExports.columns.name')}</Table.Th>
                  <Table.Th>{t('scheduledExports.columns.schedule')}</Table.Th>
                  <Table.Th>{t('scheduledExports.columns.nextRun')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('scheduledExports.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {exports === null
                  ? Array.from({ length: 3 }, (_, row) => (
                      <Table.Tr key={row}>
                        {[0, 1, 2, 3].map((cell) => (
                          <Table.Td key={cell}>
                            <Skeleton height={14} width={100} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))
                  : exports.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {item.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`scheduledExports.kinds.${item.kind}`)} · {item.format} · {t('scheduledExports.recipients', { count: item.recipients.length })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{scheduleText(item)}</Text>
                          <Text size="xs" c="dimmed">
                            {item.rangeKind === 'ROLLING_DAYS' ? t('scheduledExports.rolling', { count: item.rangeDays ?? 1 }) : t('scheduledExports.sinceLastRun')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(item.nextRunAt, language)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button size="xs" variant="subtle" onClick={() => setShowing(item)} aria-label={t('scheduledExports.runsNamed', { name: item.name })}>
                              {t('scheduledExports.runs')}
                            </Button>
                            <Button size="xs" variant="subtle" onClick={() => void runNow({ variables: { id: item.id } })} aria-label={t('scheduledExports.runNowNamed', { name: item.name })}>
                              {t('scheduledExports.runNow')}
                            </Button>
                            <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(item)} aria-label={t('scheduledExports.deleteNamed', { name: item.name })}>
                              {t('scheduledExports.delete')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {connection && <CursorPager pageInfo={connection.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Paper>
      )}

      <CreateExportDialog
        opened={creating}
        people={(shown?.users.edges ?? []).map((edge) => edge.node).filter((person) => person.status === 'ACTIVE')}
        onClose={() => setCreating(false)}
        onCreated={() => void refetch()}
      />
      {showing && <RunsDialog item={showing} onClose={() => setShowing(null)} />}

      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('scheduledExports.deleteTitle')}>
        <Stack>
          <Text size="sm">{t('scheduledExports.deleteText', { name: deleting?.name ?? '' })}</Text>
          <FormError message={errorText(removeState.error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('scheduledExports.cancel')}
            </Button>
            <Button color="red" loading={removeState.loading} onClick={() => void confirmDelete()}>
              {t('scheduledExports.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface Person {
  id: string;
  name: string;
  email: string;
}

function CreateExportDialog({ opened, people, onClose, onCreated }: { opened: boolean; people: Person[]; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ReportExportKind>('SEAT_USAGE_BY_USER');
  const [format, setFormat] = useState<ReportExportFormat>('XLSX');
  const [frequency, setFrequency] = useState<ExportFrequency>('WEEKLY');
  const [weekday, setWeekday] = useState('1');
  const [dayOfMonth, setDayOfMonth] = useState<number | string>(1);
  const [hour, setHour] = useState<number | string>(6);
  const [rangeKind, setRangeKind] = useState<ExportRangeKind>('ROLLING_DAYS');
  const [rangeDays, setRangeDays] = useState<number | string>(30);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [create, state] = useMutation(CreateReportExportDocument);
  const errorText = useApiErrorText();

  async function save() {
    await create({
      variables: {
        input: {
          name,
          kind,
          format,
          frequency,
          weekday: frequency === 'WEEKLY' ? Number(weekday) : null,
          dayOfMonth: frequency === 'MONTHLY' ? Number(dayOfMonth) : null,
          hour: Number(hour),
          rangeKind,
          rangeDays: rangeKind === 'ROLLING_DAYS' ? Number(rangeDays) : null,
          recipientIds: recipients,
        },
      },
    });
    onCreated();
    onClose();
    setName('');
    setRecipients([]);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('scheduledExports.createTitle')}>
      <Stack>
        <TextInput label={t('scheduledExports.fields.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} required />
        <Select label={t('scheduledExports.fields.kind')} value={kind} onChange={(value) => value && setKind(value as ReportExportKind)} data={kinds.map((value) => ({ value, label: t(`scheduledExports.kinds.${value}`) }))} allowDeselect={false} />
        <Select label={t('scheduledExports.fields.format')} value={format} onChange={(value) => value && setFormat(value as ReportExportFormat)} data={formats} allowDeselect={false} />
        <Select label={t('scheduledExports.fields.frequency')} value={frequency} onChange={(value) => value && setFrequency(value as ExportFrequency)} data={frequencies.map((value) => ({ value, label: t(`scheduledExports.frequencies.${value}`) }))} allowDeselect={false} />
        {frequency === 'WEEKLY' && (
          <Select label={t('scheduledExports.fields.weekday')} value={weekday} onChange={(value) => value && setWeekday(value)} data={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: t(`scheduledExports.weekdays.${day}`) }))} allowDeselect={false} />
        )}
        {frequency === 'MONTHLY' && <NumberInput label={t('scheduledExports.fields.dayOfMonth')} min={1} max={28} value={dayOfMonth} onChange={setDayOfMonth} />}
        <NumberInput label={t('scheduledExports.fields.hour')} description={t('scheduledExports.fields.hourHint')} min={0} max={23} value={hour} onChange={setHour} />
        <Select label={t('scheduledExports.fields.range')} value={rangeKind} onChange={(value) => value && setRangeKind(value as ExportRangeKind)} data={[{ value: 'ROLLING_DAYS', label: t('scheduledExports.rangeRolling') }, { value: 'SINCE_LAST_RUN', label: t('scheduledExports.sinceLastRun') }]} allowDeselect={false} />
        {rangeKind === 'ROLLING_DAYS' && <NumberInput label={t('scheduledExports.fields.rangeDays')} min={1} max={366} value={rangeDays} onChange={setRangeDays} />}
        <MultiSelect label={t('scheduledExports.fields.recipients')} value={recipients} onChange={setRecipients} data={people.map((person) => ({ value: person.id, label: `${person.name} (${person.email})` }))} searchable maxValues={20} />
        <FormError message={errorText(state.error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('scheduledExports.cancel')}
          </Button>
          <Button loading={state.loading} onClick={() => void save().catch(() => undefined)}>
            {t('scheduledExports.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RunsDialog({ item, onClose }: { item: ReportExportFieldsFragment; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { data, loading, refetch } = useQuery(ReportExportRunsDocument, { variables: { exportId: item.id }, fetchPolicy: 'network-only' });
  const [link] = useMutation(ReportExportRunLinkDocument);
  const runs = data?.reportExportRuns.edges.map((edge) => edge.node) ?? null;

  async function download(runId: string) {
    const result = await link({ variables: { runId } });
    const url = result.data?.createReportExportRunLink.url;
    if (url) window.location.assign(url);
  }

  return (
    <Modal opened onClose={onClose} title={t('scheduledExports.runsTitle', { name: item.name })} size="lg">
      <Stack>
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={() => void refetch()}>
            {t('scheduledExports.refresh')}
          </Button>
        </Group>
        {loading && !runs ? (
          <Skeleton height={60} />
        ) : runs && runs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('scheduledExports.noRuns')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={0} type="native">
            <Table verticalSpacing="xs" style={{ width: 'max-content', minWidth: '100%' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scheduledExports.runColumns.when')}</Table.Th>
                  <Table.Th>{t('scheduledExports.runColumns.status')}</Table.Th>
                  <Table.Th>{t('scheduledExports.runColumns.range')}</Table.Th>
                  <Table.Th>{t('scheduledExports.runColumns.size')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('scheduledExports.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(runs ?? []).map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td>{formatDateTime(run.slotAt, language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={statusColors[run.status]} title={run.error ?? undefined}>
                        {t(`scheduledExports.statuses.${run.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {formatDay(run.rangeFrom, language)} – {formatDay(run.rangeTo, language)}
                    </Table.Td>
                    <Table.Td>
                      {run.sizeBytes === null || run.sizeBytes === undefined ? '—' : `${sizeOf(run.sizeBytes, language)} · ${t('scheduledExports.rows', { count: run.rowCount ?? 0 })}`}
                    </Table.Td>
                    <Table.Td>
                      {run.status === 'SUCCEEDED' && (
                        <Button size="xs" variant="subtle" onClick={() => void download(run.id)}>
                          {t('scheduledExports.download')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}
