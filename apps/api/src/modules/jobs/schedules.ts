import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../../logger.js';
import { ScheduledRunStatus } from '@seatwise/schema';
import { JobScheduleRun } from './job-schedule-run.entity.js';
import { JobSchedule } from './job-schedule.entity.js';

/**
 * Work that runs on a cron schedule (UTC), not queued by anyone: the end of subscription terms,
 * clean-ups. Each firing runs on one instance only (see `runDueSchedules`); the work must still be
 * idempotent, as a firing whose instance died half-way is not repeated until the next one.
 */
export interface Schedule {
  name: string;
  /** Five fields, e.g. `* * * * *` (each minute) or `17 3 * * *` (03:17 UTC daily). */
  cron: string;
  run(em: EntityManager, now: Date): Promise<unknown>;
}

const nextAfter = (cron: string, after: Date): Date => {
  const next = new Cron(cron, { timezone: 'UTC', paused: true }).nextRun(after);
  if (!next) throw new Error(`cron ${cron} never fires after ${after.toISOString()}`);
  return next;
};

/** Checks a schedule's cron at start-up, so a typo fails loudly rather than never firing. */
export function checkSchedule(schedule: Schedule): void {
  nextAfter(schedule.cron, new Date());
}

/**
 * Runs each schedule whose firing is due at `now`, one after the other. A schedule seen for the
 * first time is due at its next firing. Of several instances looking at once, only the one whose
 * conditional update moves `nextRunAt` from the value it read runs the firing; the others see
 * no row changed and skip it. The claim moves `nextRunAt` to the first slot after `now`, so slots
 * missed while every instance was down (or the clock jumped) fire once, not once per missed slot.
 * The winner writes the firing's history row (`job_schedule_runs`, unique per name and slot) and
 * marks it done or failed after. With `force` every schedule runs now
 * (tests, an operator's nudge).
 */
export async function runDueSchedules(
  em: EntityManager,
  schedules: Schedule[],
  now: Date,
  logger: Logger,
  force = false,
  instance = 'unknown',
): Promise<void> {
  for (const schedule of schedules) {
    let row = await em.findOne(JobSchedule, { name: schedule.name });
    if (!row) {
      await em
        .createQueryBuilder(JobSchedule)
        .insert({ name: schedule.name, nextRunAt: nextAfter(schedule.cron, now) })
        .onConflict('name')
        .ignore()
        .execute();
      row = await em.findOneOrFail(JobSchedule, { name: schedule.name }, { refresh: true });
    }
    if (!force && row.nextRunAt.getTime() > now.getTime()) continue;
    const slot = row.nextRunAt;
    const won = await em.nativeUpdate(JobSchedule, { name: schedule.name, nextRunAt: slot }, { nextRunAt: nextAfter(schedule.cron, now), lastRunAt: now });
    if (won !== 1) continue;
    // Written by the winner only, right after its claim (one statement each: on SQLite a transaction
    // held across both would lock out an instance in the same process). A forced firing is recorded
    // at `now`; forced twice at one instant (a test's fixed clock), the first row stands.
    const firing = randomUUID();
    await em
      .createQueryBuilder(JobScheduleRun)
      .insert({ id: firing, name: schedule.name, slotAt: force ? now : slot, status: ScheduledRunStatus.RUNNING, startedAt: new Date(), instance: instance.slice(0, 120) })
      .onConflict(['name', 'slotAt'])
      .ignore()
      .execute();
    let error: string | null = null;
    logger.debug({ schedule: schedule.name, slot: slot.toISOString() }, 'scheduled task fired');
    try {
      await schedule.run(em.fork() as EntityManager, now);
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
      logger.error({ err: failure, schedule: schedule.name }, 'scheduled task failed');
      if (force) throw failure;
    } finally {
      await em.nativeUpdate(JobSchedule, { name: schedule.name }, { lastError: error });
      await em.nativeUpdate(JobScheduleRun, { id: firing }, { status: error === null ? ScheduledRunStatus.SUCCEEDED : ScheduledRunStatus.FAILED, finishedAt: new Date(), error });
    }
  }
}
