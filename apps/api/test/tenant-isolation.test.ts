import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Membership } from '../src/modules/users/membership.entity.js';
import { Team } from '../src/modules/teams/team.entity.js';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient } from './harness.js';

interface Row {
  id: string;
}

describe.each(drivers)('tenant isolation Q-01 (%s)', (driver) => {
  let app: TestApp;
  let alpine: TestClient;
  let kolektorId: string;
  let alpineId: string;
  let kolektorUserIds: string[];
  let kolektorTeamIds: string[];

  beforeAll(async () => {
    app = await startTestApp(driver);
    alpine = app.client();
    dataOf(await alpine.signIn('admin@alpine.example'));
    const accounts = await app.sql<Row & { name: string }>('select id, name from accounts');
    kolektorId = accounts.find((account) => account.name.startsWith('Kolektor'))!.id;
    alpineId = accounts.find((account) => account.name.startsWith('Alpine'))!.id;
    // People who belong only to the other account (no one is in both in the demo data).
    kolektorUserIds = (await app.sql<Row>('select user_id as id from memberships where account_id = ?', [kolektorId])).map(
      (row) => row.id,
    );
    kolektorTeamIds = (await app.sql<Row>('select id from teams where account_id = ?', [kolektorId])).map((row) => row.id);
  });
  afterAll(() => app?.close());

  it('answers NOT_FOUND for a user of another account', async () => {
    expect(kolektorUserIds.length).toBeGreaterThan(50);
    for (const id of kolektorUserIds.slice(0, 10)) {
      const response = await alpine.graphql('query ($id: UUID!) { user(id: $id) { id email } }', { id });
      expect(errorOf(response).extensions?.code).toBe('NOT_FOUND');
      expect(response.data ?? null).toBeNull();
    }
  });

  it('answers NOT_FOUND for a team of another account', async () => {
    for (const id of kolektorTeamIds) {
      const response = await alpine.graphql('query ($id: UUID!) { team(id: $id) { id name memberCount } }', { id });
      expect(errorOf(response).extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('returns nothing when filtering users by another account\'s teams', async () => {
    const { users } = dataOf(
      await alpine.graphql<{ users: { totalCount: number; edges: unknown[] } }>(
        'query ($filter: UsersFilter) { users(first: 100, filter: $filter) { totalCount edges { node { id } } } }',
        { filter: { teamIds: kolektorTeamIds, statuses: ['ACTIVE', 'INVITED', 'INACTIVE'] } },
      ),
    );
    expect(users).toEqual({ totalCount: 0, edges: [] });
  });

  it('never lists a row of another account', async () => {
    const { users, teams } = dataOf(
      await alpine.graphql<{ users: { totalCount: number; edges: { node: { id: string } }[] }; teams: Page<Row> }>(
        `query {
          users(first: 100, filter: { statuses: [ACTIVE, INVITED, INACTIVE] }) { totalCount edges { node { id } } }
          teams { edges { node { id } } }
        }`,
      ),
    );
    const alpineUserIds = await app.sql<Row>('select user_id as id from memberships where account_id = ?', [alpineId]);
    expect(users.totalCount).toBe(alpineUserIds.length);
    expect(users.edges.map((edge) => edge.node.id).sort()).toEqual(alpineUserIds.map((row) => row.id).sort());
    expect(users.edges.some((edge) => kolektorUserIds.includes(edge.node.id))).toBe(false);
    expect(teams.edges.length).toBe(1);
    expect(nodesOf(teams).some((team) => kolektorTeamIds.includes(team.id))).toBe(false);

    const searched = dataOf(
      await alpine.graphql<{ users: { totalCount: number } }>('query { users(filter: { search: "kolektor" }) { totalCount } }'),
    );
    expect(searched.users.totalCount).toBe(0);
  });

  it('MikroORM tenant filter: a fork without an account refuses to query tenant entities', async () => {
    await expect(app.em().find(Membership, {})).rejects.toThrow(/tenant/i);
    await expect(app.em().count(Team, {})).rejects.toThrow(/tenant/i);
  });

  it('MikroORM tenant filter: a fork bound to one account sees only that account', async () => {
    for (const [accountId, otherId] of [
      [alpineId, kolektorId],
      [kolektorId, alpineId],
    ] as const) {
      const em = app.em();
      em.setFilterParams('tenant', { accountId });
      const memberships = await em.find(Membership, {});
      expect(memberships.length).toBeGreaterThan(0);
      expect(memberships.every((membership) => membership.account.id === accountId)).toBe(true);
      // Even asking for the other account by name gets nothing.
      expect(await em.find(Membership, { account: otherId })).toEqual([]);
      const team = await em.findOne(Team, { id: kolektorTeamIds[0]! });
      expect(team?.id ?? null).toBe(accountId === kolektorId ? kolektorTeamIds[0] : null);
    }
  });
});
