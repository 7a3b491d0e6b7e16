import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Menu,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  ActionIcon,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconDots, IconWebhook } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vendorOnlyWebhookEvents, type WebhookDeliveryStatus, WebhookEventType } from '@seatwise/schema/client';
import { useApiErrorText } from '../apiError';
import { CursorPager, type PagerInfo } from '../CursorPager';
import { EmptyState } from '../EmptyState';
import { ErrorPanel } from '../ErrorPanel';
import { FormError } from '../FormError';
import { formatDateTime, formatNumber } from '../format';
import { PageHeader } from '../PageHeader';
import { SkeletonRows } from '../TableSkeleton';

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  allEvents: boolean;
  events: WebhookEventType[];
  enabled: boolean;
  disabledForFailureAt?: string | null;
  createdAt: string;
}

export interface WebhookAttemptView {
  id: string;
  deliveryId: string;
  eventType: WebhookEventType;
  attempt: number;
  statusCode?: number | null;
  succeeded: boolean;
  error?: string | null;
  responseExcerpt: string;
  durationMs: number;
  attemptedAt: string;
  deliveryStatus: WebhookDeliveryStatus;
}

export interface WebhookEndpointInput {
  url: string;
  description: string;
  allEvents: boolean;
  events: WebhookEventType[];
}

export interface WebhookLog {
  attempts: WebhookAttemptView[] | null;
  totalCount: number;
  pageInfo: PagerInfo | null;
  refetch(): void;
}

/**
 * What a webhooks screen needs from its side (an account's or the vendor's operations): the list,
 * the changes, and a hook reading one endpoint's delivery log page by page.
 */
export interface WebhooksApi {
  endpoints: WebhookEndpointView[] | null;
  loading: boolean;
  failed: boolean;
  refetch(): void;
  /** Returns the new secret, shown once. */
  create(input: WebhookEndpointInput): Promise<string>;
  update(id: string, change: Partial<WebhookEndpointInput> & { enabled?: boolean }): Promise<void>;
  rotate(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  redeliver(deliveryId: string): Promise<void>;
  useLog(endpointId: string, after: string | null): WebhookLog;
  /** The vendor's endpoints may also take the events about customers. */
  vendor: boolean;
}

const eventTypes = Object.values(WebhookEventType);

/** Webhook endpoints: list, add (secret shown once), edit events, on and off, rotate, delete, delivery log. Both the account's and the vendor's screens. */
export function WebhooksManager({ api, title, description }: { api: WebhooksApi; title: string; description: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<WebhookEndpointView | 'new' | null>(null);
  // The secret stays in place while its dialog closes, so the dialog does not empty as it fades.
  const [secret, setSecretValue] = useState<string | null>(null);
  const [secretOpen, setSecretOpen] = useState(false);
  const setSecret = (value: string | null) => {
    if (value) setSecretValue(value);
    setSecretOpen(value !== null);
  };
  const [deleting, setDeleting] = useState<WebhookEndpointView | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpointView | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpointView | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const errorText = useApiErrorText();

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setActionError(null);
    try {
      await work();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  }

  const endpoints = api.endpoints;
  return (
    <Stack gap="lg">
      <PageHeader title={title} description={description} aside={<Button onClick={() => setEditing('new')}>{t('webhooks.addButton')}</Button>} />
      <FormError message={errorText(actionError)} />
      {api.failed && !endpoints ? (
        <ErrorPanel onRetry={api.refetch} />
      ) : endpoints && endpoints.length === 0 ? (
        <EmptyState large icon={<IconWebhook size={26} />} title={t('webhooks.emptyTitle')} text={t('webhooks.emptyText')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={0} type="native">
            <Table verticalSpacing="sm" data-testid="webhook-endpoints">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('webhooks.columns.url')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.events')}</Table.Th>
                  <Table.Th>{t('webhooks.columns.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!endpoints ? (
                  <SkeletonRows rows={3} columns={4} />
                ) : (
                  endpoints.map((endpoint) => (
                    <Table.Tr key={endpoint.id}>
                      <Table.Td style={{ wordBreak: 'break-all', minWidth: 180 }}>
                        <Text size="sm" fw={500}>
                          {endpoint.url}
                        </Text>
                        {endpoint.description && (
                          <Text size="xs" c="dimmed">
                            {endpoint.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{endpoint.allEvents ? t('webhooks.allEvents') : t('webhooks.eventCount', { count: endpoint.events.length })}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {endpoint.enabled ? (
                          <Badge color="green" variant="light" style={{ overflow: 'visible', minWidth: 'max-content' }}>
                            {t('webhooks.status.on')}
                          </Badge>
                        ) : endpoint.disabledForFailureAt ? (
                          <Badge color="red" variant="light" style={{ overflow: 'visible', minWidth: 'max-content' }} title={formatDateTime(endpoint.disabledForFailureAt, i18n.language)}>
                            {t('webhooks.status.failing')}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light" style={{ overflow: 'visible', minWidth: 'max-content' }}>
                            {t('webhooks.status.off')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="xs" variant="light" onClick={() => setLogOf(endpoint)}>
                            {t('webhooks.logButton')}
                          </Button>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon variant="subtle" aria-label={t('webhooks.actions', { url: endpoint.url })}>
                                <IconDots size={18} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing(endpoint)}>{t('webhooks.edit')}</Menu.Item>
                              <Menu.Item disabled={busy} onClick={() => void act(() => api.update(endpoint.id, { enabled: !endpoint.enabled }))}>
                                {endpoint.enabled ? t('webhooks.turnOff') : t('webhooks.turnOn')}
                              </Menu.Item>
                              <Menu.Item onClick={() => setRotating(endpoint)}>{t('webhooks.rotate')}</Menu.Item>
                              <Menu.Item color="red" onClick={() => setDeleting(endpoint)}>
                                {t('webhooks.delete')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <EndpointForm
        key={editing === 'new' ? 'new' : (editing?.id ?? 'closed')}
        opened={editing !== null}
        endpoint={editing === 'new' ? null : editing}
        vendor={api.vendor}
        onClose={() => setEditing(null)}
        onSave={async (input) => {
          if (editing === 'new') setSecret(await api.create(input));
          else if (editing) await api.update(editing.id, input);
          setEditing(null);
        }}
      />

      <Modal opened={secretOpen} onClose={() => setSecret(null)} onExitTransitionEnd={() => setSecretValue(null)} title={t('webhooks.secret.title')}>
        {secret && (
          <Stack>
            <Alert color="yellow" icon={<IconAlertTriangle />} title={t('webhooks.secret.once')}>
              {t('webhooks.secret.onceText')}
            </Alert>
            <Code block data-testid="webhook-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {secret}
            </Code>
            <Group justify="space-between">
              <CopyButton value={secret}>
                {({ copied, copy }) => (
                  <Button variant="light" leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                    {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setSecret(null)}>{t('webhooks.secret.done')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Confirm
        opened={rotating !== null}
        title={t('webhooks.rotateTitle')}
        text={t('webhooks.rotateText', { url: rotating?.url ?? '' })}
        confirm={t('webhooks.rotateConfirm')}
        onClose={() => setRotating(null)}
        onConfirm={async () => {
          const next = await api.rotate(rotating!.id);
          setRotating(null);
          setSecret(next);
        }}
      />
      <Confirm
        danger
        opened={deleting !== null}
        title={t('webhooks.deleteTitle')}
        text={t('webhooks.deleteText', { url: deleting?.url ?? '' })}
        confirm={t('webhooks.deleteConfirm')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api.remove(deleting!.id);
          setDeleting(null);
        }}
      />

      <Modal opened={logOf !== null} onClose={() => setLogOf(null)} title={t('webhooks.log.title')} size="xl">
        {logOf && <DeliveryLog api={api} endpoint={logOf} />}
      </Modal>
    </Stack>
  );
}

function Confirm({ opened, title, text, confirm, danger, onClose, onConfirm }: { opened: boolean; title: string; text: string; confirm: string; danger?: boolean; onClose(): void; onConfirm(): Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {text}
        </Text>
        <FormError message={errorText(error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('webhooks.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={busy} onClick={() => void run()}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EndpointForm({ opened, endpoint, vendor, onClose, onSave }: { opened: boolean; endpoint: WebhookEndpointView | null; vendor: boolean; onClose(): void; onSave(input: WebhookEndpointInput): Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [allEvents, setAllEvents] = useState(endpoint?.allEvents ?? true);
  const [events, setEvents] = useState<string[]>(endpoint?.events ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const offered = eventTypes.filter((type) => vendor || !vendorOnlyWebhookEvents.includes(type));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ url: url.trim(), description: description.trim(), allEvents, events: allEvents ? [] : (events as WebhookEventType[]) });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.addTitle')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput required label={t('webhooks.form.url')} description={t('webhooks.form.urlHelp')} placeholder="https://" value={url} onChange={(event) => setUrl(event.currentTarget.value)} />
          <TextInput label={t('webhooks.form.description')} maxLength={200} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
          <Switch label={t('webhooks.form.allEvents')} description={t('webhooks.form.allEventsHelp')} checked={allEvents} onChange={(event) => setAllEvents(event.currentTarget.checked)} />
          {!allEvents && (
            <Checkbox.Group label={t('webhooks.form.events')} value={events} onChange={setEvents}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {offered.map((type) => (
                  <Checkbox key={type} value={type} label={t(`webhooks.events.${type}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <FormError message={errorText(error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('webhooks.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {endpoint ? t('webhooks.form.save') : t('webhooks.form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeliveryLog({ api, endpoint }: { api: WebhooksApi; endpoint: WebhookEndpointView }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const log = api.useLog(endpoint.id, cursors.at(-1) ?? null);

  async function redeliver(deliveryId: string) {
    setError(null);
    try {
      await api.redeliver(deliveryId);
      setSent(deliveryId);
      log.refetch();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {endpoint.url} · {t('webhooks.log.count', { count: log.totalCount })}
      </Text>
      <FormError message={errorText(error)} />
      {sent && <Alert color="green">{t('webhooks.log.queued')}</Alert>}
      {log.attempts && log.attempts.length === 0 ? (
        <Text size="sm">{t('webhooks.log.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0} type="native">
          <Table verticalSpacing="xs" data-testid="webhook-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('webhooks.log.time')}</Table.Th>
                <Table.Th>{t('webhooks.log.event')}</Table.Th>
                <Table.Th>{t('webhooks.log.result')}</Table.Th>
                <Table.Th>{t('webhooks.log.response')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {!log.attempts ? (
                <SkeletonRows rows={3} columns={5} />
              ) : (
                log.attempts.map((attempt) => (
                  <Table.Tr key={attempt.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(attempt.attemptedAt, i18n.language)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('webhooks.log.attempt', { number: attempt.attempt })} · {t('webhooks.log.duration', { ms: formatNumber(attempt.durationMs, i18n.language) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`webhooks.events.${attempt.eventType}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={attempt.succeeded ? 'green' : 'red'} variant="light">
                        {attempt.statusCode ?? t('webhooks.log.noAnswer')}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="xs" ff="monospace" lineClamp={2} style={{ wordBreak: 'break-all' }} title={attempt.responseExcerpt || attempt.error || ''}>
                        {attempt.responseExcerpt || attempt.error || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {attempt.deliveryStatus !== 'PENDING' && (
                        <Button size="xs" variant="subtle" onClick={() => void redeliver(attempt.deliveryId)}>
                          {t('webhooks.log.redeliver')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.pageInfo && <CursorPager pageInfo={log.pageInfo} cursors={cursors} onChange={setCursors} />}
    </Stack>
  );
}
