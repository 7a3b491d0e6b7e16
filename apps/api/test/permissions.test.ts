import { ApiScope, apiScopeName, Role, VendorRole, VendorScope } from '@seatwise/schema';
import { apiScopeRules } from '@seatwise/schema/client';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../src/graphql/access.js';
import { admits, isVendorOnly, Permission, type PermissionDef, permissionNameOf, tokenAccess } from '../src/graphql/permissions.js';
import { VendorPermission, vendorPermissions } from '../src/graphql/vendor-access.js';
import { buildGraphqlSchema, resolvers } from '../src/graphql/schema.js';
import { createStaffSetupLink } from '../src/modules/vendor/setup-link.service.js';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';
import { probeDocument, rootOperations, type RootOperation } from './operation-probe.js';
import { signInDemoOperator, useSetupLink } from './vendor-helpers.js';
import { createVendorToken } from './vendor-token-helpers.js';

const schema = await buildGraphqlSchema();
/** Every operation, the Vendor console's included: `@AllowVendor` is `@Allow` with a vendor permission. */
const operations = rootOperations(schema);
const label = ({ kind, field }: RootOperation) => `${kind} ${field.name}`;
const metadata = getMetadataStorage();
const handlers = [...metadata.queries, ...metadata.mutations].filter((handler) => (resolvers as readonly unknown[]).includes(handler.target));
const handlerOf = (operation: RootOperation) => handlers.find((handler) => handler.schemaName === operation.field.name);
const isPermission = (value: unknown): value is PermissionDef =>
  typeof value === 'object' && value !== null && 'name' in value && 'admits' in value && 'token' in value;

/** The permissions `@Allow` put on an operation's method: its `@Authorized` entries, which must each carry one permission. */
function permissionsOf(operation: RootOperation): unknown[][] {
  const handler = handlerOf(operation);
  return metadata.authorizedFields
    .filter((entry) => entry.target === handler?.target && entry.fieldName === handler?.methodName)
    .map((entry) => entry.roles);
}

describe('every operation has exactly one permission', () => {
  it('finds the resolver method of every root field', () => {
    expect(operations.filter((operation) => !handlerOf(operation)).map(label)).toEqual([]);
  });

  it('names one @Allow permission per root field, and no field goes without', () => {
    const missing = operations.filter((operation) => !permissionNameOf(operation.field.extensions)).map(label);
    expect(missing, 'put @Allow(Permission.…) (graphql/permissions.ts) on these operations').toEqual([]);
    const twice = operations
      .filter((operation) => {
        const handler = handlerOf(operation);
        return (
          metadata.fieldExtensions.filter(
            (entry) => entry.target === handler?.target && entry.fieldName === handler?.methodName && 'permission' in entry.extensions,
          ).length !== 1
        );
      })
      .map(label);
    expect(twice, 'these operations carry more than one @Allow').toEqual([]);
  });

  it('checks roles only through the permission: no @Authorized of its own on any field or resolver', () => {
    const wrong = operations
      .filter((operation) => {
        const entries = permissionsOf(operation);
        const [only] = entries;
        return entries.length !== 1 || only!.length !== 1 || !isPermission(only![0]) || only![0].name !== permissionNameOf(operation.field.extensions);
      })
      .map(label);
    expect(wrong, 'these operations have a role check that is not their one permission').toEqual([]);
    // Object-type fields and whole resolver classes: every @Authorized anywhere is an @Allow.
    expect(metadata.authorizedFields.filter((entry) => entry.roles.length !== 1 || !isPermission(entry.roles[0])).map((entry) => entry.fieldName)).toEqual([]);
    expect(metadata.authorizedResolver.filter((entry) => (resolvers as readonly unknown[]).includes(entry.target))).toEqual([]);
  });

  it('derives the token access the plugin reads from the same permission', () => {
    for (const operation of operations) {
      const [[permission]] = permissionsOf(operation) as [[PermissionDef]];
      expect(accessOf(operation.field), label(operation)).toEqual(tokenAccess(permission));
    }
  });

  it('gives each permission its own name', () => {
    const byName = new Map<string, PermissionDef>();
    for (const operation of operations) {
      const [[permission]] = permissionsOf(operation) as [[PermissionDef]];
      expect(byName.get(permission.name) ?? permission, permission.name).toBe(permission);
      byName.set(permission.name, permission);
    }
    expect(Object.values(Permission).every((permission) => byName.has(permission.name)), 'every catalogued permission is used').toBe(true);
  });

  it('admits principals by kind and role', () => {
    expect(admits(Permission.Public, null)).toBe(true);
    expect(admits(Permission.ReadOwnProfile, null)).toBe(false);
    expect(admits(Permission.ReadOwnProfile, { kind: 'account', role: Role.USER })).toBe(true);
    expect(admits(Permission.ReadUsers, { kind: 'account', role: Role.USER })).toBe(false);
    expect(admits(Permission.ReadUsers, { kind: 'account', role: Role.SECONDARY_ADMIN })).toBe(true);
    expect(admits(Permission.TransferPrimaryAdmin, { kind: 'account', role: Role.SECONDARY_ADMIN })).toBe(false);
    const manage = vendorPermissions[VendorPermission.MANAGE_CUSTOMERS];
    expect(admits(manage, { kind: 'vendor', role: VendorRole.OPERATOR })).toBe(true);
    expect(admits(manage, { kind: 'vendor', role: VendorRole.SUPPORT })).toBe(false);
    expect(admits(manage, { kind: 'account', role: Role.PRIMARY_ADMIN })).toBe(false);
    expect(admits(vendorPermissions[VendorPermission.READ_CUSTOMERS], { kind: 'vendor', role: VendorRole.SUPPORT })).toBe(true);
    expect(admits(Permission.ReadUsers, { kind: 'vendor', role: VendorRole.OPERATOR })).toBe(false);
    expect(tokenAccess(manage)).toEqual({ scope: VendorScope.VENDOR_CUSTOMERS_WRITE });
    expect(tokenAccess(vendorPermissions[VendorPermission.MANAGE_TOKENS])).toEqual({ session: true });
  });
});

const scopeName = (value: ApiScope) => apiScopeName(value);
const vendorScopeName = (value: VendorScope) => Object.entries(VendorScope).find(([, v]) => v === value)![0];

describe.each(drivers)('the role check follows the permission on every operation (%s)', (driver) => {
  let app: TestApp;
  const people: [Role, TestClient][] = [];
  /** Customer tokens with every scope they can have. */
  const customerTokens: [string, TestClient][] = [];
  let anonymous: TestClient;
  let support: TestClient;
  /** Vendor tokens: one lacking each vendor scope in turn. */
  const vendorLacking = new Map<VendorScope, TestClient>();
  let vendorEverything: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    anonymous = app.client();
    for (const [role, email] of [
      [Role.USER, 'user@example.com'],
      [Role.SECONDARY_ADMIN, 'maja.horvat@kolektor-gradnje.si'],
      [Role.PRIMARY_ADMIN, 'admin@example.com'],
    ] as const) {
      const client = app.client();
      dataOf(await client.signIn(email));
      people.push([role, client]);
    }
    const [, user] = people[0]!;
    const [, admin] = people[2]!;
    const tokenOf = async (owner: TestClient, kind: string, scopes: ApiScope[]) => {
      const { createApiToken } = dataOf(
        await owner.graphql<{ createApiToken: { secret: string } }>('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }', {
          input: { kind, name: `${kind} token`, scopes: scopes.map(scopeName) },
        }),
      );
      return app.client({ token: createApiToken.secret });
    };
    const every = Object.values(ApiScope);
    customerTokens.push(['personal token of the primary admin', await tokenOf(admin, 'PERSONAL', every)]);
    customerTokens.push(['service token', await tokenOf(admin, 'SERVICE', every.filter((scope) => !apiScopeRules[apiScopeName(scope)].personalOnly))]);
    customerTokens.push(['personal token of a user', await tokenOf(user, 'PERSONAL', [ApiScope.READ_PROFILE, ApiScope.WRITE_PROFILE, ApiScope.READ_PRODUCTS, ApiScope.WRITE_PRODUCTS])]);

    const operator = await signInDemoOperator(app);
    const allVendor = Object.values(VendorScope);
    vendorEverything = app.client({ token: await createVendorToken(operator, 'every vendor scope', allVendor.map(vendorScopeName)) });
    for (const scope of allVendor) {
      const secret = await createVendorToken(operator, `without ${scope}`, allVendor.filter((other) => other !== scope).map(vendorScopeName));
      vendorLacking.set(scope, app.client({ token: secret }));
    }
    const link = await createStaffSetupLink(app.em(), app.config, 'support@vendor.example', VendorRole.SUPPORT);
    support = app.client();
    await useSetupLink(support, link.url);
  });
  afterAll(() => app?.close());

  // Only refusals are tried (an admitted call would run: sign out, end sessions; each module's tests
  // cover those), so operations open to anyone have nothing to try here.
  const refusing = operations
    .map((operation) => [label(operation), operation, (permissionsOf(operation) as [[PermissionDef]])[0][0]] as const)
    .filter(([, , permission]) => !admits(permission, null));

  it.each(refusing)('%s', async (_name, operation, permission) => {
    const { query, variables } = probeDocument(operation);
    const codes = async (client: TestClient) => (await client.graphql(query, variables)).errors?.map((error) => error.extensions?.code) ?? [];
    const firstCode = async (client: TestClient) => (await codes(client))[0];
    const vendorOnly = isVendorOnly(permission);
    expect(await firstCode(anonymous), 'anonymous').toBe('UNAUTHENTICATED');
    for (const [role, client] of people) {
      if (!admits(permission, { kind: 'account', role })) expect(await firstCode(client), role).toBe(vendorOnly ? 'VENDOR_STAFF_ONLY' : 'FORBIDDEN');
    }
    const access = tokenAccess(permission);
    if (vendorOnly) {
      for (const [who, client] of customerTokens) expect(await codes(client), who).toEqual(['session' in access ? 'SESSION_REQUIRED' : 'VENDOR_STAFF_ONLY']);
      if (!admits(permission, { kind: 'vendor', role: VendorRole.SUPPORT })) expect(await codes(support), 'Support').toEqual(['FORBIDDEN']);
      if ('scope' in access) {
        const refused = (await vendorLacking.get(access.scope as VendorScope)!.graphql(query, variables)).errors?.[0];
        expect(refused?.extensions, 'a vendor token without the scope').toMatchObject({ code: 'INSUFFICIENT_SCOPE', requiredScope: access.scope });
        expect(await codes(vendorEverything), 'a vendor token with every scope gets past the checks').not.toContain('INSUFFICIENT_SCOPE');
      } else {
        expect(await codes(vendorEverything), 'a vendor token').toEqual(['SESSION_REQUIRED']);
      }
    } else {
      // A customer account's operation: a vendor token never reaches it, whatever its scopes.
      expect(await codes(vendorEverything), 'a vendor token').toEqual(['scope' in access ? 'CUSTOMER_ACCOUNT_ONLY' : 'session' in access ? 'SESSION_REQUIRED' : 'UNAUTHENTICATED']);
      if (!admits(permission, { kind: 'vendor', role: VendorRole.OPERATOR })) expect(await firstCode(support), 'Support').toBe('UNAUTHENTICATED');
    }
  });
});
