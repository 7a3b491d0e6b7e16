import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { dataOf, startTestApp, TODAY, type Driver, type TestApp } from '../test/harness.js';
import { seedUsage } from './bench-data.js';
import { percentile, time, timeInTurns } from './timing.js';

const USERS = 10_000;
const EVENTS = 1_000_000;
const RUNS = 40;
const TARGETS = { ratio: 1.5, p95Ms: 150 };

const BY_USER = `
  query ByUser($range: DateRangeInput!, $filter: SeatUsageFilter, $orderBy: SeatUsageOrder, $first: Int) {
    seatUsageByUser(range: $range, filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount bucketDays
      rows { assignmentId user { id name email } subscription { id name } assignedOn lastUsedOn daysUsed minutes idleDays trend }
    }
  }`;
const BY_PRODUCT = `
  query SeatUsage($range: DateRangeInput!) {
    seatUsage(range: $range) {
      unassignedSeats idle30 idle60 idle90
      products { product { id name } seatsTotal seatsAssigned seatsUnassigned activeUsers daysUsed minutes trend { start activeUsers daysUsed } }
    }
  }`;

const LAST_30 = { from: '2026-10-27', to: '2026-11-25' };
const LAST_12_MONTHS = { from: '2025-11-26', to: '2026-11-25' };

const scenarios = [
  { name: 'by user, by name, last 30 days, 50 rows', query: BY_USER, variables: { range: LAST_30, first: 50 } },
  { name: 'by user, by name, last 12 months, 50 rows', query: BY_USER, variables: { range: LAST_12_MONTHS, first: 50 } },
  { name: 'by user, search "novak", 12 months', query: BY_USER, variables: { range: LAST_12_MONTHS, first: 50, filter: { search: 'novak' } } },
  { name: 'by user, most days used, 30 days', query: BY_USER, variables: { range: LAST_30, first: 50, orderBy: { field: 'DAYS_USED', direction: 'DESC' } } },
  { name: 'by user, idle >= 30 days (reclaim)', query: BY_USER, variables: { range: LAST_30, first: 50, filter: { idleForAtLeast: 30 } } },
  { name: 'by product, last 30 days', query: BY_PRODUCT, variables: { range: LAST_30 } },
  { name: 'by product, last 12 months', query: BY_PRODUCT, variables: { range: LAST_12_MONTHS } },
];

export interface SeatUsageRow {
  driver: Driver;
  scenario: string;
  graphqlP50: number;
  graphqlP95: number;
  sqlP50: number;
  sqlP95: number;
  statements: number;
}

/**
 * Seat Usage over 10,000 users and 1,000,000 events: each GraphQL request against the very
 * statements it ran (recorded from the driver; the session lookup and job polls left out),
 * replayed as raw SQL in the same process: the floor the API is measured against. The two are
 * timed in turns, so both run under the same conditions.
 */
export async function benchSeatUsage(driver: Driver, pgAdminUrl: string): Promise<SeatUsageRow[]> {
  const app: TestApp = await startTestApp(driver, { pgAdminUrl, seed: { users: USERS, usageDays: 0 } });
  try {
    const seeded = await seedUsage(app, TODAY, EVENTS);
    const [events] = await app.sql<{ n: number | string }>('select count(*) as n from usage_events');
    const [days] = await app.sql<{ n: number | string }>('select count(*) as n from usage_days');
    console.log(`${driver}: ${seeded.users} users with seats, ${Number(events?.n).toLocaleString('en')} usage events, ${Number(days?.n).toLocaleString('en')} roll-up rows in ${seeded.seconds.toFixed(1)} s`);
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    // What every signed-in request pays before and after its own statements: HTTP both ways, the
    // session lookup and the GraphQL pipeline. It bounds the ratio a fast answer can reach.
    const fixed = await time(RUNS * 5, () => client.graphql('{ __typename }'));
    console.log(`  ${driver}, a signed-in request that reads nothing ({ __typename }): p50 ${percentile(fixed, 50).toFixed(1)} ms`);
    const connection = app.orm.em.getConnection() as AbstractSqlConnection;
    const recorded: { sql: string; bindings: unknown[] }[] = [];
    connection.getKnex().on('query', (query: { sql: string; bindings?: unknown[] }) => recorded.push({ sql: query.sql, bindings: query.bindings ?? [] }));

    const rows: SeatUsageRow[] = [];
    for (const scenario of scenarios) {
      dataOf(await client.graphql(scenario.query, scenario.variables));
      recorded.length = 0;
      dataOf(await client.graphql(scenario.query, scenario.variables));
      // Neither the session lookup nor the background job worker's poll is part of the answer.
      const statements = recorded.filter((statement) => !/\b(sessions|jobs)\b/.test(statement.sql)).map((statement) => ({ ...statement }));
      const [graphql, sql] = await timeInTurns(
        RUNS,
        () => client.graphql(scenario.query, scenario.variables),
        // knex reports a PostgreSQL statement with its `$1` placeholders; knex.raw takes `?`.
        () => Promise.all(statements.map((statement) => connection.getKnex().raw(statement.sql.replace(/\$\d+/g, '?'), statement.bindings as never))),
      );
      const row = {
        driver,
        scenario: scenario.name,
        graphqlP50: percentile(graphql, 50),
        graphqlP95: percentile(graphql, 95),
        sqlP50: percentile(sql, 50),
        sqlP95: percentile(sql, 95),
        statements: statements.length,
      };
      console.log(`  ${driver}, ${row.scenario}: GraphQL p50 ${row.graphqlP50.toFixed(1)} ms, p95 ${row.graphqlP95.toFixed(1)} ms; SQL p50 ${row.sqlP50.toFixed(1)} ms`);
      rows.push(row);
    }
    return rows;
  } finally {
    await app.close();
  }
}

export function printSeatUsage(rows: SeatUsageRow[]) {
  const ms = (value: number) => value.toFixed(1);
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.table(
    rows.map((row) => {
      const ratio = row.graphqlP50 / row.sqlP50;
      return {
        driver: row.driver,
        scenario: row.scenario,
        'GraphQL p50 ms': ms(row.graphqlP50),
        'GraphQL p95 ms': `${ms(row.graphqlP95)} (${mark(row.graphqlP95 <= TARGETS.p95Ms)} ≤ ${TARGETS.p95Ms})`,
        'SQL p50 ms': ms(row.sqlP50),
        'SQL p95 ms': ms(row.sqlP95),
        'ratio p50': `${ratio.toFixed(2)} (${mark(ratio <= TARGETS.ratio)} ≤ ${TARGETS.ratio})`,
        statements: row.statements,
      };
    }),
  );
}
