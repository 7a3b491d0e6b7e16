import type { EntityManager } from '@mikro-orm/knex';
import { deleteInBatches, RETENTION_BATCH } from '../../common/retention.js';
import { JobStatus } from './job.entity.js';

/**
 * Deletes jobs and event deliveries that finished (succeeded, or failed for good: the dead letter)
 * before `cutoff`; waiting and running ones stay whatever their age. Answers how many of each went.
 * The only clean-up of these tables (the retention task, `SEATWISE_RETAIN_JOBS_DAYS`). A job's
 * install package goes with it (its row cascades from the job). graphile-worker deletes its own
 * rows when a job completes, so nothing of the PostgreSQL queue is left to clean.
 */
export async function deleteFinishedJobsBefore(em: EntityManager, cutoff: Date): Promise<{ jobs: number; eventDeliveries: number }> {
  const params = [JobStatus.SUCCEEDED, JobStatus.FAILED, em.getPlatform().processDateProperty(cutoff)];
  const jobs = await deleteInBatches(
    em,
    `delete from jobs where id in (select id from jobs where status in (?, ?) and finished_at < ? limit ${RETENTION_BATCH})`,
    params,
  );
  const eventDeliveries = await deleteInBatches(
    em,
    `delete from event_deliveries where id in (select id from event_deliveries where status in (?, ?) and finished_at < ? limit ${RETENTION_BATCH})`,
    params,
  );
  return { jobs, eventDeliveries };
}
