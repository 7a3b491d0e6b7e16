/** The operations the playground opens with, each in its own tab, ready to run. */
export interface PlaygroundExample {
  query: string;
  variables?: string;
}

const welcome = `# Welcome to the Seatwise GraphQL playground.
# Run a query with the play button or Ctrl+Enter; the Docs pane lists every type and field.
# Queries run as the person signed in to this browser, or as the API token pasted above.
query ServerAndMe {
  serverInfo {
    version
  }
  me {
    email
    role
    account {
      name
    }
  }
}
`;

const users = `# A page of the account's users ("By User"), needs read:users with a token.
# Lists are connections: pass pageInfo.endCursor as $after for the next page.
query Users($first: Int, $after: String, $search: String) {
  users(first: $first, after: $after, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
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
        seatCount
        team {
          name
        }
      }
    }
  }
}
`;

const teams = `# The account's teams with how many people each has (read:users).
query Teams {
  teams(first: 25) {
    edges {
      node {
        name
        memberCount
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const tokens = `# Your API tokens (for people signed in only: tokens cannot manage tokens).
query ApiTokens {
  apiTokens(first: 10, filter: { statuses: [ACTIVE] }) {
    totalCount
    edges {
      node {
        name
        kind
        scopes
        lastUsedAt
        expiresAt
      }
    }
  }
}
`;

const createToken = `# Creates a service token (admins) that may read users; the secret is shown only in this answer.
mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    secret
    token {
      id
      name
      scopes
      expiresAt
    }
  }
}
`;

export const playgroundExamples: PlaygroundExample[] = [
  { query: welcome },
  { query: users, variables: JSON.stringify({ first: 10, after: null, search: 'Novak' }, null, 2) },
  { query: teams },
  { query: tokens },
  {
    query: createToken,
    variables: JSON.stringify({ input: { kind: 'SERVICE', name: 'Playground test', scopes: ['READ_USERS'], expiresInDays: 7 } }, null, 2),
  },
];
