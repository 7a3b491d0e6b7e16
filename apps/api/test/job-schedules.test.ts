import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { deleteExpiredIdentityRows } from '../src/modules/identity/expired-rows.js';
import { deleteFinishedJobsBefore } from '../src/modules/jobs/job-retention.service.js';
import { JobWorker } from '../src/modules/jobs/job-worker.js';
import type { Schedule } from '../src/modules/jobs/schedules.js';
import { scheduledTaskRuns } from '../src/modules/jobs/schedule-runs.queries.js';
import { drivers, startTestApp, type TestApp } from './harness.js';

const silent = createLogger('silent');
const DAY = 86_400_000;

describe.each(drivers)('cron schedules and clean-up (%s)', (driver) => {
  let app: TestApp;
  let otherOrm: MikroORM;
  let clock = new Date('2026-12-05T10:00:30Z');
  const firings: string[] = [];
  let failNext = false;

  /** Two instances: each its own worker on its own connections, with the same schedules and clock. */
  let workers: JobWorker[] = [];

  beforeAll(async () => {
    app = await startTestApp(driver, { seed: false });
    otherOrm = await openDatabase(app.config.database);
    const schedulesOf = (instance: string): Schedule[] => [
      {
        name: 'test.each-minute',
        cron: '* * * * *',
        run: async (_em, now) => {
          firings.push(`${instance} ${now.toISOString()}`);
          if (failNext) {
            failNext = false;
            throw new Error('the task failed this time');
          }
        },
      },
    ];
    workers = [
      new JobWorker(app.orm, silent, {}, { schedules: schedulesOf('a'), now: () => clock, scheduleCheckMs: 0 }),
      new JobWorker(otherOrm, silent, {}, { schedules: schedulesOf('b'), now: () => clock, scheduleCheckMs: 0 }),
    ];
  });
  afterAll(async () => {
    await otherOrm?.close(true);
    await app?.close();
  });

  const bothLook = () => Promise.all(workers.map((worker) => worker.runPeriodic()));

  it('fires a schedule once per slot however many instances look in the same minute', async () => {
    // First look: the schedule is learnt, due at 10:01.
    await bothLook();
    expect(firings).toEqual([]);
    clock = new Date('2026-12-05T10:01:05Z');
    await bothLook();
    await bothLook();
    clock = new Date('2026-12-05T10:01:50Z');
    await bothLook();
    expect(firings.map((firing) => firing.split(' ')[1])).toEqual(['2026-12-05T10:01:05.000Z']);
    // The next minute it fires again, once; an instance that was away for minutes fires once, not once per missed slot.
    clock = new Date('2026-12-05T10:02:01Z');
    await Promise.all([bothLook(), bothLook()]);
    clock = new Date('2026-12-05T10:09:00Z');
    await bothLook();
    expect(firings.map((firing) => firing.split(' ')[1])).toEqual(['2026-12-05T10:01:05.000Z', '2026-12-05T10:02:01.000Z', '2026-12-05T10:09:00.000Z']);
    const [row] = await app.sql<{ next_run_at: string | number | Date }>(`select next_run_at from job_schedules where name = 'test.each-minute'`);
    const next = typeof row!.next_run_at === 'object' ? row!.next_run_at : new Date(/^\d+$/.test(String(row!.next_run_at)) ? Number(row!.next_run_at) : row!.next_run_at);
    expect(next.toISOString()).toBe('2026-12-05T10:10:00.000Z');
  });

  it('keeps the reason of a failed firing and clears it after one that worked', async () => {
    failNext = true;
    clock = new Date('2026-12-05T10:10:00Z');
    await bothLook();
    const lastError = async () => (await app.sql<{ last_error: string | null }>(`select last_error from job_schedules where name = 'test.each-minute'`))[0]!.last_error;
    expect(await lastError()).toBe('the task failed this time');
    clock = new Date('2026-12-05T10:11:00Z');
    await bothLook();
    expect(await lastError()).toBeNull();
    expect(firings).toHaveLength(5);
  });

  it('keeps one history row per firing with its status, and a restarted instance fires a slot missed while down once', async () => {
    const history = () => scheduledTaskRuns(app.em(), { first: 100, name: 'test.each-minute' });
    const before = await history();
    // Every firing so far, once each however many instances looked, the failed one marked so.
    expect(before.totalCount).toBe(firings.length);
    expect(before.edges.map((edge) => edge.node.status).filter((status) => status === 'FAILED')).toHaveLength(1);
    expect(new Set(before.edges.map((edge) => edge.node.slotAt.toISOString())).size).toBe(firings.length);
    // Every instance down from 10:11 to 13:30; a new one (a restart) starts and looks with the other back too.
    clock = new Date('2026-12-05T13:30:10Z');
    const restarted = new JobWorker(app.orm, silent, {}, { instanceId: 'restarted', schedules: [{ name: 'test.each-minute', cron: '* * * * *', run: async (_em, now) => void firings.push(`c ${now.toISOString()}`) }], now: () => clock, scheduleCheckMs: 0 });
    await Promise.all([restarted.runPeriodic(), ...workers.map((worker) => worker.runPeriodic())]);
    await restarted.runPeriodic();
    const after = await history();
    expect(after.totalCount).toBe(before.totalCount + 1);
    const latest = after.edges[0]!.node;
    expect(latest).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(latest.slotAt.toISOString()).toBe('2026-12-05T10:12:00.000Z');
    expect(latest.finishedAt).not.toBeNull();
  });

  it('deletes delivered work and the dead letter past the jobs retention (the retention task), and expired sign-in leftovers', async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const em = app.em();
    const insert = (status: string, finishedAt: Date | null, event: string) =>
      em.getConnection().execute(
        'insert into event_deliveries (id, created_at, event, subscriber, payload, status, attempts, max_attempts, run_after, finished_at) values (?, ?, ?, ?, ?, ?, 0, 5, ?, ?)',
        [crypto.randomUUID(), ago(40), event, 'test', '{}', status, ago(40), finishedAt].map((value) => (value instanceof Date ? em.getPlatform().processDateProperty(value) : value)),
      );
    const days = app.config.retention.jobDays;
    await insert('SUCCEEDED', ago(days + 1), 'test.old-done');
    await insert('SUCCEEDED', ago(days - 1), 'test.recent-done');
    await insert('FAILED', ago(days - 1), 'test.recent-failed');
    await insert('FAILED', ago(days + 1), 'test.old-failed');
    await insert('QUEUED', null, 'test.queued');
    expect((await deleteFinishedJobsBefore(em, ago(days))).eventDeliveries).toBe(2);
    const left = await app.sql<{ event: string }>(`select event from event_deliveries where event like 'test.%' order by event`);
    expect(left.map((row) => row.event)).toEqual(['test.queued', 'test.recent-done', 'test.recent-failed']);

    // Sign-in challenges and password-reset links past their expiry go; live ones stay.
    const userId = crypto.randomUUID();
    const at = (date: Date) => em.getPlatform().processDateProperty(date);
    await em.getConnection().execute(
      'insert into users (id, created_at, updated_at, email, password_hash, first_name, last_name, sort_name, language) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [userId, at(now), at(now), `sweep-${driver}@test.example`, 'x', 'Sweep', 'Test', 'sweep test', 'EN'],
    );
    for (const [hash, expiresAt] of [['expired', ago(1)], ['live', new Date(now.getTime() + DAY)]] as const) {
      await em.getConnection().execute('insert into sign_in_challenges (id, created_at, token_hash, user_id, expires_at) values (?, ?, ?, ?, ?)', [
        crypto.randomUUID(),
        at(now),
        `${hash}-${driver}`,
        userId,
        at(expiresAt),
      ]);
    }
    expect(await deleteExpiredIdentityRows(app.em() as EntityManager, now)).toBeGreaterThanOrEqual(1);
    const challenges = await app.sql<{ token_hash: string }>('select token_hash from sign_in_challenges where user_id = ?', [userId]);
    expect(challenges.map((row) => row.token_hash)).toEqual([`live-${driver}`]);
  });
});
