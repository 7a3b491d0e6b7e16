import { Role } from '@seatwise/schema';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf } from '../src/graphql/access.js';
import { admits, Permission, type PermissionDef, permissionNameOf, tokenAccess } from '../src/graphql/permissions.js';
import { buildGraphqlSchema, resolvers } from '../src/graphql/schema.js';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';
import { probeDocument, rootOperations, type RootOperation } from './operation-probe.js';

const schema = await buildGraphqlSchema();
/**
 * The Vendor console's operations carry `@AllowVendor` (graphql/vendor-access.ts), not yet folded
 * into this catalogue; vendor-access.test.ts holds each of them to its vendor permission.
 */
const isVendorOperation = (operation: RootOperation) => 'vendorPermission' in (operation.field.extensions ?? {});
const operations = rootOperations(schema).filter((operation) => !isVendorOperation(operation));
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
  });
});

describe.each(drivers)('the role check follows the permission on every operation (%s)', (driver) => {
  let app: TestApp;
  const people: [Role, TestClient][] = [];
  let anonymous: TestClient;

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
  });
  afterAll(() => app?.close());

  // Only refusals are tried (an admitted call would run: sign out, end sessions; each module's tests
  // cover those), so operations open to anyone have nothing to try here.
  const refusing = operations
    .map((operation) => [label(operation), operation, (permissionsOf(operation) as [[PermissionDef]])[0][0]] as const)
    .filter(([, , permission]) => !admits(permission, null));

  it.each(refusing)('%s', async (_name, operation, permission) => {
    const { query, variables } = probeDocument(operation);
    const firstCode = async (client: TestClient) => (await client.graphql(query, variables)).errors?.[0]?.extensions?.code;
    expect(await firstCode(anonymous), 'anonymous').toBe('UNAUTHENTICATED');
    for (const [role, client] of people) {
      if (!admits(permission, { kind: 'account', role })) expect(await firstCode(client), role).toBe('FORBIDDEN');
    }
  });
});
