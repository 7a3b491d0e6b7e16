import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { accountId, addMembers, addSubscription, userId } from './fixtures/accounts.js';

const USER = `query User($id: UUID!) { user(id: $id) { id role status version team { name } seatCount } }`;
const CHANGE_ROLE = `mutation Change($input: ChangeRoleInput!) { changeRole(input: $input) { id role version } }`;
const REMOVE = `mutation Remove($input: RemoveUserInput!) { removeUser(input: $input) { id status seatCount } }`;
const TRANSFER = `mutation Transfer($input: TransferPrimaryAdminInput!) { transferPrimaryAdmin(input: $input) { id role } }`;
const ASSIGN = `mutation Assign($input: AssignSeatInput!) { assignSeat(input: $input) { id } }`;

interface UserData { user: { id: string; role: string; status: string; version: number; team: { name: string } | null; seatCount: number } }

describe.each(drivers)('roles, removal and edit conflicts F-45 F-46 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let secondary: TestClient;
  let account: string;
  let primaryId: string;

  const userOf = async (id: string) => dataOf(await admin.graphql<UserData>(USER, { id })).user;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    secondary = app.client();
    dataOf(await secondary.signIn('maja.horvat@kolektor-gradnje.si'));
    account = await accountId(app);
    primaryId = await userId(app, 'admin@example.com');
  });
  afterAll(() => app?.close());

  it('changes a role with the version seen, and refuses a stale version (two admins)', async () => {
    const [id] = await addMembers(app, account, 1, 'role');
    const seen = await userOf(id!);
    const first = dataOf(await admin.graphql<{ changeRole: { role: string; version: number } }>(CHANGE_ROLE, { input: { userId: id, role: 'SECONDARY_ADMIN', version: seen.version } }));
    expect(first.changeRole).toMatchObject({ role: 'SECONDARY_ADMIN', version: seen.version + 1 });
    const second = errorOf(await secondary.graphql(CHANGE_ROLE, { input: { userId: id, role: 'USER', version: seen.version } }));
    expect(second.extensions).toEqual({ code: 'CONFLICT', field: 'version' });
    expect((await userOf(id!)).role).toBe('SECONDARY_ADMIN');
    const [audit] = await app.sql<{ before: unknown; after: unknown }>("select before, after from audit_entries where action = 'user.role.change' and target_id = ?", [id]);
    expect(JSON.stringify(audit!.before)).toContain('USER');
    expect(JSON.stringify(audit!.after)).toContain('SECONDARY_ADMIN');
  });

  it('moving one user to a team with a stale version is refused', async () => {
    const [id] = await addMembers(app, account, 1, 'team-edit');
    const { version } = await userOf(id!);
    const [team] = await app.sql<{ id: string }>("select id from teams where name = 'Uprava'");
    const MOVE = `mutation Move($input: MoveUsersToTeamInput!) { moveUsersToTeam(input: $input) }`;
    dataOf(await admin.graphql(MOVE, { input: { userIds: [id], teamId: team!.id, version } }));
    expect(errorOf(await secondary.graphql(MOVE, { input: { userIds: [id], teamId: null, version } })).extensions).toEqual({ code: 'CONFLICT', field: 'version' });
    expect((await userOf(id!)).team?.name).toBe('Uprava');
  });

  it('of two simultaneous edits of the same version, exactly one wins', async () => {
    const [id] = await addMembers(app, account, 1, 'race-edit');
    const { version } = await userOf(id!);
    const answers = await Promise.all([
      admin.graphql(CHANGE_ROLE, { input: { userId: id, role: 'SECONDARY_ADMIN', version } }),
      secondary.graphql(REMOVE, { input: { userId: id, version } }),
    ]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(errorOf(answers.find((answer) => answer.errors)!).extensions?.code).toBe('CONFLICT');
  });

  it('never makes a second primary admin, and protects the primary admin', async () => {
    const [id] = await addMembers(app, account, 1, 'promote');
    const { version } = await userOf(id!);
    expect(errorOf(await admin.graphql(CHANGE_ROLE, { input: { userId: id, role: 'PRIMARY_ADMIN', version } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
    const primary = await userOf(primaryId);
    expect(errorOf(await secondary.graphql(CHANGE_ROLE, { input: { userId: primaryId, role: 'USER', version: primary.version } })).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await secondary.graphql(REMOVE, { input: { userId: primaryId, version: primary.version } })).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await secondary.graphql(TRANSFER, { input: { userId: id, password: 'Seatwise-demo-1' } })).extensions?.code).toBe('FORBIDDEN');
    expect((await userOf(primaryId)).role).toBe('PRIMARY_ADMIN');
  });

  it('removes a user: seats released, sessions ended, history kept', async () => {
    const subscriptionId = await addSubscription(app, account, 'Removal One', 1);
    const [id] = await addMembers(app, account, 1, 'leaver');
    dataOf(await admin.graphql(ASSIGN, { input: { userId: id, subscriptionId } }));
    const seen = await userOf(id!);
    expect(seen.seatCount).toBe(1);
    const removed = dataOf(await secondary.graphql<{ removeUser: { status: string; seatCount: number } }>(REMOVE, { input: { userId: id, version: seen.version } })).removeUser;
    expect(removed).toMatchObject({ status: 'INACTIVE', seatCount: 0 });
    // The seat is free for someone else at once.
    const [next] = await addMembers(app, account, 1, 'next');
    dataOf(await admin.graphql(ASSIGN, { input: { userId: next, subscriptionId } }));
    const [entry] = await app.sql<{ before: unknown }>("select before from audit_entries where action = 'user.remove' and target_id = ?", [id]);
    expect(JSON.stringify(entry!.before)).toContain('Removal One');
    expect(errorOf(await admin.graphql(REMOVE, { input: { userId: id, version: seen.version + 1 } })).extensions).toEqual({ code: 'NOT_FOUND', field: 'userId' });
    expect(errorOf(await admin.graphql(REMOVE, { input: { userId: primaryId, version: 1 } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('hands the primary admin role over only with the password, and keeps exactly one', async () => {
    const [id] = await addMembers(app, account, 1, 'heir');
    expect(errorOf(await admin.graphql(TRANSFER, { input: { userId: id, password: 'wrong password' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    dataOf(await admin.graphql(TRANSFER, { input: { userId: id, password: 'Seatwise-demo-1' } }));
    const [primaries] = await app.sql<{ total: number | string }>("select count(*) as total from memberships where account_id = ? and role = 'PRIMARY_ADMIN'", [account]);
    expect(Number(primaries!.total)).toBe(1);
    expect((await userOf(primaryId)).role).toBe('SECONDARY_ADMIN');
    expect((await userOf(id!)).role).toBe('PRIMARY_ADMIN');
    // The former primary admin's own session now carries the secondary role.
    expect(errorOf(await admin.graphql(TRANSFER, { input: { userId: primaryId, password: 'Seatwise-demo-1' } })).extensions?.code).toBe('FORBIDDEN');
  });
});
