import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '../src/common/days.js';
import { seatsFree, seatsFreeSql, seatsUsedSql } from '../src/modules/subscriptions/seat-rules.js';
import { isRunning, runningSql } from '../src/modules/subscriptions/subscription-rules.js';
import { dataOf, drivers, startTestApp, type TestApp, type TestClient } from './harness.js';

/**
 * The rules every other part builds on (a running subscription, seats used, seats that can be
 * handed out, entitlement to a version, the account's today) have one definition each; these
 * tests hold the JS and SQL halves and every caller to the same answer. The account is in
 * Ljubljana (UTC+1 in winter): at 23:30 UTC on 30 November it is already 1 December there, so a
 * subscription ending on 30 November has ended for the account although UTC still says otherwise.
 */
const ENDS_ON = '2026-11-30';
const LAST_HOUR = new Date('2026-11-30T22:30:00Z'); // 23:30 on 30 November in Ljubljana
const NEXT_DAY = new Date('2026-11-30T23:30:00Z'); // 00:30 on 1 December in Ljubljana, still 30 November in UTC

interface Answers {
  status: string;
  assignable: boolean;
  inSeatUsage: boolean;
  inInsights: boolean;
  licenceActive: boolean;
  versionsDownloadable: number;
}

describe.each(drivers)('business rules on %s', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let subscriptionId: string;
  let accountId: string;

  beforeAll(async () => {
    app = await startTestApp(driver);
    const [row] = await app.sql<{ id: string; account_id: string }>(
      `select s.id, s.account_id from subscriptions s join accounts a on a.id = s.account_id
       where a.name like 'Kolektor%' and s.name = 'Motion Studio'`,
    );
    subscriptionId = row!.id;
    accountId = row!.account_id;
    await app.sql('update subscriptions set ends_on = ? where id = ?', [ENDS_ON, subscriptionId]);
    admin = app.client();
    await admin.signIn('admin@example.com');
  });

  afterAll(() => app?.close());

  /** What each caller says of the Motion Studio subscription at the server's current clock. */
  async function answers(): Promise<Answers> {
    const data = dataOf(
      await admin.graphql<{
        subscription: { status: string };
        assignableSubscriptions: { id: string }[];
        seatUsage: { products: { product: { code: string }; seatsTotal: number }[] };
        insights: { product: { code: string }; purchased: number }[];
        productEntitlements: { code: string; licences: { subscriptionId: string; active: boolean }[]; versions: { id: string }[] }[];
      }>(
        `query Rules($id: UUID!, $range: DateRangeInput!) {
          subscription(id: $id) { status }
          assignableSubscriptions { id }
          seatUsage(range: $range) { products { product { code } seatsTotal } }
          insights { product { code } purchased }
          productEntitlements { code licences { subscriptionId active } versions { id } }
        }`,
        // A range reaching past today: Seat Usage counts seats as they are today (a past range counts
        // them as they were on its last day, test/usage-reports.test.ts).
        { id: subscriptionId, range: { from: '2026-11-01', to: '2026-12-31' } },
      ),
    );
    const motion = data.productEntitlements.find((product) => product.code === 'MOT');
    return {
      status: data.subscription.status,
      assignable: data.assignableSubscriptions.some((subscription) => subscription.id === subscriptionId),
      inSeatUsage: data.seatUsage.products.some((product) => product.product.code === 'MOT' && product.seatsTotal > 0),
      inInsights: data.insights.some((item) => item.product.code === 'MOT' && item.purchased > 0),
      licenceActive: motion?.licences.find((licence) => licence.subscriptionId === subscriptionId)?.active ?? false,
      versionsDownloadable: motion?.versions.length ?? 0,
    };
  }

  it('counts a subscription as running until the end of its last day in the account time zone, everywhere', async () => {
    app.setNow(LAST_HOUR);
    expect(await answers()).toEqual({
      status: 'EXPIRING',
      assignable: true,
      inSeatUsage: true,
      inInsights: true,
      licenceActive: true,
      versionsDownloadable: 1,
    });
  });

  it('counts it as ended from midnight in the account time zone, everywhere, though UTC is still on its last day', async () => {
    app.setNow(NEXT_DAY);
    expect(NEXT_DAY.toISOString().slice(0, 10)).toBe(ENDS_ON);
    expect(await answers()).toEqual({
      status: 'EXPIRED',
      assignable: false,
      inSeatUsage: false,
      inInsights: false,
      licenceActive: false,
      versionsDownloadable: 0,
    });
    const [user] = await app.sql<{ id: string }>(
      `select u.id from users u join memberships m on m.user_id = u.id
       where m.account_id = ? and m.status = 'ACTIVE'
         and not exists (select 1 from seat_assignments sa where sa.user_id = u.id and sa.subscription_id = ?)`,
      [accountId, subscriptionId],
    );
    const refused = await admin.graphql(
      `mutation Assign($input: AssignSeatInput!) { assignSeat(input: $input) { subscription { id } } }`,
      { input: { subscriptionId, userId: user!.id } },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_NOT_ASSIGNABLE');
  });

  it('gives the same running answer in JS and in SQL for every subscription, state and day', async () => {
    await app.sql(`update subscriptions set state = 'CANCELLED' where account_id = ? and name = 'Vault Docs'`, [accountId]);
    const rows = await app.sql<{ id: string; state: string; ends_on: string | Date }>(
      'select id, state, ends_on from subscriptions where account_id = ?',
      [accountId],
    );
    const days = ['2026-10-01', ENDS_ON, '2026-12-01', '2027-06-01', '2028-12-31'];
    for (const day of days) {
      const inSql = await app.sql<{ id: string }>(`select s.id from subscriptions s where s.account_id = ? and ${runningSql('s')}`, [accountId, day]);
      const inJs = rows.filter((row) => isRunning({ state: row.state, endsOn: isoDate(row.ends_on) }, day));
      expect(new Set(inSql.map((row) => row.id)), `running on ${day}`).toEqual(new Set(inJs.map((row) => row.id)));
    }
  });

  it('counts seats used and free the same way in JS and in SQL', async () => {
    const sqlSide = await app.sql<{ id: string; seats: number; used: number | string; free: number | string }>(
      `select s.id, s.seats, ${seatsUsedSql('s')} as used, ${seatsFreeSql('s')} as free from subscriptions s where s.account_id = ?`,
      [accountId],
    );
    const assignments = await app.sql<{ subscription_id: string }>('select subscription_id from seat_assignments where account_id = ?', [accountId]);
    for (const row of sqlSide) {
      const used = assignments.filter((assignment) => assignment.subscription_id === row.id).length;
      expect(Number(row.used)).toBe(used);
      expect(Number(row.free)).toBe(seatsFree(Number(row.seats), used));
    }
    // Seats reduced below the assignments: none free, never a negative number.
    const [full] = sqlSide.filter((row) => Number(row.used) > 0);
    await app.sql('update subscriptions set seats = 0 where id = ?', [full!.id]);
    const [after] = await app.sql<{ free: number | string }>(`select ${seatsFreeSql('s')} as free from subscriptions s where s.id = ?`, [full!.id]);
    expect(Number(after!.free)).toBe(0);
    expect(seatsFree(0, Number(full!.used))).toBe(0);
  });
});
