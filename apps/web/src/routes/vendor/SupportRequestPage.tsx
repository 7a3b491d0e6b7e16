import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconLockOpen, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { formatDateTime } from '../../ui/format';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { SupportMessages } from '../../ui/SupportMessages';
import { supportStatusColor } from '../../ui/supportStatus';
import {
  CloseSupportRequestDocument,
  InboxSupportRequestDocument,
  ReopenSupportRequestDocument,
  ReplyToSupportRequestDocument,
} from './support.graphql';

/** One support request: its customer and opener, the thread, and the reply form; close and reopen. */
export function SupportRequestPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const { data, error, refetch } = useQuery(InboxSupportRequestDocument, { variables: { id } });
  const thread = data?.inboxSupportRequest;
  const [sent, setSent] = useState(false);
  const [body, setBody] = useState('');
  const [closeWith, setCloseWith] = useState(false);
  // A thread has no id of its own to be normalised by: the page reads it again after each change.
  const again = { refetchQueries: ['InboxSupportRequest'], awaitRefetchQueries: true };
  const [reply, replying] = useMutation(ReplyToSupportRequestDocument, again);
  const [close, closing] = useMutation(CloseSupportRequestDocument, again);
  const [reopen, reopening] = useMutation(ReopenSupportRequestDocument, again);

  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  if (!thread) return <FullPageLoader />;
  const { request, messages } = thread;
  const open = request.status !== 'CLOSED';
  const failed = apiError(replying.error);

  async function send() {
    const result = await reply({ variables: { input: { requestId: id, body, close: closeWith } } }).catch(() => null);
    if (result?.data) {
      setBody('');
      setCloseWith(false);
      setSent(true);
    }
  }

  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/vendor/support" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('vendor.support.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {request.subject}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            <Anchor component={Link} to={`/vendor/customers/${request.customerId}`} size="sm">
              {request.customerName}
            </Anchor>
            {' · '}
            {t('vendor.support.openedOn', { name: request.openedBy ?? t('support.someone'), date: formatDateTime(request.createdAt, i18n.language) })}
            {request.openedByEmail ? ` · ${request.openedByEmail}` : ''}
            {` · ${t(`home.support.categories.${request.category}`)}`}
          </Text>
        </div>
        <Group gap="xs">
          <Badge size="lg" variant="light" color={supportStatusColor[request.status]}>
            {t(`vendor.support.statuses.${request.status}`)}
          </Badge>
          {open ? (
            <Button variant="default" leftSection={<IconLock size={16} />} loading={closing.loading} onClick={() => void close({ variables: { id } }).catch(() => null)}>
              {t('vendor.support.close')}
            </Button>
          ) : (
            <Button variant="default" leftSection={<IconLockOpen size={16} />} loading={reopening.loading} onClick={() => void reopen({ variables: { id } }).catch(() => null)}>
              {t('vendor.support.reopen')}
            </Button>
          )}
        </Group>
      </Group>
      <FormError message={closing.error || reopening.error ? errorText(closing.error ?? reopening.error) : null} />
      <SupportMessages messages={messages} emptyText={t('vendor.support.noReplies')} />
      {open ? (
        <Paper withBorder radius="md" p="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
            noValidate
          >
            <Stack gap="sm">
              <Textarea
                label={t('vendor.support.reply')}
                description={t('vendor.support.replyHint', { email: request.openedByEmail ?? '—' })}
                autosize
                minRows={4}
                maxRows={14}
                maxLength={5000}
                value={body}
                onChange={(event) => {
                  setBody(event.currentTarget.value);
                  setSent(false);
                }}
                error={failed?.field === 'input.body' ? errorText(replying.error) : null}
              />
              {sent && (
                <Alert color="teal" variant="light" role="status">
                  {t('vendor.support.sent')}
                </Alert>
              )}
              <FormError message={replying.error && failed?.field !== 'input.body' ? errorText(replying.error) : null} />
              <Group justify="space-between" wrap="wrap">
                <Checkbox label={t('vendor.support.closeWithReply')} checked={closeWith} onChange={(event) => setCloseWith(event.currentTarget.checked)} />
                <Button type="submit" leftSection={<IconSend size={16} />} loading={replying.loading}>
                  {t('vendor.support.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          {t('vendor.support.closedOn', { date: request.closedAt ? formatDateTime(request.closedAt, i18n.language) : '—' })}
        </Text>
      )}
    </Stack>
  );
}
