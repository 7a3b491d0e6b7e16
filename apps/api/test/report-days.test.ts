import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, sqlDayOf } from '../src/common/days.js';
import { SeatAssignment } from '../src/modules/subscriptions/seat-assignment.entity.js';
import { dataOf, drivers, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';

const BY_USER = `query ByUser($range: DateRangeInput!) {
  seatUsageByUser(range: $range, first: 500) { rows { assignmentId assignedOn } }
}`;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-25' };
const HOUR = 3_600_000;

/**
 * Instants near midnight on both sides of a daylight-saving change land on their own local day,
 * though "today" (25 November, winter time) has another offset than summer.
 */
describe.each(drivers)('the account day of a datetime across daylight-saving changes (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;

  const assignedOn = async () => {
    const { seatUsageByUser } = dataOf(await admin.graphql<{ seatUsageByUser: { rows: { assignmentId: string; assignedOn: string }[] } }>(BY_USER, { range: NOVEMBER }));
    return new Map(seatUsageByUser.rows.map((row) => [row.assignmentId, row.assignedOn]));
  };

  beforeAll(async () => {
    app = await startTestApp(driver, { seed: { usageDays: 0 }, now: TODAY });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
  });
  afterAll(() => app?.close());

  it('Seat Usage by user shows the Ljubljana day a seat was assigned on, in summer and winter time', async () => {
    const [spring, autumn, winter] = [...(await assignedOn()).keys()];
    expect(winter).toBeDefined();
    // 00:30 on 30 March (summer time began on the 29th), 00:30 on 25 October (summer time's last
    // night), 00:30 on 11 January (winter time).
    const created: [string | undefined, string, string][] = [
      [spring, '2026-03-29T22:30:00Z', '2026-03-30'],
      [autumn, '2026-10-24T22:30:00Z', '2026-10-25'],
      [winter, '2026-01-10T23:30:00Z', '2026-01-11'],
    ];
    const em = app.em();
    for (const [id, at] of created) await em.nativeUpdate(SeatAssignment, { id }, { createdAt: new Date(at) }, { filters: false });

    const days = await assignedOn();
    expect(created.map(([id]) => days.get(id!))).toEqual(created.map(([, , day]) => day));
  });

  it('sqlDayOf agrees with Intl every half hour of the days around each change, in three zones', async () => {
    const changes: [string, string[]][] = [
      ['Europe/Ljubljana', ['2026-03-29', '2026-10-25']],
      ['America/New_York', ['2026-03-08', '2026-11-01']],
      ['Australia/Sydney', ['2026-04-05', '2026-10-04']],
    ];
    const pg = app.driver === 'postgresql';
    for (const [zone, dates] of changes) {
      const instants = dates.flatMap((date) => Array.from({ length: 144 }, (_, step) => new Date(Date.parse(`${date}T00:00:00Z`) - 36 * HOUR + step * HOUR / 2)));
      const day = sqlDayOf(app.em(), 't', zone, TODAY);
      const values = instants.map(() => (pg ? 'select ? as i, cast(? as timestamptz) as t' : 'select ? as i, ? as t')).join(' union all ');
      const rows = await app.sql<{ day: number | string }>(`select ${day.sql} as day from (${values}) x order by i`, [
        ...day.params,
        ...instants.flatMap((instant, index) => [index, pg ? instant.toISOString() : instant.getTime()]),
      ]);
      expect(rows.map((row) => Number(row.day)), zone).toEqual(instants.map((instant) => localDay(instant, zone)));
    }
  });
});
