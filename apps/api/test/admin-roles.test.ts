import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** Every admin operation, with input that passes GraphQL validation but names nothing real. */
const operations: { name: string; query: string; variables?: Record<string, unknown>; primaryOnly?: boolean }[] = [
  { name: 'inviteUser', query: 'mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }', variables: { i: { email: 'x', firstName: 'A', lastName: 'B' } } },
  { name: 'inviteUsers', query: 'mutation($i: InviteUsersInput!) { inviteUsers(input: $i) { invitedCount } }', variables: { i: { rows: [], dryRun: true } } },
  { name: 'resendInvitation', query: `mutation { resendInvitation(id: "${NOBODY}") { id } }` },
  { name: 'revokeInvitation', query: `mutation { revokeInvitation(id: "${NOBODY}") { id } }` },
  { name: 'previewUserImport', query: 'mutation { previewUserImport(input: { csv: "" }) { created } }' },
  { name: 'importUsers', query: 'mutation { importUsers(input: { csv: "" }) { created } }' },
  { name: 'assignSeat', query: `mutation { assignSeat(input: { userId: "${NOBODY}", subscriptionId: "${NOBODY}" }) { id } }` },
  { name: 'bulkAssignSeats', query: `mutation { bulkAssignSeats(input: { userIds: [], subscriptionId: "${NOBODY}" }) { assigned } }` },
  { name: 'unassignSeat', query: `mutation { unassignSeat(input: { assignmentId: "${NOBODY}" }) { id } }` },
  { name: 'changeRole', query: `mutation { changeRole(input: { userId: "${NOBODY}", role: USER, version: 1 }) { id } }` },
  { name: 'removeUser', query: `mutation { removeUser(input: { userId: "${NOBODY}", version: 1 }) { id } }` },
  { name: 'transferPrimaryAdmin', query: `mutation { transferPrimaryAdmin(input: { userId: "${NOBODY}", password: "x" }) { id } }`, primaryOnly: true },
  { name: 'moveUsersToTeam', query: `mutation { moveUsersToTeam(input: { userIds: [], teamId: null }) }` },
  { name: 'createTeam', query: 'mutation { createTeam(input: { name: "" }) { id } }' },
  { name: 'renameTeam', query: `mutation { renameTeam(input: { id: "${NOBODY}", name: "x" }) { id } }` },
  { name: 'deleteTeam', query: `mutation { deleteTeam(input: { id: "${NOBODY}" }) }` },
  { name: 'moveSubscriptionsToTeam', query: 'mutation { moveSubscriptionsToTeam(input: { subscriptionIds: [] }) }' },
  { name: 'invitations', query: 'query { invitations { totalCount } }' },
  { name: 'auditLog', query: 'query { auditLog(first: 1) { totalCount } }' },
  { name: 'auditLogCsv', query: 'query { auditLogCsv }' },
  { name: 'assignableSubscriptions', query: 'query { assignableSubscriptions { id } }' },
  { name: 'userSeats', query: `query { userSeats(userId: "${NOBODY}") { id } }` },
  { name: 'userImportTemplate', query: 'query { userImportTemplate }' },
];

describe.each(drivers)('every admin operation as every role F-45 (%s)', (driver) => {
  let app: TestApp;
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    app = await startTestApp(driver);
    clients.anonymous = app.client();
    for (const [role, email] of [['USER', 'user@example.com'], ['SECONDARY_ADMIN', 'maja.horvat@kolektor-gradnje.si'], ['PRIMARY_ADMIN', 'admin@example.com']] as const) {
      clients[role] = app.client();
      dataOf(await clients[role]!.signIn(email));
    }
  });
  afterAll(() => app?.close());

  it.each(operations)('$name', async ({ query, variables, primaryOnly }) => {
    const codeAs = async (who: string) => (await clients[who]!.graphql(query, variables)).errors?.[0]?.extensions?.code ?? 'OK';
    expect(await codeAs('anonymous')).toBe('UNAUTHENTICATED');
    expect(await codeAs('USER')).toBe('FORBIDDEN');
    const secondary = await codeAs('SECONDARY_ADMIN');
    if (primaryOnly) expect(secondary).toBe('FORBIDDEN');
    else expect(secondary).not.toMatch(/FORBIDDEN|UNAUTHENTICATED|INTERNAL/);
    expect(await codeAs('PRIMARY_ADMIN')).not.toMatch(/FORBIDDEN|UNAUTHENTICATED|INTERNAL/);
  });
});
