import { Cron } from 'croner';
import type { EntityManager } from '@mikro-orm/knex';
import type { Logger } from '../../logger.js';
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
 * no row changed and skip it. With `force` every schedule runs now (tests, an operator's nudge).
 */
export async function runDueSchedules(
  em: EntityManager,
  schedules: Schedule[],
  now: Date,
  logger: Logger,
  force = false,
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
    const won = await em.nativeUpdate(
      JobSchedule,
      { name: schedule.name, nextRunAt: row.nextRunAt },
      { nextRunAt: nextAfter(schedule.cron, now), lastRunAt: now },
    );
    if (won !== 1) continue;
    let error: string | null = null;
    logger.debug({ schedule: schedule.name, slot: row.nextRunAt.toISOString() }, 'scheduled task fired');
    try {
      await schedule.run(em.fork() as EntityManager, now);
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
      logger.error({ err: failure, schedule: schedule.name }, 'scheduled task failed');
      if (force) throw failure;
    } finally {
      await em.nativeUpdate(JobSchedule, { name: schedule.name }, { lastError: error });
    }
  }
}
