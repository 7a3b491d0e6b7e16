import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { type ComponentProps, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/documentTitle';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { Logo } from '../../ui/Logo';
import { playgroundExamples } from './examples';
import { PlaygroundServerInfoDocument } from './playground.graphql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Same origin. Without a token the session cookie goes along, so the playground acts as the person
 * signed in here; with a pasted token it sends `Authorization: Bearer` and no cookie, exactly as
 * another app would. Headers typed in GraphiQL's Headers tab are sent too.
 */
function createFetcher(token: string): Fetcher {
  return async (params, options) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      credentials: token ? 'omit' : 'include',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options?.headers as Record<string, string> | undefined),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}

/** F-60: GraphiQL bundled with the app (no CDN), loaded only when someone opens it. */
export default function PlaygroundPage() {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const trimmed = token.trim();
  const fetcher = useMemo(() => createFetcher(trimmed), [trimmed]);
  const server = useQuery(PlaygroundServerInfoDocument);
  useDocumentTitle(t('playground.title'));

  if (server.loading) return <FullPageLoader label={t('playground.loading')} />;
  if (server.data && !server.data.serverInfo.playground) {
    return (
      <Stack gap="sm" maw={560} p="xl">
        <Title order={1} size="h2">
          {t('playground.disabledTitle')}
        </Title>
        <Text c="dimmed">{t('playground.disabledText')}</Text>
        <Anchor component={Link} to="/">
          {t('playground.back')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Box h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group
        justify="space-between"
        px="md"
        py={8}
        wrap="nowrap"
        gap="md"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group gap="md" wrap="nowrap">
          <Logo size="md" />
          <Text fw={600} size="sm" component="h1" m={0} visibleFrom="sm">
            {t('playground.title')}
          </Text>
        </Group>
        <Group gap="md" wrap="nowrap" style={{ flex: 1, justifyContent: 'flex-end' }}>
          <Text size="xs" c="dimmed" visibleFrom="lg">
            {trimmed ? t('playground.hintToken') : t('playground.hint')}
          </Text>
          <PasswordInput
            size="xs"
            w={{ base: 160, sm: 280 }}
            aria-label={t('playground.tokenLabel')}
            placeholder={t('playground.tokenPlaceholder')}
            value={token}
            onChange={(event) => setToken(event.currentTarget.value)}
            autoComplete="off"
          />
          <Anchor component={Link} to="/" size="sm">
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} />
              <Text span size="sm" visibleFrom="sm">
                {t('playground.back')}
              </Text>
            </Group>
          </Anchor>
        </Group>
      </Group>
      <Box style={{ flex: 1, minHeight: 0 }}>
        <GraphiQL
          key={trimmed ? 'token' : 'session'}
          fetcher={fetcher}
          defaultQuery={playgroundExamples[0]!.query}
          defaultTabs={playgroundExamples}
        />
      </Box>
    </Box>
  );
}
