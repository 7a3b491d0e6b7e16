import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/db/seed/demo.js';
import { drivers, startTestApp, TODAY, type TestApp } from './harness.js';

const TABLES = ['accounts', 'users', 'memberships', 'teams', 'products', 'subscriptions', 'seat_assignments', 'usage_events'];
const DAY = 24 * 60 * 60 * 1000;

describe.each(drivers)('demo seed (%s)', (driver) => {
  let app: TestApp;
  const total = async (table: string, where = '1 = 1', params: unknown[] = []) => {
    const [row] = await app.sql<{ total: number | string }>(`select count(*) as total from ${table} where ${where}`, params);
    return Number(row?.total);
  };

  beforeAll(async () => {
    app = await startTestApp(driver);
  });
  afterAll(() => app?.close());

  it('does nothing the second time', async () => {
    const before = await Promise.all(TABLES.map((table) => total(table)));
    expect(await seedDemo(app.orm, { today: TODAY })).toMatch(/nothing seeded/);
    expect(await Promise.all(TABLES.map((table) => total(table)))).toEqual(before);
  });

  it('has two accounts, about 60 people in the main one and four teams', async () => {
    const accounts = await app.sql<{ id: string; name: string }>('select id, name from accounts order by name');
    expect(accounts.map((account) => account.name)).toEqual(['Alpine Studio GmbH', 'Kolektor Gradnje d.o.o.']);
    const main = accounts[1]!.id;
    expect(await total('memberships', 'account_id = ?', [main])).toBe(60);
    expect(await total('teams', 'account_id = ?', [main])).toBe(4);
    expect(await total('memberships', 'account_id = ?', [accounts[0]!.id])).toBeGreaterThan(1);
  });

  it('has a catalogue of at least eight products with versions', async () => {
    expect(await total('products')).toBeGreaterThanOrEqual(8);
    const [row] = await app.sql<{ total: number | string }>(
      'select count(distinct product_id) as total from product_versions',
    );
    expect(Number(row?.total)).toBeGreaterThanOrEqual(8);
  });

  it('has subscriptions of every licence type, one expired and renewals within 30/60/90 days', async () => {
    const endsOn = driver === 'postgresql' ? 'ends_on::text' : 'ends_on';
    const rows = await app.sql<{ licence_type: string; ends_on: string }>(
      `select licence_type, ${endsOn} as ends_on from subscriptions`,
    );
    expect(new Set(rows.map((row) => row.licence_type))).toEqual(new Set(['SINGLE_USER', 'MULTI_USER', 'NETWORK', 'CLOUD']));
    const daysLeft = rows.map((row) => Math.round((Date.parse(`${row.ends_on}T00:00:00Z`) - TODAY.getTime()) / DAY));
    expect(daysLeft.some((days) => days < 0)).toBe(true);
    expect(daysLeft.some((days) => days >= 0 && days <= 30)).toBe(true);
    expect(daysLeft.some((days) => days > 30 && days <= 60)).toBe(true);
    expect(daysLeft.some((days) => days > 60 && days <= 90)).toBe(true);
  });

  it('assigns some seats and has usage spanning about 90 days', async () => {
    expect(await total('seat_assignments')).toBeGreaterThan(10);
    const [span] = await app.sql<{ first: string | number | Date; last: string | number | Date }>(
      'select min(occurred_at) as first, max(occurred_at) as last from usage_events',
    );
    const first = new Date(span!.first).getTime();
    const last = new Date(span!.last).getTime();
    expect((TODAY.getTime() - first) / DAY).toBeGreaterThan(80);
    expect((TODAY.getTime() - first) / DAY).toBeLessThanOrEqual(91);
    expect(last).toBeLessThan(TODAY.getTime());
    expect((last - first) / DAY).toBeGreaterThan(75);
  });
});
