import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
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
import { AddSupportMessageDocument, SupportThreadDocument } from './home.graphql';

/** A support request of the account with support's replies (F-10, V-06), opened from the home card or a reply mail. */
export function SupportThreadPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const { data, error, refetch } = useQuery(SupportThreadDocument, { variables: { id } });
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  // A thread has no id of its own to be normalised by: the page reads it again after a message.
  const [write, writing] = useMutation(AddSupportMessageDocument, { refetchQueries: ['SupportThread'], awaitRefetchQueries: true });
  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  const thread = data?.supportRequest;
  if (!thread) return <FullPageLoader />;
  const { request, messages } = thread;
  const failed = apiError(writing.error);

  async function send() {
    setSent(false);
    const result = await write({ variables: { input: { requestId: id, body } } }).catch(() => null);
    if (result?.data) {
      setBody('');
      setSent(true);
    }
  }
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/support" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('home.support.backToList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {request.subject}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {formatDateTime(request.createdAt, i18n.language)}
            {request.openedBy ? ` · ${request.openedBy}` : ''}
            {` · ${t(`home.support.categories.${request.category}`)}`}
          </Text>
        </div>
        <Badge size="lg" variant="light" color={supportStatusColor[request.status]}>
          {t(`home.support.status.${request.status}`)}
        </Badge>
      </Group>
      <SupportMessages messages={messages} emptyText={t('home.support.noReplies')} />
      {request.status === 'CLOSED' && (
        <Text size="sm" c="dimmed">
          {t('home.support.closedHint', { date: request.closedAt ? formatDateTime(request.closedAt, i18n.language) : '—' })}
        </Text>
      )}
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
              label={t('home.support.message')}
              description={request.status === 'CLOSED' ? t('home.support.reopenHint') : t('home.support.messageHint')}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={5000}
              value={body}
              onChange={(event) => {
                setBody(event.currentTarget.value);
                setSent(false);
              }}
              error={failed?.field === 'input.body' ? errorText(writing.error) : null}
            />
            {sent && (
              <Alert color="teal" variant="light" role="status">
                {t('home.support.messageSent')}
              </Alert>
            )}
            <FormError message={writing.error && failed?.field !== 'input.body' ? errorText(writing.error) : null} />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconSend size={16} />} loading={writing.loading}>
                {t('home.support.sendMessage')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
