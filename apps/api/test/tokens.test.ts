import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';

interface TokenNode {
  id: string;
  kind: string;
  name: string;
  prefix: string;
  scopes: string[];
  status: string;
  owner: { email: string } | null;
  createdBy: { email: string } | null;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_FIELDS = 'id kind name prefix scopes status owner { email } createdBy { email } expiresAt lastUsedAt revokedAt';
const CREATE = `mutation Create($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { ${TOKEN_FIELDS} } } }`;
const REVOKE = `mutation Revoke($id: UUID!) { revokeApiToken(id: $id) { ${TOKEN_FIELDS} } }`;
const LIST = `query Tokens($first: Int, $after: String, $filter: ApiTokensFilter) {
  apiTokens(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${TOKEN_FIELDS} } }
  }
}`;
const USERS = 'query { users(first: 3) { totalCount edges { node { email } } } }';

type Created = { createApiToken: { secret: string; token: TokenNode } };
type Listed = { apiTokens: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TokenNode }[] } };

describe.each(drivers)('API tokens F-61 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let user: TestClient;

  const create = async (client: TestClient, input: Record<string, unknown>) =>
    dataOf(await client.graphql<Created>(CREATE, { input: { kind: 'SERVICE', name: 'Reporting', scopes: ['READ_USERS'], ...input } }))
      .createApiToken;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    user = app.client();
    dataOf(await user.signIn('user@example.com'));
  });
  afterAll(() => app?.close());

  it('has demo tokens: a service token in daily use and a revoked personal one', async () => {
    const { apiTokens } = dataOf(await admin.graphql<Listed>(LIST));
    const byName = new Map(apiTokens.edges.map((edge) => [edge.node.name, edge.node]));
    expect(byName.get('Usage collector')).toMatchObject({ kind: 'SERVICE', scopes: ['INGEST_USAGE'], status: 'ACTIVE' });
    expect(byName.get('Usage collector')?.lastUsedAt).not.toBeNull();
    expect(byName.get('Old laptop script')).toMatchObject({ kind: 'PERSONAL', status: 'REVOKED' });
  });

  it('shows the secret once, stores only its hash, and the token then acts with its scopes', async () => {
    const { secret, token } = await create(admin, { name: 'Lifecycle', expiresInDays: 30 });
    expect(secret).toMatch(/^sw_svc_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ kind: 'SERVICE', name: 'Lifecycle', scopes: ['READ_USERS'], status: 'ACTIVE', owner: null });
    expect(token.createdBy?.email).toBe('admin@example.com');
    expect(secret.startsWith(token.prefix)).toBe(true);
    const days = (Date.parse(token.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const [row] = await app.sql<{ token_hash: string }>('select token_hash from api_tokens where id = ?', [token.id]);
    expect(row!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    const stored = JSON.stringify(await app.sql('select * from api_tokens'));
    expect(stored).not.toContain(secret.slice(7));
    const listed = dataOf(await admin.graphql<Listed>(LIST)).apiTokens.edges.map((edge) => edge.node);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(7));

    const service = app.client({ token: secret });
    const { users } = dataOf(await service.graphql<{ users: { totalCount: number; edges: unknown[] } }>(USERS));
    expect(users.totalCount).toBeGreaterThan(50);
    const after = dataOf(await admin.graphql<Listed>(LIST)).apiTokens.edges.find((edge) => edge.node.id === token.id)!.node;
    expect(after.lastUsedAt).not.toBeNull();
  });

  it('refuses an expired token with 401 UNAUTHENTICATED and lists it as EXPIRED', async () => {
    const { secret, token } = await create(admin, { name: 'Short-lived', expiresInDays: 1 });
    const service = app.client({ token: secret });
    dataOf(await service.graphql(USERS));
    await app.sql('update api_tokens set expires_at = ? where id = ?', [
      driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000).toISOString(),
      token.id,
    ]);
    const { response, body } = await service.post(USERS);
    expect(response.status).toBe(401);
    expect(errorOf(body)).toMatchObject({ message: 'This API token has expired.', extensions: { code: 'UNAUTHENTICATED' } });
    const expired = dataOf(await admin.graphql<Listed>(LIST, { filter: { statuses: ['EXPIRED'] } })).apiTokens;
    expect(expired.edges.map((edge) => edge.node.id)).toEqual([token.id]);
  });

  it('stops a revoked token at once; revoking again is not an error', async () => {
    const { secret, token } = await create(admin, { name: 'To revoke' });
    const service = app.client({ token: secret });
    dataOf(await service.graphql(USERS));
    const revoked = dataOf(await admin.graphql<{ revokeApiToken: TokenNode }>(REVOKE, { id: token.id })).revokeApiToken;
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.revokedAt).not.toBeNull();
    const { response, body } = await service.post(USERS);
    expect(response.status).toBe(401);
    expect(errorOf(body).message).toBe('This API token was revoked.');
    const again = dataOf(await admin.graphql<{ revokeApiToken: TokenNode }>(REVOKE, { id: token.id })).revokeApiToken;
    expect(again.revokedAt).toBe(revoked.revokedAt);
    const [audit] = await app.sql<{ n: number }>("select count(*) as n from audit_entries where action = 'api_token.revoke' and target_id = ?", [token.id]);
    expect(Number(audit!.n)).toBe(1);
  });

  it('refuses unknown and malformed tokens before any operation runs', async () => {
    for (const [header, message] of [
      ['sw_svc_unknown', 'This API token is not valid.'],
      ['', 'The Authorization header must be "Bearer <token>".'],
    ] as const) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${header}` },
        body: JSON.stringify({ query: '{ serverInfo { version } }' }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('leaves other Authorization schemes (a proxy\'s Basic authentication) alone', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Basic YWRtaW46c2VjcmV0',
        cookie: [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: { email: 'admin@example.com' } } });
  });

  it('personal tokens act as their owner: role checks still apply and they end with the membership', async () => {
    const { secret, token } = await create(user, { kind: 'PERSONAL', name: 'My scripts', scopes: ['READ_PROFILE'] });
    expect(token.owner?.email).toBe('user@example.com');
    expect(secret).toMatch(/^sw_pat_/);
    const personal = app.client({ token: secret });
    const { me } = dataOf(await personal.graphql<{ me: { email: string } }>('{ me { email role } }'));
    expect(me.email).toBe('user@example.com');

    await app.sql("update memberships set status = 'INACTIVE' where user_id = (select id from users where email = ?)", ['user@example.com']);
    const { response, body } = await personal.post('{ me { email } }');
    expect(response.status).toBe(401);
    expect(errorOf(body).message).toMatch(/no longer an active member/);
    await app.sql("update memberships set status = 'ACTIVE' where user_id = (select id from users where email = ?)", ['user@example.com']);
  });

  it('records personal tokens in the account\u2019s audit log too: made and revoked, by whom, filterable by action', async () => {
    const { token } = await create(user, { kind: 'PERSONAL', name: 'Audited script', scopes: ['READ_PROFILE'] });
    dataOf(await user.graphql('mutation R($id: UUID!) { revokeApiToken(id: $id) { id } }', { id: token.id }));
    const { auditLog } = dataOf(await admin.graphql<{ auditLog: { edges: { node: { action: string; actorName: string; summary: string; targetId: string } }[] } }>(
      'query A($filter: AuditFilter) { auditLog(first: 10, filter: $filter) { edges { node { action actorName summary targetId } } } }',
      { filter: { actions: ['api_token.create', 'api_token.revoke'], targetId: token.id } },
    ));
    expect(auditLog.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ action: 'api_token.revoke', summary: 'Revoked personal token "Audited script".', targetId: token.id }),
      expect.objectContaining({ action: 'api_token.create', summary: 'Created personal token "Audited script" with scopes read:profile.', targetId: token.id }),
    ]);
    expect(auditLog.edges[0]!.node.actorName).toContain('user@example.com');
  });

  it('lets the Authorization header win over a session cookie', async () => {
    const { secret } = await create(admin, { name: 'Header wins', scopes: ['READ_SUBSCRIPTIONS'] });
    const both = app.client({ token: secret });
    for (const [name, value] of admin.cookies) both.cookies.set(name, value);
    dataOf(await admin.graphql(USERS));
    const error = errorOf(await both.graphql(USERS));
    expect(error.extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', requiredScope: 'read:users' });
  });

  it('refuses token management to tokens (SESSION_REQUIRED)', async () => {
    const { secret, token } = await create(admin, { name: 'No management', scopes: ['READ_USERS', 'WRITE_USERS'] });
    const service = app.client({ token: secret });
    for (const [query, variables] of [
      [LIST, {}],
      [REVOKE, { id: token.id }],
      [CREATE, { input: { kind: 'SERVICE', name: 'x', scopes: ['READ_USERS'] } }],
    ] as const) {
      expect(errorOf(await service.graphql(query, variables)).extensions?.code).toBe('SESSION_REQUIRED');
    }
  });

  it.each([
    [{ name: '  ' }, 'name', 'BAD_USER_INPUT'],
    [{ name: 'x'.repeat(101) }, 'name', 'BAD_USER_INPUT'],
    [{ name: 'Lifecycle' }, 'name', 'BAD_USER_INPUT'],
    [{ scopes: [] }, 'scopes', 'BAD_USER_INPUT'],
    [{ scopes: ['READ_USERS', 'READ_PROFILE'] }, 'scopes[1]', 'BAD_USER_INPUT'],
    [{ expiresInDays: 0 }, 'expiresInDays', 'BAD_USER_INPUT'],
    [{ expiresInDays: 366 }, 'expiresInDays', 'BAD_USER_INPUT'],
  ])('rejects %j on field %s and writes nothing', async (input, field, code) => {
    const before = await app.sql<{ n: number }>('select count(*) as n from api_tokens');
    const error = errorOf(await admin.graphql(CREATE, { input: { kind: 'SERVICE', name: 'Valid', scopes: ['READ_USERS'], ...input } }));
    expect(error.extensions).toMatchObject({ code, field });
    expect(error.message.length).toBeGreaterThan(10);
    expect(await app.sql<{ n: number }>('select count(*) as n from api_tokens')).toEqual(before);
  });

  it('keeps service tokens for admins and scopes within the role', async () => {
    const service = errorOf(await user.graphql(CREATE, { input: { kind: 'SERVICE', name: 'Mine', scopes: ['READ_PRODUCTS'] } }));
    expect(service.extensions?.code).toBe('FORBIDDEN');
    const scope = errorOf(await user.graphql(CREATE, { input: { kind: 'PERSONAL', name: 'Mine', scopes: ['READ_USERS'] } }));
    expect(scope.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes[0]' });
    expect(scope.message).toMatch(/read:users/);
  });

  it('lists only what the viewer may see, newest first, page by page', async () => {
    const seen: TokenNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const { apiTokens }: Listed = dataOf(await admin.graphql<Listed>(LIST, { first: 2, after }));
      seen.push(...apiTokens.edges.map((edge) => edge.node));
      if (!apiTokens.pageInfo.hasNextPage) break;
      after = apiTokens.pageInfo.endCursor;
    }
    const total = dataOf(await admin.graphql<Listed>(LIST)).apiTokens.totalCount;
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((token) => token.id)).size).toBe(total);
    expect(seen.every((token) => token.kind === 'SERVICE' || token.owner?.email === 'admin@example.com')).toBe(true);
    const userList = dataOf(await user.graphql<Listed>(LIST)).apiTokens.edges.map((edge) => edge.node);
    expect(userList.length).toBeGreaterThan(0);
    expect(userList.every((token) => token.kind === 'PERSONAL' && token.owner?.email === 'user@example.com')).toBe(true);
  });

  it('keeps tokens inside their account (Q-01)', async () => {
    const { secret, token } = await create(admin, { name: 'Kolektor only' });
    const alpine = app.client();
    dataOf(await alpine.signIn('admin@alpine.example'));
    expect(errorOf(await alpine.graphql(REVOKE, { id: token.id })).extensions?.code).toBe('NOT_FOUND');
    const alpineList = dataOf(await alpine.graphql<Listed>(LIST)).apiTokens;
    expect(alpineList.edges.map((edge) => edge.node.id)).not.toContain(token.id);
    const { users } = dataOf(
      await app.client({ token: secret }).graphql<{ users: { edges: { node: { email: string } }[] } }>(
        'query { users(first: 100) { edges { node { email } } } }',
      ),
    );
    expect(users.edges.some((edge) => edge.node.email.endsWith('alpine.example'))).toBe(false);
  });
});
