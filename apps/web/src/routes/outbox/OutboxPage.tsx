import { useQuery } from '@apollo/client/react';
import { Accordion, Anchor, Badge, Box, Button, Container, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMail, IconMessage, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { LanguageMenu } from '../../ui/LanguageMenu';
import { Logo } from '../../ui/Logo';
import { MessageText } from './MessageText';
import { OutboxDocument } from './outbox.graphql';

const PAGE_SIZE = 50;

/**
 * Demo mode's stand-in for a mailbox: every email and text message Seatwise would have sent, so
 * reset links, invitations and codes can be followed without a mail server. Needs no sign-in.
 */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  // Polls quietly; only a refresh the person asked for shows on the button.
  const [cursors, setCursors] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [searched] = useDebouncedValue(search.trim(), 250);
  const { data: current, previousData, loading, error, refetch } = useQuery(OutboxDocument, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null, filter: searched ? { search: searched } : null },
    pollInterval: 5000,
  });
  const data = current ?? previousData;
  const [refreshing, setRefreshing] = useState(false);
  const refresh = () => {
    setRefreshing(true);
    void refetch().finally(() => setRefreshing(false));
  };
  const messages = data?.outbox.edges.map((edge) => edge.node) ?? [];

  return (
    <Box mih="100vh" bg="gray.0">
      <Container component="main" id="main" size="md" py="lg">
        <Group justify="space-between" mb="lg">
          <Anchor component={Link} to="/" underline="never" aria-label={t('outbox.backHome')}>
            <Logo />
          </Anchor>
          <LanguageMenu />
        </Group>
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={1} size="h2">
                {t('outbox.title')}
              </Title>
              <Text c="dimmed" size="sm" maw={620}>
                {t('outbox.intro')}
              </Text>
            </div>
            <Button variant="light" leftSection={<IconRefresh size={16} />} loading={refreshing} onClick={refresh}>
              {t('outbox.refresh')}
            </Button>
          </Group>
          <TextInput
            label={t('outbox.search')}
            placeholder={t('outbox.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setCursors([]);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setSearch('');
                setCursors([]);
              }
            }}
            maw={420}
          />
          {error ? (
            <ErrorPanel title={error.message} onRetry={refresh} />
          ) : !data && loading ? (
            <Group justify="center" py="xl">
              <Loader aria-label={t('outbox.loading')} />
            </Group>
          ) : messages.length === 0 ? (
            <Paper withBorder p="xl" radius="md">
              <Text ta="center" c="dimmed">
                {searched ? t('outbox.noMatch', { search: searched }) : t('outbox.empty')}
              </Text>
            </Paper>
          ) : (
            <Accordion variant="separated" radius="md" defaultValue={messages[0]?.id}>
              {messages.map((message) => (
                <Accordion.Item key={message.id} value={message.id}>
                  <Accordion.Control
                    icon={message.channel === 'SMS' ? <IconMessage size={18} /> : <IconMail size={18} />}
                    aria-label={`${t(`outbox.channel.${message.channel}`)}: ${message.subject ?? message.text}`}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="sm">
                      <Box miw={0}>
                        <Text fw={600} size="sm" truncate>
                          {message.subject ?? message.text}
                        </Text>
                        <Text size="xs" c="dimmed" truncate>
                          {t('outbox.to', { to: message.to })}
                        </Text>
                      </Box>
                      <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                        <Badge variant="light" color={message.channel === 'SMS' ? 'grape' : 'blue'}>
                          {t(`outbox.channel.${message.channel}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(message.sentAt as string, i18n.language)}
                        </Text>
                      </Stack>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <MessageText text={message.text} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
          {data && <CursorPager pageInfo={data.outbox.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Stack>
      </Container>
    </Box>
  );
}
