import { Anchor, Box, Group, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Logo } from '../../ui/Logo';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** Same origin and the session cookie: the playground acts as the person signed in here. */
const fetcher: Fetcher = async (params) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
};

const meQuery = `# Welcome to the Seatwise GraphQL playground.
# Run a query with the play button or Ctrl+Enter; the Docs pane lists every type and field.
query Me {
  me {
    email
    role
    account {
      name
    }
  }
}
`;

const usersQuery = `# A page of the account's users ("By User"); admins only.
query Users($search: String) {
  users(first: 10, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        name
        email
        role
        status
        team {
          name
        }
      }
    }
  }
}
`;

/** F-60: GraphiQL bundled with the app (no CDN), loaded only when someone opens it. */
export default function PlaygroundPage() {
  const { t } = useTranslation();
  return (
    <Box h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group
        justify="space-between"
        px="md"
        py={8}
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group gap="md" wrap="nowrap">
          <Logo size="md" />
          <Text fw={600} size="sm" component="h1" m={0}>
            {t('playground.title')}
          </Text>
        </Group>
        <Group gap="md" wrap="nowrap">
          <Text size="xs" c="dimmed" visibleFrom="md">
            {t('playground.hint')}
          </Text>
          <Anchor component={Link} to="/" size="sm">
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} />
              {t('playground.back')}
            </Group>
          </Anchor>
        </Group>
      </Group>
      <Box style={{ flex: 1, minHeight: 0 }}>
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={meQuery}
          defaultTabs={[{ query: meQuery }, { query: usersQuery, variables: '{ "search": "Novak" }' }]}
        />
      </Box>
    </Box>
  );
}
