import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient } from './harness.js';
import { accountId, addMembers, addSubscription } from './fixtures/accounts.js';

const CREATE = `mutation Create($input: CreateTeamInput!) { createTeam(input: $input) { id name memberCount } }`;
const RENAME = `mutation Rename($input: RenameTeamInput!) { renameTeam(input: $input) { id name } }`;
const DELETE = `mutation Delete($input: DeleteTeamInput!) { deleteTeam(input: $input) }`;
const MOVE_USERS = `mutation Move($input: MoveUsersToTeamInput!) { moveUsersToTeam(input: $input) }`;
const MOVE_SUBSCRIPTIONS = `mutation Move($input: MoveSubscriptionsToTeamInput!) { moveSubscriptionsToTeam(input: $input) }`;
const TEAMS = `query { teams { edges { node { id name memberCount } } } }`;

type Created = { createTeam: { id: string; name: string; memberCount: number } };

describe.each(drivers)('teams F-47 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let account: string;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    account = await accountId(app);
  });
  afterAll(() => app?.close());

  it('creates and renames, refusing empty and duplicate names', async () => {
    const team = dataOf(await admin.graphql<Created>(CREATE, { input: { name: '  Marketing ' } })).createTeam;
    expect(team).toMatchObject({ name: 'Marketing', memberCount: 0 });
    expect(errorOf(await admin.graphql(CREATE, { input: { name: 'marketing' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(errorOf(await admin.graphql(CREATE, { input: { name: ' ' } })).extensions?.field).toBe('name');
    const renamed = dataOf(await admin.graphql<{ renameTeam: { name: string } }>(RENAME, { input: { id: team.id, name: 'Prodaja' } })).renameTeam;
    expect(renamed.name).toBe('Prodaja');
    expect(errorOf(await admin.graphql(RENAME, { input: { id: team.id, name: 'Uprava' } })).message).toContain('already exists');
  });

  it('deletes a team only when empty, or after moving its members and subscriptions', async () => {
    const from = dataOf(await admin.graphql<Created>(CREATE, { input: { name: 'Old office' } })).createTeam;
    const to = dataOf(await admin.graphql<Created>(CREATE, { input: { name: 'New office' } })).createTeam;
    const people = await addMembers(app, account, 3, 'mover');
    expect(dataOf(await admin.graphql<{ moveUsersToTeam: number }>(MOVE_USERS, { input: { userIds: people, teamId: from.id } })).moveUsersToTeam).toBe(3);
    const subscription = await addSubscription(app, account, 'Team Sub', 2);
    expect(dataOf(await admin.graphql<{ moveSubscriptionsToTeam: number }>(MOVE_SUBSCRIPTIONS, { input: { subscriptionIds: [subscription], teamId: from.id } })).moveSubscriptionsToTeam).toBe(1);

    const refused = errorOf(await admin.graphql(DELETE, { input: { id: from.id } }));
    expect(refused.extensions).toEqual({ code: 'TEAM_NOT_EMPTY', field: 'id' });
    expect(refused.message).toContain('3 users and 1 subscriptions');

    expect(dataOf(await admin.graphql(DELETE, { input: { id: from.id, moveToTeamId: to.id } }))).toEqual({ deleteTeam: true });
    const teams = nodesOf(dataOf(await admin.graphql<{ teams: Page<{ id: string; name: string; memberCount: number }> }>(TEAMS)).teams);
    expect(teams.find((team) => team.id === from.id)).toBeUndefined();
    expect(teams.find((team) => team.id === to.id)?.memberCount).toBe(3);
    const [row] = await app.sql<{ team_id: string }>('select team_id from subscriptions where id = ?', [subscription]);
    expect(row!.team_id).toBe(to.id);
    const actions = (await app.sql<{ action: string }>("select action from audit_entries where target_type in ('team', 'subscription') or action = 'user.team.change'")).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['team.create', 'team.rename', 'team.delete', 'user.team.change', 'subscription.team.change']));
  });

  it('deletes an empty team and moves users out of any team', async () => {
    const team = dataOf(await admin.graphql<Created>(CREATE, { input: { name: 'Short lived' } })).createTeam;
    const [person] = await addMembers(app, account, 1, 'loner');
    dataOf(await admin.graphql(MOVE_USERS, { input: { userIds: [person], teamId: team.id } }));
    expect(dataOf(await admin.graphql<{ moveUsersToTeam: number }>(MOVE_USERS, { input: { userIds: [person], teamId: null } })).moveUsersToTeam).toBe(1);
    expect(dataOf(await admin.graphql(DELETE, { input: { id: team.id } }))).toEqual({ deleteTeam: true });
    expect(errorOf(await admin.graphql(DELETE, { input: { id: team.id } })).extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await admin.graphql(MOVE_USERS, { input: { userIds: [person], teamId: team.id } })).extensions).toEqual({ code: 'NOT_FOUND', field: 'teamId' });
  });
});
