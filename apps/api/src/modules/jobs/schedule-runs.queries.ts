import type { EntityManager } from '@mikro-orm/knex';
import type { ScheduledTaskRun, ScheduledTaskRunConnection } from '@seatwise/schema';
import { entityConnection, type PageArgs } from '../../common/keyset.js';
import { JobScheduleRun } from './job-schedule-run.entity.js';
import { daysBefore } from '../../common/retention.js';

const toRun = (row: JobScheduleRun): ScheduledTaskRun => ({ ...row });

/** The firings of the server's cron schedules, the latest first; `name` narrows to one schedule. */
export function scheduledTaskRuns(em: EntityManager, args: PageArgs & { name?: string | null }): Promise<ScheduledTaskRunConnection> {
  return entityConnection(em, JobScheduleRun, args.name ? { name: args.name } : {}, { path: ['startedAt'], direction: 'desc', date: true }, args, (rows) => rows.map(toRun));
}

/** Firings older than the jobs' retention go with the finished jobs (`retention.ts`). */
export async function deleteScheduleRunsBefore(em: EntityManager, now: Date, days: number): Promise<number> {
  return em.nativeDelete(JobScheduleRun, { startedAt: { $lt: daysBefore(now, days) } });
}
