import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

export interface ThreadMessage {
  id: string;
  author: 'CUSTOMER' | 'VENDOR';
  authorName?: string | null;
  body: string;
  createdAt: string;
}

/** A support request's thread, oldest first: who wrote each message, when, and what (line breaks kept). */
export function SupportMessages({ messages, emptyText }: { messages: readonly ThreadMessage[]; emptyText: string }) {
  const { t, i18n } = useTranslation();
  if (!messages.length) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('support.thread')}>
      {messages.map((message) => (
        <Paper key={message.id} component="li" withBorder radius="md" p="md" bg={message.author === 'VENDOR' ? 'var(--mantine-primary-color-light)' : undefined}>
          <Group justify="space-between" gap="xs" mb={6}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {message.authorName ?? t('support.someone')}
              </Text>
              <Badge size="xs" variant="light" color={message.author === 'VENDOR' ? undefined : 'gray'}>
                {t(`support.authors.${message.author}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {formatDateTime(message.createdAt, i18n.language)}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
