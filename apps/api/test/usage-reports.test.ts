import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readEvents, replayEvents } from '../src/cli/replay-usage.js';
import { SeatAssignment } from '../src/modules/subscriptions/seat-assignment.entity.js';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { postEvents, rest } from './rest.js';

const SEAT_USAGE = `
  query SeatUsage($range: DateRangeInput!) {
    seatUsage(range: $range) {
      from to bucketDays unassignedSeats idle30 idle60 idle90
      products { product { id code } seatsTotal seatsAssigned seatsUnassigned activeUsers daysUsed minutes trend { start activeUsers daysUsed } }
    }
  }`;

const BY_USER = `
  query ByUser($range: DateRangeInput!, $filter: SeatUsageFilter, $orderBy: SeatUsageOrder, $first: Int, $offset: Int) {
    seatUsageByUser(range: $range, filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
      totalCount bucketDays
      rows { assignmentId user { id name email } subscription { id name } assignedOn lastUsedOn daysUsed minutes idleDays trend removed }
    }
  }`;

const CLOUD = `
  query Cloud($range: DateRangeInput!) {
    cloudServicesUsage(range: $range) {
      bucketDays
      balances { subscription { name } contract { number } purchased consumed remaining consumedInRange }
      services { service credits trend { start credits } }
    }
    cloudServicesUsageByUser(range: $range) { user { email } credits services { service credits } lastUsedOn }
  }`;

interface TrendPoint {
  start: string;
  activeUsers: number;
  daysUsed: number;
}

interface SeatUsageNode {
  unassignedSeats: number;
  idle30: number;
  idle60: number;
  idle90: number;
  products: { product: { id: string; code: string }; seatsTotal: number; seatsAssigned: number; seatsUnassigned: number; trend: TrendPoint[] }[];
}

interface CloudNode {
  cloudServicesUsage: {
    balances: { purchased: number; consumed: number; consumedInRange: number }[];
    services: { service: string; credits: number; trend: { start: string; credits: number }[] }[];
  };
  cloudServicesUsageByUser: unknown[];
}

interface ByUserRow {
  assignmentId: string;
  user: { name: string; email: string };
  subscription: { name: string };
  lastUsedOn: string | null;
  daysUsed: number;
  minutes: number;
  idleDays: number;
  trend: number[];
  removed: boolean;
}

const NOVEMBER = { from: '2026-11-01', to: '2026-11-25' };
const ADMIN = 'admin@example.com';

/** The fixture, by hand: Ana Novak (the demo admin) holds a Drafter seat; nobody else used anything. */
const firstBatch = [
  { id: 'e1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-02T09:00:00+01:00', user: ADMIN, product: 'DRF', minutes: 60 },
  { id: 'e2', type: 'PRODUCT_SESSION', occurredAt: '2026-11-02T15:00:00+01:00', user: ADMIN, product: 'DRF', minutes: 30 },
  // 23:30 UTC is 00:30 the next day in Ljubljana: it counts on 11 November.
  { id: 'e3', type: 'PRODUCT_SESSION', occurredAt: '2026-11-10T23:30:00Z', user: ADMIN, product: 'DRF', minutes: 45 },
  { id: 'e1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-03T09:00:00+01:00', user: ADMIN, product: 'DRF', minutes: 999 },
  { id: 'e4', type: 'PRODUCT_SESSION', occurredAt: '2026-11-04T09:00:00+01:00', user: 'nobody@example.com', product: 'DRF', minutes: 10 },
  { id: 'e5', type: 'PRODUCT_SESSION', occurredAt: '2026-11-04T09:00:00+01:00', user: ADMIN, product: 'NOPE', minutes: 10 },
  { id: 'c1', type: 'CLOUD_CREDITS', occurredAt: '2026-11-05T12:00:00+01:00', user: ADMIN, product: 'RND', credits: 100, service: 'rendering' },
  { id: 'c2', type: 'CLOUD_CREDITS', occurredAt: '2026-11-20T12:00:00+01:00', user: ADMIN, product: 'GEN', credits: 50, service: 'generative-design' },
];
/** Sent later: a resend of everything, and a late event from October (summer time, UTC+2). */
const secondBatch = [...firstBatch, { id: 'late', type: 'PRODUCT_SESSION', occurredAt: '2026-10-20T10:00:00+02:00', user: ADMIN, product: 'DRF', minutes: 20 }];

describe.each(drivers)('usage ingestion and reports F-31 to F-34 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let runningSeats: number;
  /** Ana's running seats on subscriptions that include Drafter: her use counts on each. */
  let anaDrafterSeats: number;

  const count = async (table: string) => Number((await app.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]?.n);
  const byUser = async (variables: Record<string, unknown>) =>
    dataOf(await admin.graphql<{ seatUsageByUser: { totalCount: number; bucketDays: number; rows: ByUserRow[] } }>(BY_USER, variables)).seatUsageByUser;

  beforeAll(async () => {
    app = await startTestApp(driver, { seed: { usageDays: 0 } });
    // Every seat was assigned 45 days ago, so idle days are known by hand.
    const em = app.em();
    await em.nativeUpdate(SeatAssignment, {}, { createdAt: new Date(TODAY.getTime() - 45 * 86_400_000) }, { filters: false });
    const [running] = await app.sql<{ n: number | string }>(
      `select count(*) as n from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
       join accounts a on a.id = sa.account_id where a.name = ? and s.state = 'ACTIVE' and s.ends_on >= ?`,
      ['Kolektor Gradnje d.o.o.', '2026-11-25'],
    );
    runningSeats = Number(running?.n);
    const [ana] = await app.sql<{ n: number | string }>(
      `select count(*) as n from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
       join users u on u.id = sa.user_id where u.email = ? and s.state = 'ACTIVE' and s.ends_on >= ?
       and exists (select 1 from subscription_products sp join products p on p.id = sp.product_id where sp.subscription_id = s.id and p.code = 'DRF')`,
      [ADMIN, '2026-11-25'],
    );
    anaDrafterSeats = Number(ana?.n);
    admin = app.client();
    dataOf(await admin.signIn(ADMIN));
  });

  afterAll(() => app?.close());

  it('ingests a batch: duplicates change nothing, unknown user and product are reported per event', async () => {
    const response = await postEvents(app, admin, firstBatch);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { rejected: unknown[] };
    expect(result).toMatchObject({ received: 8, accepted: 5, duplicates: 1 });
    expect(result.rejected).toEqual([
      expect.objectContaining({ index: 4, eventId: 'e4', field: 'events[4].user' }),
      expect.objectContaining({ index: 5, eventId: 'e5', field: 'events[5].product' }),
    ]);

    const again = await (await postEvents(app, admin, secondBatch)).json();
    expect(again).toMatchObject({ received: 9, accepted: 1, duplicates: 6 });
    expect(await count('usage_events')).toBe(6);
    expect(await count("cloud_credit_entries where kind = 'CONSUMPTION'")).toBe(2);
  });

  it('Seat Usage by user: days used, minutes, last use, idle days and trend per day', async () => {
    const page = await byUser({ range: NOVEMBER, filter: { search: 'ana novak' } });
    const drafter = page.rows.find((row) => row.subscription.name === 'Drafter')!;
    expect(page.bucketDays).toBe(1);
    expect(drafter).toMatchObject({ lastUsedOn: '2026-11-11', daysUsed: 2, minutes: 135, idleDays: 14 });
    expect(drafter.trend).toHaveLength(25);
    expect(drafter.trend.flatMap((days, index) => (days ? [[index, days]] : []))).toEqual([[1, 1], [10, 1]]);

    const autumn = await byUser({ range: { from: '2026-10-01', to: '2026-11-25' }, filter: { search: 'ana novak' } });
    expect(autumn.bucketDays).toBe(7);
    expect(autumn.rows.find((row) => row.subscription.name === 'Drafter')).toMatchObject({ daysUsed: 3, minutes: 155 });
  });

  it('Seat Usage by user: sorting and the reclaim filter are computed over every seat', async () => {
    const all = await byUser({ range: NOVEMBER, first: 500 });
    expect(all.totalCount).toBe(runningSeats);
    const mostUsed = await byUser({ range: NOVEMBER, orderBy: { field: 'DAYS_USED', direction: 'DESC' }, first: 1 });
    expect(mostUsed.rows[0]).toMatchObject({ user: { email: ADMIN }, daysUsed: 2 });
    const idle = await byUser({ range: NOVEMBER, filter: { idleForAtLeast: 30 }, first: 500 });
    expect(anaDrafterSeats).toBeGreaterThanOrEqual(1);
    expect(idle.totalCount).toBe(runningSeats - anaDrafterSeats);
    expect(idle.rows.every((row) => row.idleDays === 45 && row.lastUsedOn === null)).toBe(true);
    expect((await byUser({ range: NOVEMBER, filter: { idleForAtLeast: 60 } })).totalCount).toBe(0);
    // Past the last page there is no row to carry the total: it is still the filtered count.
    expect(await byUser({ range: NOVEMBER, filter: { idleForAtLeast: 30 }, first: 5, offset: 100_000 })).toMatchObject({ totalCount: idle.totalCount, rows: [] });

    const pages = [await byUser({ range: NOVEMBER, first: 7 }), await byUser({ range: NOVEMBER, first: 7, offset: 7 })];
    expect(pages.flatMap((page) => page.rows.map((row) => row.assignmentId))).toEqual(all.rows.slice(0, 14).map((row) => row.assignmentId));
  });

  it('Seat Usage by product: seats, active users, person-days, trend and seats to reclaim', async () => {
    const { seatUsage } = dataOf(await admin.graphql<{ seatUsage: SeatUsageNode }>(SEAT_USAGE, { range: NOVEMBER }));
    const [seats] = await app.sql<{ total: number | string }>(
      `select sum(s.seats) as total from subscriptions s join subscription_products sp on sp.subscription_id = s.id
       join products p on p.id = sp.product_id where p.code = 'DRF' and s.state = 'ACTIVE' and s.ends_on >= '2026-11-25'`,
    );
    const drafter = seatUsage.products.find((row) => row.product.code === 'DRF')!;
    expect(drafter).toMatchObject({ seatsTotal: Number(seats?.total), activeUsers: 1, daysUsed: 2, minutes: 135 });
    expect(drafter.seatsTotal).toBe(32);
    expect(drafter.seatsUnassigned).toBe(drafter.seatsTotal - drafter.seatsAssigned);
    expect(drafter.trend[1]).toEqual({ start: '2026-11-02', activeUsers: 1, daysUsed: 1 });
    expect(drafter.trend[10]).toEqual({ start: '2026-11-11', activeUsers: 1, daysUsed: 1 });
    expect(seatUsage).toMatchObject({ idle30: runningSeats - anaDrafterSeats, idle60: 0, idle90: 0 });
  });

  it('Seat Usage figures without products read no usage roll-up, and equal the full report\'s', async () => {
    const connection = app.orm.em.getConnection() as AbstractSqlConnection;
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    connection.getKnex().on('query', record);
    try {
      const { seatUsage: figures } = dataOf(
        await admin.graphql<{ seatUsage: Omit<SeatUsageNode, 'products'> }>(
          'query($range: DateRangeInput!) { seatUsage(range: $range) { unassignedSeats idle30 idle60 idle90 } }',
          { range: NOVEMBER },
        ),
      );
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.filter((sql) => /\b(product_days|usage_months|subscription_products sp\s+join subscriptions)\b/.test(sql))).toEqual([]);
      const { seatUsage } = dataOf(await admin.graphql<{ seatUsage: SeatUsageNode }>(SEAT_USAGE, { range: NOVEMBER }));
      expect(statements.some((sql) => /\bproduct_days\b/.test(sql))).toBe(true);
      expect(figures).toEqual({ unassignedSeats: seatUsage.unassignedSeats, idle30: seatUsage.idle30, idle60: seatUsage.idle60, idle90: seatUsage.idle90 });
      // Asked for through a named or an inline fragment, the products are there as well.
      for (const query of [
        'query($range: DateRangeInput!) { seatUsage(range: $range) { idle30 ...Lines } } fragment Lines on SeatUsageReport { products { product { code } } }',
        'query($range: DateRangeInput!) { seatUsage(range: $range) { ... on SeatUsageReport { products { product { code } } } } }',
      ]) {
        const { seatUsage: viaFragment } = dataOf(await admin.graphql<{ seatUsage: { products: { product: { code: string } }[] } }>(query, { range: NOVEMBER }));
        expect(viaFragment.products.map((row) => row.product.code)).toEqual(seatUsage.products.map((row) => row.product.code));
      }
    } finally {
      connection.getKnex().off('query', record);
    }
  });

  it('Cloud Services Usage: purchased, consumed, remaining, per service and per user', async () => {
    const data = dataOf(await admin.graphql<CloudNode>(CLOUD, { range: NOVEMBER }));
    expect(data.cloudServicesUsage.balances).toEqual([
      { subscription: { name: 'Cloud Credits 5000' }, contract: { number: '110004567892' }, purchased: 5000, consumed: 150, remaining: 4850, consumedInRange: 150 },
    ]);
    expect(data.cloudServicesUsage.services.map((row) => [row.service, row.credits])).toEqual([
      ['rendering', 100],
      ['generative-design', 50],
    ]);
    expect(data.cloudServicesUsage.services[0]!.trend[4]).toEqual({ start: '2026-11-05', credits: 100 });
    expect(data.cloudServicesUsageByUser).toEqual([
      {
        user: { email: ADMIN },
        credits: 150,
        services: [{ service: 'rendering', credits: 100 }, { service: 'generative-design', credits: 50 }],
        lastUsedOn: '2026-11-20',
      },
    ]);
    const october = dataOf(await admin.graphql<CloudNode>(CLOUD, { range: { from: '2026-10-01', to: '2026-10-31' } }));
    expect(october.cloudServicesUsage.balances[0]).toMatchObject({ consumed: 150, consumedInRange: 0 });
  });

  it('rejects a reversed or too long range, naming the field', async () => {
    const reversed = errorOf(await admin.graphql(SEAT_USAGE, { range: { from: '2026-11-25', to: '2026-11-01' } }));
    expect(reversed.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'range.to' });
    const long = errorOf(await admin.graphql(SEAT_USAGE, { range: { from: '2024-01-01', to: '2026-11-25' } }));
    expect(long.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'range' });
    const bad = errorOf(await admin.graphql(BY_USER, { range: { from: '2026-02-30', to: '2026-03-01' } }));
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'range.from' });
  });

  it('a malformed event, a missing session or a plain user writes nothing', async () => {
    const before = await count('usage_events');
    const malformed = await postEvents(app, admin, [
      { id: 'ok-1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-20T09:00:00Z', user: ADMIN, product: 'DRF', minutes: 5 },
      { id: 'bad-1', type: 'PRODUCT_SESSION', occurredAt: 'yesterday', user: ADMIN, product: 'DRF', minutes: 5 },
    ]);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: unknown }).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events[1].occurredAt' });
    expect((await postEvents(app, admin, { events: 'no' })).status).toBe(400);
    expect((await rest(app, admin, '/api/usage-events', { method: 'POST', body: '{not json' })).status).toBe(400);
    const tooMany = Array.from({ length: 10_001 }, (_, index) => ({ ...firstBatch[0], id: `many-${index}` }));
    const tooLarge = await postEvents(app, admin, tooMany);
    expect(tooLarge.status).toBe(400);
    expect(((await tooLarge.json()) as { error: { field: string } }).error.field).toBe('events');

    const anonymous = await postEvents(app, null, firstBatch);
    expect(anonymous.status).toBe(401);
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect((await postEvents(app, user, [{ ...firstBatch[0], id: 'from-user' }])).status).toBe(403);
    expect(await count('usage_events')).toBe(before);
  });

  it('exports Seat Usage as CSV and XLSX with the same numbers, formulas neutralised', async () => {
    // The name the account sees, on the membership, is what an export writes.
    await app.sql("update memberships set first_name = '=HYPERLINK(\"x\")' where email = ?", [ADMIN]);
    const query = 'from=2026-11-01&to=2026-11-25&search=novak';
    const csv = await rest(app, admin, `/api/exports/seat-usage.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('seat-usage-by-user.csv');
    const records: string[][] = parse((await csv.text()).replace(/^\uFEFF/, ''));
    expect(records[0]).toEqual(['Name', 'Email', 'Subscription', 'Assigned on', 'Last used', 'Days used', 'Minutes', 'Days idle']);
    const drafterLine = records.find((line) => line[2] === 'Drafter')!;
    expect(drafterLine).toEqual(["'=HYPERLINK(\"x\") Novak", ADMIN, 'Drafter', '2026-10-11', '2026-11-11', '2', '135', '14']);

    const xlsx = await rest(app, admin, `/api/exports/seat-usage.xlsx?${query}&lang=sl`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Uporaba licenc');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Ime', 'E-pošta', 'Naročnina', 'Datum dodelitve', 'Zadnja uporaba', 'Dni uporabe', 'Minute', 'Dni neuporabe']);
    // Without ?lang=, the headings follow Accept-Language.
    const asked = await rest(app, admin, `/api/exports/seat-usage.csv?${query}`, { headers: { 'accept-language': 'sl' } });
    expect((parse((await asked.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][])[0]![0]).toBe('Ime');
    // XLSX cells are typed: the name is a text cell (never a formula, no visible apostrophe), the days are dates.
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const drafterRow = rows.find((row) => row[3] === 'Drafter')!;
    expect(drafterRow.slice(1)).toEqual(['=HYPERLINK("x") Novak', ADMIN, 'Drafter', new Date('2026-10-11T00:00:00Z'), new Date('2026-11-11T00:00:00Z'), 2, 135, 14]);
    const nameCell = sheet.getRow(rows.indexOf(drafterRow) + 2).getCell(1);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(rows.indexOf(drafterRow) + 2).getCell(4).numFmt).toBe('d. m. yyyy');

    const cloud: string[][] = parse((await (await rest(app, admin, '/api/exports/cloud-services-usage-by-user.csv?from=2026-11-01&to=2026-11-25')).text()).replace(/^\uFEFF/, ''));
    expect(cloud.slice(1).map((line) => [line[2], line[3]])).toEqual([['rendering', '100'], ['generative-design', '50']]);
    expect((await rest(app, admin, '/api/exports/seat-usage.csv?from=2026-11-25&to=2026-11-01')).status).toBe(400);
  });

  it('the replay script sends a file of events (one JSON per line); a second replay changes nothing', async () => {
    const lines = [
      JSON.stringify({ id: 'file-1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-24T08:00:00Z', user: ADMIN, product: 'DRF', minutes: 15 }),
      JSON.stringify({ id: 'file-2', type: 'PRODUCT_SESSION', occurredAt: '2026-11-24T09:00:00Z', user: 'ghost@example.com', product: 'DRF', minutes: 5 }),
    ].join('\n');
    const events = readEvents(lines);
    const quiet = () => undefined;
    const first = await replayEvents({ url: app.url, events, email: ADMIN, password: 'Seatwise-demo-1', log: quiet });
    expect(first).toEqual({ batches: 1, received: 2, accepted: 1, duplicates: 0, rejected: 1 });
    const second = await replayEvents({ url: app.url, events, email: ADMIN, password: 'Seatwise-demo-1', log: quiet });
    expect(second).toMatchObject({ accepted: 0, duplicates: 1, rejected: 1 });
    await expect(replayEvents({ url: app.url, events, email: ADMIN, password: 'wrong', log: quiet })).rejects.toThrow(/Sign-in failed/);
  });

  it('Seat Usage of a past range keeps the products and use of a subscription that has since expired', async () => {
    // Motion Studio (MOT) runs until 7 December; Ana used it in November. Two more seats than the
    // seed's three, so some are free.
    await app.sql("update subscriptions set seats = 5 where name = 'Motion Studio'");
    const motion = { id: 'mot-1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-16T09:00:00+01:00', user: ADMIN, product: 'MOT', minutes: 40 };
    expect(await (await postEvents(app, admin, [motion])).json()).toMatchObject({ accepted: 1 });
    const report = async (range: { from: string; to: string }) =>
      dataOf(await admin.graphql<{ seatUsage: SeatUsageNode & { products: { daysUsed: number; minutes: number }[] } }>(SEAT_USAGE, { range })).seatUsage;
    const [free] = await app.sql<{ n: number | string }>(
      `select s.seats - (select count(*) from seat_assignments sa where sa.subscription_id = s.id) as n
       from subscriptions s join accounts a on a.id = s.account_id where a.name = ? and s.name = 'Motion Studio'`,
      ['Kolektor Gradnje d.o.o.'],
    );
    const motionFree = Number(free?.n);
    expect(motionFree).toBeGreaterThan(0);
    const before = await report(NOVEMBER);
    expect(before.products.find((row) => row.product.code === 'MOT')).toMatchObject({ seatsTotal: 5, seatsUnassigned: motionFree, daysUsed: 1, minutes: 40 });

    app.setNow(new Date('2026-12-10T10:00:00Z'));
    try {
      // Last month, after the subscription expired: its product, seats then and use are all there.
      const lastMonth = await report({ from: '2026-11-01', to: '2026-11-30' });
      expect(lastMonth.products.find((row) => row.product.code === 'MOT')).toMatchObject({ seatsTotal: 5, seatsUnassigned: motionFree, daysUsed: 1, minutes: 40 });
      // Today's report: the product ran this month, but its seats are not there to use any more.
      const thisMonth = await report({ from: '2026-12-01', to: '2026-12-10' });
      expect(thisMonth.products.find((row) => row.product.code === 'MOT')).toMatchObject({ seatsTotal: 0, seatsAssigned: 0, seatsUnassigned: 0, daysUsed: 0 });
      expect(thisMonth.unassignedSeats).toBe(before.unassignedSeats - motionFree);
      // A range after it ended does not show the product at all.
      const today = await report({ from: '2026-12-10', to: '2026-12-10' });
      expect(today.products.map((row) => row.product.code)).not.toContain('MOT');
    } finally {
      app.setNow(TODAY);
    }
  });

  it("a removed person's past use stays in By user, marked removed; a range without their use shows nothing of them", async () => {
    const [person] = await app.sql<{ id: string; email: string; version: number | string }>(
      `select u.id, u.email, mb.version from seat_assignments sa join subscriptions s on s.id = sa.subscription_id
       join users u on u.id = sa.user_id join memberships mb on mb.user_id = u.id and mb.account_id = sa.account_id
       where s.name = 'Drafter' and u.email not in (?, ?) order by u.email limit 1`,
      [ADMIN, 'user@example.com'],
    );
    const event = { id: 'removed-1', type: 'PRODUCT_SESSION', occurredAt: '2026-11-18T09:00:00+01:00', user: person!.email, product: 'DRF', minutes: 25 };
    expect(await (await postEvents(app, admin, [event])).json()).toMatchObject({ accepted: 1 });
    // Every subscription that ran in November and includes Drafter: the removed person's use shows under each.
    const drafterSubscriptions = (
      await app.sql<{ name: string }>(
        `select s.name from subscriptions s join accounts a on a.id = s.account_id where a.name = ? and s.state = 'ACTIVE' and s.ends_on >= ?
         and exists (select 1 from subscription_products sp join products p on p.id = sp.product_id where sp.subscription_id = s.id and p.code = 'DRF')`,
        ['Kolektor Gradnje d.o.o.', '2026-11-01'],
      )
    ).map((row) => row.name).sort();
    const mine = async (extra: Record<string, unknown> = {}) => byUser({ range: NOVEMBER, filter: { search: person!.email }, first: 500, ...extra });
    const held = await mine();
    expect(held.rows.length).toBeGreaterThanOrEqual(1);
    expect(held.rows.find((row) => row.subscription.name === 'Drafter')).toMatchObject({ removed: false, daysUsed: 1, minutes: 25 });
    const totalBefore = (await byUser({ range: NOVEMBER })).totalCount;

    dataOf(await admin.graphql('mutation($input: RemoveUserInput!) { removeUser(input: $input) { id } }', { input: { userId: person!.id, version: Number(person!.version) } }));
    expect(await count(`seat_assignments where user_id = '${person!.id}'`)).toBe(0);

    const after = await mine();
    expect(after.rows.map((row) => row.subscription.name).sort()).toEqual(drafterSubscriptions);
    for (const row of after.rows) {
      expect(row).toMatchObject({ removed: true, daysUsed: 1, minutes: 25, lastUsedOn: '2026-11-18', idleDays: 7, user: { email: person!.email } });
      expect(row.trend.reduce((sum, days) => sum + days, 0)).toBe(1);
    }
    expect(after.totalCount).toBe(after.rows.length);
    // The whole list: their held seats left, their rows of use came in; sorting by use measures the same rows.
    expect((await byUser({ range: NOVEMBER })).totalCount).toBe(totalBefore - held.rows.length + after.rows.length);
    const byDays = await mine({ orderBy: { field: 'DAYS_USED', direction: 'DESC' } });
    expect(byDays.rows.map((row) => [row.assignmentId, row.removed, row.daysUsed]).sort()).toEqual(after.rows.map((row) => [row.assignmentId, true, 1]).sort());
    expect((await mine({ filter: { search: person!.email, idleForAtLeast: 5 } })).totalCount).toBe(after.rows.length);

    // From the day after their last use on, nothing of them.
    expect(await byUser({ range: { from: '2026-11-19', to: '2026-11-25' }, filter: { search: person!.email } })).toMatchObject({ totalCount: 0, rows: [] });
  });

  it('one click takes an idle seat back; a plain user and another account see no report', async () => {
    const idle = await byUser({ range: NOVEMBER, filter: { idleForAtLeast: 30 }, first: 1 });
    const seat = idle.rows[0]!;
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    expect(errorOf(await other.graphql('mutation($id: UUID!) { unassignSeat(input: { assignmentId: $id }) { id } }', { id: seat.assignmentId })).extensions?.code).toBe('NOT_FOUND');
    dataOf(await admin.graphql('mutation($id: UUID!) { unassignSeat(input: { assignmentId: $id }) { id } }', { id: seat.assignmentId }));
    expect((await byUser({ range: NOVEMBER, filter: { idleForAtLeast: 30 } })).totalCount).toBe(idle.totalCount - 1);

    const otherView = await other.graphql<{ seatUsageByUser: { totalCount: number } }>(BY_USER, { range: NOVEMBER });
    expect(dataOf(otherView).seatUsageByUser.totalCount).toBe(0);
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    for (const [query, variables] of [[SEAT_USAGE, { range: NOVEMBER }], [BY_USER, { range: NOVEMBER }], [CLOUD, { range: NOVEMBER }], ['{ insights { purchased } }', {}]] as const) {
      expect(errorOf(await user.graphql(query, variables)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await rest(app, user, '/api/exports/seat-usage.csv?from=2026-11-01&to=2026-11-25')).status).toBe(403);
    expect((await rest(app, null, '/api/exports/insights.csv')).status).toBe(401);
  });
});
