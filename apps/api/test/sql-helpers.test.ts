import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fragment, inAccount, query, run, sql } from '../src/common/sql.js';
import { drivers, startTestApp, type TestApp } from './harness.js';

describe('the sql tag', () => {
  it('binds every value, lists an array and splices fragments with their own values', () => {
    const statement = sql`select id from teams where ${inAccount({ viewer: { accountId: 'a-1' } }, 't')} and t.name in (${['x', 'y']}) ${fragment('order by t.name')} limit ${3}`;
    expect(statement.text).toBe('select id from teams where t.account_id = ? and t.name in (?, ?) order by t.name limit ?');
    expect(statement.values).toEqual(['a-1', 'x', 'y', 3]);
  });
});

describe.each(drivers)('raw SQL in one account on %s', (driver) => {
  let app: TestApp;
  const ids: { mine: string; other: string } = { mine: '', other: '' };

  beforeAll(async () => {
    app = await startTestApp(driver);
    const accounts = await app.sql<{ id: string }>('select id from accounts order by name');
    if (accounts.length < 2) throw new Error('the demo seed has two accounts');
    ids.mine = accounts[0]!.id;
    ids.other = accounts[1]!.id;
  });
  afterAll(() => app.close());

  it('reads only the request account\'s rows, a value with a quote stays a value', async () => {
    const em = app.em();
    const ctx = { viewer: { accountId: ids.mine } };
    const rows = await query<{ account_id: string }>(em, sql`select account_id from memberships where ${inAccount(ctx)}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.account_id))).toEqual(new Set([ids.mine]));
    const none = await query(em, sql`select id from memberships where ${inAccount(ctx)} and email = ${"o'brien@example.com' or '1' = '1"}`);
    expect(none).toEqual([]);
  });

  it('writes only the request account\'s rows', async () => {
    const em = app.em();
    const versions = (accountId: string) =>
      app.sql<{ id: string; version: number | string }>('select id, version from memberships where account_id = ? order by id', [accountId]);
    const before = { mine: await versions(ids.mine), other: await versions(ids.other) };
    const touched = await run(em, sql`update memberships set version = version + 1 where ${inAccount({ viewer: { accountId: ids.mine } })}`);
    expect(touched).toBe(before.mine.length);
    expect(touched).toBeGreaterThan(0);
    expect((await versions(ids.mine)).map((row) => Number(row.version))).toEqual(before.mine.map((row) => Number(row.version) + 1));
    expect(await versions(ids.other)).toEqual(before.other);
  });
});
