import { ApiScope } from '@seatwise/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../src/graphql/access.js';
import { buildGraphqlSchema } from '../src/graphql/schema.js';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';
import { probeDocument, rootOperations, type RootOperation } from './operation-probe.js';

const schema = await buildGraphqlSchema();
const operations = rootOperations(schema);
const allScopes = Object.values(ApiScope);
const scopeName = (value: ApiScope) => Object.entries(ApiScope).find(([, v]) => v === value)![0];
const label = ({ kind, field }: RootOperation) => `${kind} ${field.name}`;

describe('every operation declares how API tokens may reach it', () => {
  it('has @Allow(Permission.…) on each query and mutation', () => {
    const undeclared = operations.filter((operation) => !accessOf(operation.field)).map(label);
    expect(undeclared, 'give these operations a permission next to their resolvers (graphql/permissions.ts)').toEqual([]);
  });
});

describe.each(drivers)('scope checks on every operation (%s)', (driver) => {
  let app: TestApp;
  /** Personal tokens of the primary admin: one with every scope, and one lacking each scope in turn. */
  let everything: TestClient;
  const lacking = new Map<ApiScope, TestClient>();

  beforeAll(async () => {
    app = await startTestApp(driver);
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const create = async (name: string, scopes: ApiScope[]) => {
      const { createApiToken } = dataOf(
        await admin.graphql<{ createApiToken: { secret: string } }>(
          'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
          { input: { kind: 'PERSONAL', name, scopes: scopes.map(scopeName) } },
        ),
      );
      return app.client({ token: createApiToken.secret });
    };
    everything = await create('every scope', allScopes);
    for (const scope of allScopes) {
      lacking.set(scope, await create(`without ${scope}`, allScopes.filter((other) => other !== scope)));
    }
  });
  afterAll(() => app?.close());

  it('refuses the whole operation, before anything runs, however the field is reached', async () => {
    const noUsers = lacking.get(ApiScope.READ_USERS)!;
    for (const query of [
      '{ serverInfo { version } users { totalCount } }',
      '{ ...Root } fragment Root on Query { serverInfo { version } ... on Query { list: users { totalCount } } }',
    ]) {
      const { response, body } = await noUsers.post(query);
      expect(response.status).toBe(403);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', requiredScope: 'read:users', operation: 'users' });
    }
    expect((await noUsers.graphql('{ serverInfo { version } __typename }')).errors).toBeUndefined();
  });

  it.each(operations.map((operation) => [label(operation), operation] as const))('%s', async (_name, operation) => {
    const access = accessOf(operation.field);
    expect(access, `${label(operation)} declares no access: add @Allow(Permission.…)`).toBeDefined();
    const { query, variables } = probeDocument(operation);
    const codes = async (client: TestClient) => (await client.graphql(query, variables)).errors?.map((error) => error.extensions?.code) ?? [];

    if (access && 'scope' in access && access.scope.startsWith('vendor:')) {
      // A vendor scope: no customer token has one, so even one with every scope is refused
      // (vendor-access.test.ts tries vendor tokens without it).
      expect(await codes(everything)).toEqual(['VENDOR_STAFF_ONLY']);
    } else if (access && 'scope' in access) {
      const scope = access.scope as ApiScope;
      const refused = await lacking.get(scope)!.graphql(query, variables);
      expect(refused.errors?.[0]?.extensions, `${label(operation)} ran with a token lacking ${access.scope}`).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        requiredScope: access.scope,
      });
      expect(refused.errors?.[0]?.message).toContain(access.scope);
      // With the scope, the token gets past the check (the sample arguments may still be refused later).
      expect(await codes(everything)).not.toContain('INSUFFICIENT_SCOPE');
    } else if (access && 'session' in access) {
      expect(await codes(everything)).toContain('SESSION_REQUIRED');
    } else {
      const noScopes = codes(lacking.get(ApiScope.READ_USERS)!);
      expect(await noScopes).not.toContain('INSUFFICIENT_SCOPE');
      expect(await noScopes).not.toContain('SESSION_REQUIRED');
    }
  });
});
