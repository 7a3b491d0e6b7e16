import { ApiScope, apiScopeName } from '@seatwise/schema';
import { apiScopeRules } from '@seatwise/schema/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../src/graphql/access.js';
import { buildGraphqlSchema } from '../src/graphql/schema.js';
import { tokenAccess } from '../src/graphql/permissions.js';
import { VendorPermission, vendorPermissionRoles, vendorPermissions } from '../src/graphql/vendor-access.js';
import { createStaffSetupLink } from '../src/modules/vendor/setup-link.service.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { probeDocument, rootOperations, type RootOperation } from './operation-probe.js';
import { signInDemoOperator, useSetupLink, VENDOR_VIEWER } from './vendor-helpers.js';

const schema = await buildGraphqlSchema();
const permissionOf = (operation: RootOperation) => (operation.field.extensions as { vendorPermission?: VendorPermission }).vendorPermission;
/** Every vendor operation of the API, found in the schema: one added later is tested too. */
const vendorOperations = rootOperations(schema).filter((operation) => permissionOf(operation));
const label = ({ kind, field }: RootOperation) => `${kind} ${field.name}`;
const scopeName = (value: ApiScope) => Object.entries(ApiScope).find(([, v]) => v === value)![0];

describe('vendor operations', () => {
  it('are found, each with a permission of the catalogue, its token access derived from it', () => {
    expect(vendorOperations.map(label)).toEqual(
      expect.arrayContaining(['query customers', 'query customer', 'query customerPeople', 'query vendorAuditLog', 'mutation createCustomer', 'mutation suspendCustomer']),
    );
    for (const operation of vendorOperations) {
      expect(Object.values(VendorPermission)).toContain(permissionOf(operation));
      expect(accessOf(operation.field), label(operation)).toEqual(tokenAccess(vendorPermissions[permissionOf(operation)!]));
    }
    expect(vendorPermissionRoles[VendorPermission.MANAGE_CUSTOMERS]).toEqual(['OPERATOR']);
  });
});

describe.each(drivers)('who reaches the Vendor console (%s)', (driver) => {
  let app: TestApp;
  const customers = new Map<string, TestClient>();
  let operator: TestClient;
  let support: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    for (const [name, email] of [
      ['primary admin', 'admin@example.com'],
      ['secondary admin', 'maja.horvat@kolektor-gradnje.si'],
      ['user', 'user@example.com'],
    ] as const) {
      const client = app.client();
      expect(dataOf(await client.signIn(email))).toBeTruthy();
      customers.set(name, client);
    }
    // Customer tokens with every scope they can have: the primary admin's personal and service
    // tokens, and a User's personal token.
    const tokenOf = async (owner: TestClient, kind: string, scopes: ApiScope[]) => {
      const { createApiToken } = dataOf(
        await owner.graphql<{ createApiToken: { secret: string } }>('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }', {
          input: { kind, name: `${kind} token`, scopes: scopes.map(scopeName) },
        }),
      );
      return app.client({ token: createApiToken.secret });
    };
    const every = Object.values(ApiScope);
    customers.set('personal token of the primary admin', await tokenOf(customers.get('primary admin')!, 'PERSONAL', every));
    customers.set('service token', await tokenOf(customers.get('primary admin')!, 'SERVICE', every.filter((scope) => !apiScopeRules[apiScopeName(scope)].personalOnly)));
    customers.set('personal token of a user', await tokenOf(customers.get('user')!, 'PERSONAL', [ApiScope.READ_PROFILE, ApiScope.WRITE_PROFILE, ApiScope.READ_PRODUCTS, ApiScope.WRITE_PRODUCTS]));
    operator = await signInDemoOperator(app);
    const link = await createStaffSetupLink(app.em(), app.config, 'support@vendor.example', 'SUPPORT' as never);
    support = app.client();
    await useSetupLink(support, link.url);
  });
  afterAll(() => app?.close());

  it.each(vendorOperations.map((operation) => [label(operation), operation] as const))('%s: refused to every customer role and token, and to nobody', async (_name, operation) => {
    const { query, variables } = probeDocument(operation);
    for (const [who, client] of customers) {
      const { response, body } = await client.post(query, variables);
      const error = body.errors?.[0];
      expect(body.data?.[operation.field.name as keyof typeof body.data] ?? null, `${who} got data from ${label(operation)}`).toBeNull();
      if (who.includes('token')) {
        expect(response.status).toBe(403);
        expect(error?.extensions?.code, who).toBe('session' in tokenAccess(vendorPermissions[permissionOf(operation)!]) ? 'SESSION_REQUIRED' : 'VENDOR_STAFF_ONLY');
      } else {
        expect(error?.extensions?.code, who).toBe('VENDOR_STAFF_ONLY');
        expect(error?.message).toContain('Vendor console');
      }
    }
    expect(errorOf(await app.client().graphql(query, variables)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(vendorOperations.map((operation) => [label(operation), operation] as const))('%s: Support only where the catalogue says', async (_name, operation) => {
    const { query, variables } = probeDocument(operation);
    const codes = (await support.graphql(query, variables)).errors?.map((error) => error.extensions?.code) ?? [];
    if (vendorPermissionRoles[permissionOf(operation)!].includes('SUPPORT' as never)) expect(codes).not.toContain('FORBIDDEN');
    else expect(codes).toEqual(['FORBIDDEN']);
    expect((await operator.graphql(query, variables)).errors?.map((error) => error.extensions?.code) ?? []).not.toContain('FORBIDDEN');
  });

  it('staff are in no customer account: customer operations refuse them, and Slovenian explains the refusal', async () => {
    expect(dataOf(await operator.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: { email: 'vendor@example.com', role: 'OPERATOR' }, me: null });
    expect(errorOf(await operator.graphql('{ users { totalCount } }')).extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await operator.graphql('{ auditLog { totalCount } }')).extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...customers.get('primary admin')!.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ query: '{ customers { totalCount } }' }),
    });
    const body = (await refused.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toBe('To je dejanje konzole ponudnika: osebe in žetoni API računov strank ga ne morejo uporabiti.');
    expect(errorOf(await support.graphql('{ vendorAuditLog { totalCount } }')).message).toBe('Your vendor role does not allow this: it needs an operator.');
  });

  it('a customer admin cannot make a member of the vendor staff a user of their account', async () => {
    const refused = errorOf(
      await customers.get('primary admin')!.graphql('mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }', {
        input: { email: 'vendor@example.com', firstName: 'Vesna', lastName: 'Operater' },
      }),
    );
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await app.sql("select m.id from memberships m join users u on u.id = m.user_id where u.email = 'vendor@example.com'")).toHaveLength(0);
  });

  it("an operator's reads of a customer's people are in the vendor audit log, which they read in the console", async () => {
    const { customers: list } = dataOf(await operator.graphql<{ customers: { edges: { node: { id: string; name: string } }[] } }>('{ customers(filter: { search: "kolektor" }) { edges { node { id name } } } }'));
    const kolektor = list.edges[0]!.node;
    const people = dataOf(await operator.graphql<{ customerPeople: { totalCount: number; edges: { node: { email: string } }[] } }>(
      'query ($id: UUID!) { customerPeople(customerId: $id, first: 5) { totalCount edges { node { email role } } } }',
      { id: kolektor.id },
    ));
    expect(people.customerPeople.edges).toHaveLength(5);
    expect(people.customerPeople.totalCount).toBeGreaterThan(50);
    dataOf(await support.graphql('query ($id: UUID!) { customerPeople(customerId: $id, first: 2) { totalCount } }', { id: kolektor.id }));
    const log = dataOf(await operator.graphql<{ vendorAuditLog: { edges: { node: { action: string; actorEmail: string; customerName: string; summary: string } }[] } }>(
      '{ vendorAuditLog(first: 10) { totalCount edges { node { action actorEmail customerId customerName summary } } } }',
    ));
    const reads = log.vendorAuditLog.edges.map((edge) => edge.node).filter((entry) => entry.action === 'customer.people.read');
    expect(reads).toEqual([
      expect.objectContaining({ actorEmail: 'support@vendor.example', customerName: kolektor.name, summary: `Read 2 people of ${kolektor.name}` }),
      expect.objectContaining({ actorEmail: 'vendor@example.com', customerName: kolektor.name, summary: `Read 5 people of ${kolektor.name}` }),
    ]);
    // The customer's own audit log is not where the vendor's reads go.
    const own = dataOf(await customers.get('primary admin')!.graphql<{ auditLog: { edges: { node: { action: string } }[] } }>('{ auditLog(first: 100) { edges { node { action } } } }'));
    expect(own.auditLog.edges.map((edge) => edge.node.action)).not.toContain('customer.people.read');
  });
});
