import type { EntityManager } from '@mikro-orm/knex';
import { performance } from 'node:perf_hooks';
import { applyPolicy } from '../src/modules/reclaim/reclaim-job.js';
import { dataOf, startTestApp, TODAY, type Driver, type TestApp } from '../test/harness.js';
import { seedUsage } from './bench-data.js';
import { percentile, time } from './timing.js';

const USERS = 10_000;
const EVENTS = 1_000_000;
const RUNS = 5;
const TARGET_MS = 2_000;

const CREATE = `mutation ($input: CreateReclaimPolicyInput!) { createReclaimPolicy(input: $input) { id version } }`;
const SWITCH = `mutation ($input: SetReclaimPolicyEnabledInput!) { setReclaimPolicyEnabled(input: $input) { id version } }`;
const DRY_RUN = `query ($id: UUID!) { reclaimDryRun(id: $id) { totalCount excludedCount candidates { seatId email idleDays reason reclaimOn } } }`;

export interface ReclaimRow {
  driver: Driver;
  seats: number;
  events: number;
  idle: number;
  dryRunP50: number;
  dryRunMax: number;
  firstRunMs: number;
  noticed: number;
  nextRunP50: number;
}

/**
 * A reclaim policy over the Seat Usage benchmark's data (10,000 people, every active one with a seat; 1,000,000 usage events):
 * its dry run through GraphQL over HTTP, the job's first run (which announces every idle seat: a
 * notice row, a claim and an outbox row each) and its later runs (the evaluation again, nothing new
 * to announce). The threshold is one day, so about two seats in three are idle: the heavy case.
 */
export async function benchReclaim(driver: Driver, pgAdminUrl: string): Promise<ReclaimRow> {
  const app: TestApp = await startTestApp(driver, { pgAdminUrl, seed: { users: USERS, usageDays: 0 }, env: { SEATWISE_JOB_WORKER: '0' } });
  try {
    const seeded = await seedUsage(app, TODAY, EVENTS);
    const [events] = await app.sql<{ n: number | string }>('select count(*) as n from usage_events');
    const [{ id: subscriptionId }] = (await app.sql<{ id: string }>("select id from subscriptions where serial_number = '599-BENCH001'")) as [{ id: string }];
    // The seats were given a year ago, so idleness is measured from each person's last use.
    const yearAgo = new Date(TODAY.getTime() - 400 * 86_400_000);
    await app.sql('update seat_assignments set created_at = ? where subscription_id = ?', [driver === 'sqlite' ? yearAgo.getTime() : yearAgo, subscriptionId]);
    const [seats] = await app.sql<{ n: number | string }>('select count(*) as n from seat_assignments where subscription_id = ?', [subscriptionId]);
    console.log(`${driver}: ${Number(seats?.n).toLocaleString('en')} seats, ${Number(events?.n).toLocaleString('en')} usage events, seeded in ${seeded.seconds.toFixed(1)} s`);
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    const policy = dataOf(
      await client.graphql<{ createReclaimPolicy: { id: string; version: number } }>(CREATE, {
        input: { name: 'Bench', subscriptionId, signal: 'LAST_USE', thresholdDays: 1, graceDays: 14, exclusions: { userIds: [], teamIds: [], roles: ['PRIMARY_ADMIN'] } },
      }),
    ).createReclaimPolicy;
    let idle = 0;
    const dryRuns = await time(
      RUNS,
      async () => {
        idle = dataOf(await client.graphql<{ reclaimDryRun: { totalCount: number } }>(DRY_RUN, { id: policy.id })).reclaimDryRun.totalCount;
      },
      1,
    );
    dataOf(await client.graphql(SWITCH, { input: { id: policy.id, version: policy.version, enabled: true } }));
    const deps = () => ({ em: app.orm.em.fork() as EntityManager, events: app.seatwise.events, config: app.config });
    const started = performance.now();
    const first = await applyPolicy(deps(), policy.id, TODAY);
    const firstRunMs = performance.now() - started;
    const next = await time(RUNS, () => applyPolicy(deps(), policy.id, TODAY), 1);
    const row: ReclaimRow = {
      driver,
      seats: Number(seats?.n),
      events: Number(events?.n),
      idle,
      dryRunP50: percentile(dryRuns, 50),
      dryRunMax: Math.max(...dryRuns),
      firstRunMs,
      noticed: first.noticed,
      nextRunP50: percentile(next, 50),
    };
    console.log(`  ${driver}: dry run p50 ${row.dryRunP50.toFixed(0)} ms (${idle} idle seats); first run ${firstRunMs.toFixed(0)} ms (${first.noticed} notices); later runs p50 ${row.nextRunP50.toFixed(0)} ms`);
    return row;
  } finally {
    await app.close();
  }
}

export function printReclaim(rows: ReclaimRow[]) {
  const mark = (ms: number) => `${ms.toFixed(0)} (${ms <= TARGET_MS ? 'ok' : 'MISSED'} ≤ ${TARGET_MS})`;
  console.table(
    rows.map((row) => ({
      driver: row.driver,
      seats: row.seats,
      'usage events': row.events,
      'idle seats': row.idle,
      'dry run p50 ms': mark(row.dryRunP50),
      'dry run max ms': row.dryRunMax.toFixed(0),
      'first run ms (announces all)': `${row.firstRunMs.toFixed(0)} (${row.noticed} notices)`,
      'later runs p50 ms': mark(row.nextRunP50),
    })),
  );
}
