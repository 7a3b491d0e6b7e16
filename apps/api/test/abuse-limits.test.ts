import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { dataOf, startTestApp, type TestApp, type TestClient } from './harness.js';

interface Refusal {
  status: number;
  errors: { message: string; extensions?: { code?: string; limit?: number } }[];
}

const defaults = loadConfig({}).graphql;
const USER_FIELDS = 'id email firstName lastName name role status team { id name } seatCount joinedAt lastSignInAt';

/** Posts any body (even an array or a huge string) and reads the answer, whatever its status. */
async function post(app: TestApp, body: string, headers: Record<string, string> = {}): Promise<Refusal & { body: unknown }> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const parsed = (await response.json()) as { errors?: Refusal['errors'] };
  return { status: response.status, errors: parsed.errors ?? [], body: parsed };
}

const query = (app: TestApp, document: string, variables?: Record<string, unknown>) =>
  post(app, JSON.stringify({ query: document, variables }));

function expectCode(result: Refusal, code: string, limit: number) {
  expect(result.errors[0]?.extensions).toMatchObject({ code, limit });
}

describe('GraphQL abuse limits Q-03', () => {
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp('sqlite');
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
  });
  afterAll(() => app?.close());

  /** After every probe the server must still answer a normal request. */
  const stillAnswering = async () => {
    const { serverInfo } = dataOf(await app.client().graphql<{ serverInfo: { version: string } }>('{ serverInfo { version } }'));
    expect(serverInfo.version).toMatch(/^\d+\.\d+\.\d+/);
  };

  const expectRefusal = (result: Refusal, code: string, limit: number) => {
    const error = result.errors.find((candidate) => candidate.extensions?.code === code);
    expect(error, `expected ${code} among ${JSON.stringify(result.errors).slice(0, 500)}`).toBeDefined();
    expect(error!.extensions?.limit).toBe(limit);
    // The message names the limit as English writes numbers (10,000).
    expect(error!.message).toContain(new Intl.NumberFormat('en', { useGrouping: 'min2' }).format(limit));
    expect(result.status).toBeGreaterThanOrEqual(400);
  };

  it('refuses a query 50 levels deep', async () => {
    const deep = `{ me { account { ${'a { '.repeat(48)}id${' }'.repeat(48)} } } }`;
    expectRefusal(await query(app, deep), 'DEPTH_LIMIT_EXCEEDED', defaults.maxDepth);
    await stillAnswering();
  });

  it('refuses 1,000 aliases (the document is too long before aliases are even counted)', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: serverInfo { version }`).join(' ');
    expectRefusal(await query(app, `{ ${aliases} }`), 'TOKEN_LIMIT_EXCEEDED', defaults.maxTokens);
    await stillAnswering();
  });

  it('refuses one alias over the alias limit', async () => {
    const aliases = Array.from({ length: defaults.maxAliases + 1 }, (_, index) => `a${index}: serverInfo { version }`).join(' ');
    expectRefusal(await query(app, `{ ${aliases} }`), 'ALIAS_LIMIT_EXCEEDED', defaults.maxAliases);
    const allowed = Array.from({ length: defaults.maxAliases }, (_, index) => `a${index}: serverInfo { version }`).join(' ');
    expect((await query(app, `{ ${allowed} }`)).errors).toEqual([]);
  });

  it('refuses too many directives', async () => {
    const fragments = ' ... @include(if: true) { version }'.repeat(defaults.maxDirectives + 1);
    expectRefusal(await query(app, `{ serverInfo {${fragments} } }`), 'DIRECTIVE_LIMIT_EXCEEDED', defaults.maxDirectives);
    await stillAnswering();
  });

  it('refuses a batch of 100 operations and answers a batch within the limit', async () => {
    const operation = { query: '{ serverInfo { version } }' };
    const refused = await post(app, JSON.stringify(Array.from({ length: 100 }, () => operation)));
    expectRefusal(refused, 'BATCH_LIMIT_EXCEEDED', defaults.maxBatch);
    const allowed = await post(app, JSON.stringify(Array.from({ length: defaults.maxBatch }, () => operation)));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toHaveLength(defaults.maxBatch);
    await stillAnswering();
  });

  it('refuses a 10 MB body without reading it all', async () => {
    const huge = JSON.stringify({ query: '{ serverInfo { version } }', variables: { padding: 'x'.repeat(10 * 1024 * 1024) } });
    const result = await post(app, huge);
    expect(result.status).toBe(413);
    expectRefusal(result, 'BODY_LIMIT_EXCEEDED', defaults.maxBodyBytes);
    await stillAnswering();
  });

  it('refuses a cost bomb: many full pages of users under different aliases', async () => {
    const pages = Array.from({ length: 10 }, (_, index) => `p${index}: users(first: 100) { edges { node { ${USER_FIELDS} } } }`);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ query: `{ ${pages.join(' ')} }` }),
    });
    const body = (await response.json()) as Refusal;
    expectRefusal({ status: response.status, errors: body.errors }, 'COST_LIMIT_EXCEEDED', defaults.maxCost);
    await stillAnswering();
  });

  it('answers the largest page of users with every field within the default cost', async () => {
    const { users } = dataOf(
      await admin.graphql<{ users: { edges: unknown[] } }>(
        `{ users(first: 100) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${USER_FIELDS} } } } }`,
      ),
    );
    expect(users.edges.length).toBeGreaterThan(50);
  });

  it('answers the introspection query GraphiQL sends', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await query(app, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(result.errors).toEqual([]);
  });
});

describe('limits are configurable', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { seed: false, env: { GRAPHQL_MAX_DEPTH: '2', GRAPHQL_MAX_ALIASES: '1', GRAPHQL_MAX_BATCH: '2' } });
  });
  afterAll(() => app?.close());

  it('uses the limits from the environment', async () => {
    expectCode(await query(app, '{ me { account { id } } }'), 'DEPTH_LIMIT_EXCEEDED', 2);
    expectCode(await query(app, '{ a: serverInfo { version } b: serverInfo { version } }'), 'ALIAS_LIMIT_EXCEEDED', 1);
    const batch = JSON.stringify(Array.from({ length: 3 }, () => ({ query: '{ serverInfo { version } }' })));
    expectCode(await post(app, batch), 'BATCH_LIMIT_EXCEEDED', 2);
  });
});

describe('with a generous token limit, 1,000 aliases still meet the alias limit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { seed: false, env: { GRAPHQL_MAX_TOKENS: '100000' } });
  });
  afterAll(() => app?.close());

  it('refuses them with ALIAS_LIMIT_EXCEEDED and keeps answering', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: serverInfo { version }`).join(' ');
    const result = await query(app, `{ ${aliases} }`);
    expect(result.errors[0]?.extensions).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED', limit: defaults.maxAliases });
    expect((await query(app, '{ serverInfo { version } }')).errors).toEqual([]);
  });
});
