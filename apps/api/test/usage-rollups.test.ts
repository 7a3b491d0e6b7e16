import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange } from '../src/modules/reports/report-range.js';
import { activeUsersPerProduct, seatDaysOf } from '../src/modules/usage/usage.sql.js';
import { rebuildRollups } from '../src/modules/usage/rollups.js';
import { dataOf, drivers, startTestApp, type TestApp } from './harness.js';
import { postEvents } from './rest.js';

const ROLLUPS = {
  usage_months: 'user_id, product_id, month, days, day_count, sessions, minutes, credits',
  seat_months: 'subscription_id, user_id, month, days, day_count, minutes',
  usage_last: 'user_id, product_id, last_day',
  product_days: 'product_id, day, users, sessions, minutes, credits',
};

/** Ranges that cut months at both ends, span a year, or sit inside one month. */
const RANGES = [
  { from: '2026-11-01', to: '2026-11-25' },
  { from: '2026-10-27', to: '2026-11-25' },
  { from: '2026-09-15', to: '2026-10-14' },
  { from: '2026-08-31', to: '2026-11-02' },
  { from: '2025-11-26', to: '2026-11-25' },
];

/**
 * The roll-ups that ingestion maintains batch by batch must equal the ones rebuilt from the daily
 * roll-up, and every answer read from them must equal the same question asked of the daily rows.
 */
describe.each(drivers)('usage roll-ups (%s)', (driver) => {
  let app: TestApp;
  let accountId: string;
  const pg = driver === 'postgresql';

  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(ROLLUPS).map(async ([table, columns]) => [
          table,
          (await app.sql<Record<string, unknown>>(`select ${columns} from ${table} where account_id = ? order by ${columns}`, [accountId])).map((row) =>
            Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value])),
          ),
        ]),
      ),
    );

  beforeAll(async () => {
    app = await startTestApp(driver, { seed: { usageDays: 60 } });
    [{ id: accountId }] = (await app.sql<{ id: string }>('select id from accounts where name = ?', ['Kolektor Gradnje d.o.o.'])) as [{ id: string }];
  });
  afterAll(() => app?.close());

  it('ingestion keeps every roll-up equal to a rebuild from the daily rows', async () => {
    // A person holding a seat on a subscription of several products uses two of them on one day.
    const [bundle] = await app.sql<{ email: string; first: string; second: string }>(
      `select u.email, min(p.code) as first, max(p.code) as second from seat_assignments sa
       join users u on u.id = sa.user_id join subscription_products sp on sp.subscription_id = sa.subscription_id
       join products p on p.id = sp.product_id join subscriptions s on s.id = sa.subscription_id
       where sa.account_id = ? and s.licence_type <> 'CLOUD' group by u.email, sa.subscription_id having count(*) > 1 order by u.email limit 1`,
      [accountId],
    );
    expect(bundle).toBeDefined();
    const events = [
      { id: 'r1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-24T09:00:00+01:00', user: bundle!.email, product: bundle!.first, minutes: 30 },
      { id: 'r2', type: 'PRODUCT_SESSION', occurredAt: '2026-11-24T14:00:00+01:00', user: bundle!.email, product: bundle!.second, minutes: 40 },
      // The last evening of October in Ljubljana is already November in UTC+0 terms of the next day.
      { id: 'r3', type: 'PRODUCT_SESSION', occurredAt: '2026-10-31T23:30:00+01:00', user: bundle!.email, product: bundle!.first, minutes: 15 },
      // Late: a year ago, before any history, and a first use of a product never used before.
      { id: 'r4', type: 'PRODUCT_SESSION', occurredAt: '2025-12-31T10:00:00+01:00', user: bundle!.email, product: bundle!.second, minutes: 5 },
      { id: 'r5', type: 'CLOUD_CREDITS', occurredAt: '2026-11-20T12:00:00+01:00', user: 'admin@example.com', product: 'RND', credits: 10 },
    ];
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    expect((await postEvents(app, admin, events)).status).toBe(200);
    // A resend (all duplicates) and one more session on a day that already has one.
    const more = [...events, { id: 'r6', type: 'PRODUCT_SESSION', occurredAt: '2026-11-24T16:00:00+01:00', user: bundle!.email, product: bundle!.first, minutes: 7 }];
    expect(await (await postEvents(app, admin, more)).json()).toMatchObject({ accepted: 1, duplicates: 5 });

    const maintained = await snapshot();
    expect(maintained.seat_months.length).toBeGreaterThan(0);
    await rebuildRollups(app.em(), accountId);
    expect(await snapshot()).toEqual(maintained);
  });

  it('concurrent batches over the same people and days all land, in any order', async () => {
    const people = (await app.sql<{ email: string }>(
      `select u.email from memberships m join users u on u.id = m.user_id where m.account_id = ? and m.status = 'ACTIVE' order by u.email limit 20`,
      [accountId],
    )).map((row) => row.email);
    const batch = (name: string) =>
      people.flatMap((user, person) =>
        Array.from({ length: 20 }, (_, day) => ({
          id: `${name}-${person}-${day}`,
          type: 'PRODUCT_SESSION',
          occurredAt: new Date(Date.UTC(2026, 9, 20 + day, 9)).toISOString(),
          user,
          product: day % 2 ? 'DRF' : 'STR',
          minutes: 10,
        })),
      );
    // The same people, products and days, each batch in its own order: row locks taken in
    // different orders would deadlock on PostgreSQL.
    const batches = [batch('a'), batch('b').reverse(), batch('c').sort((x, y) => x.user.localeCompare(y.user) || y.id.localeCompare(x.id)), batch('d').reverse()];
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const responses = await Promise.all(batches.map((events) => postEvents(app, admin, events)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    for (const response of responses) expect(await response.json()).toMatchObject({ accepted: people.length * 20, duplicates: 0 });

    const maintained = await snapshot();
    await rebuildRollups(app.em(), accountId);
    expect(await snapshot()).toEqual(maintained);
  });

  it.each(RANGES)('a seat\'s days from the monthly masks equal its distinct days in the daily rows ($from to $to)', async (input) => {
    const range = parseRange(input);
    const rows = await app.sql<{ id: string; rolled: number | string; daily: number | string }>(
      `select sa.id, ${seatDaysOf('sa', range, pg)} as rolled,
         (select count(distinct d.day) from subscription_products sp join usage_days d
            on d.account_id = sp.account_id and d.user_id = sa.user_id and d.product_id = sp.product_id
          where sp.account_id = sa.account_id and sp.subscription_id = sa.subscription_id and d.day between ? and ?) as daily
       from seat_assignments sa where sa.account_id = ?`,
      [range.from, range.to, accountId],
    );
    expect(rows.some((row) => Number(row.daily) > 0)).toBe(true);
    expect(rows.filter((row) => Number(row.rolled) !== Number(row.daily))).toEqual([]);
  });

  it.each(RANGES)('the by-product trend per period equals the daily rows ($from to $to)', async (range) => {
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const { seatUsage } = dataOf(
      await admin.graphql<{ seatUsage: { bucketDays: number; products: { product: { id: string }; trend: { activeUsers: number; daysUsed: number }[] }[] } }>(
        'query($range: DateRangeInput!) { seatUsage(range: $range) { bucketDays products { product { id } trend { activeUsers daysUsed } } } }',
        { range },
      ),
    );
    const { from, to, bucketDays } = parseRange(range);
    const daily = await app.sql<{ product_id: string; bucket: number | string; people: number | string; days: number | string }>(
      `select product_id, (day - ?) / ? as bucket, count(distinct user_id) as people, count(*) as days
       from usage_days where account_id = ? and day between ? and ? group by product_id, (day - ?) / ?`,
      [from, bucketDays, accountId, from, to, from, bucketDays],
    );
    expect(seatUsage.bucketDays).toBe(bucketDays);
    const expected = seatUsage.products.flatMap(({ product, trend }) =>
      trend.map((_, bucket) => {
        const row = daily.find((entry) => entry.product_id === product.id && Number(entry.bucket) === bucket);
        return { product: product.id, bucket, activeUsers: Number(row?.people ?? 0), daysUsed: Number(row?.days ?? 0) };
      }),
    );
    const actual = seatUsage.products.flatMap(({ product, trend }) => trend.map((point, bucket) => ({ product: product.id, bucket, ...point })));
    expect(actual.some((point) => point.activeUsers > 0)).toBe(true);
    expect(actual).toEqual(expected);
  });

  it.each(RANGES)('people per product from the monthly masks equal distinct people in the daily rows ($from to $to)', async (input) => {
    const range = parseRange(input);
    const fragment = activeUsersPerProduct({ viewer: { accountId } }, range);
    const rolled = await app.sql<{ product_id: string; active_users: number | string }>(`${fragment.sql} order by product_id`, fragment.params);
    const daily = await app.sql<{ product_id: string; active_users: number | string }>(
      `select product_id, count(distinct user_id) as active_users from usage_days
       where account_id = ? and day between ? and ? group by product_id order by product_id`,
      [accountId, range.from, range.to],
    );
    expect(daily.length).toBeGreaterThan(0);
    expect(rolled.map((row) => [row.product_id, Number(row.active_users)])).toEqual(daily.map((row) => [row.product_id, Number(row.active_users)]));
  });
});
