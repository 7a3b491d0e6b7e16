import pg from 'pg';
import { run, type Runner, type Task } from 'graphile-worker';
import { graphileLogger, QUEUE_SCHEMA } from '../../db/queue-schema.js';
import type { Logger } from '../../logger.js';

/**
 * The PostgreSQL side of the job queue: graphile-worker (0.17) carries each row of our `jobs` table
 * to a worker. A trigger on `jobs` (migration 20261207020000) adds one graphile job naming the row
 * inside the transaction that inserted it, so a job runs if and only if its request committed, and
 * LISTEN/NOTIFY wakes an idle worker at the commit; workers take jobs with SKIP LOCKED and retry a
 * failed one with graphile-worker's exponential backoff. Our row stays the record clients and
 * operators read (status, progress, error, the dead letter) and the claim on it decides who runs
 * the work, so a graphile job delivered twice does the work once.
 */

/** The one graphile task: its payload is `{ id }` of a `jobs` row. */
export const SEATWISE_TASK = 'seatwise.job';
/**
 * graphile-worker's own attempts: high, as our row's `max_attempts` says when a job failed for good
 * (a delivery that found the row held by another worker is retried without counting).
 */
export const QUEUE_MAX_ATTEMPTS = 25;

/**
 * Hands the row `jobId` to the queue again at once (a job given back at shutdown, a claim whose
 * worker died). With the row's id as job key, a waiting graphile job is replaced; a locked one (its
 * worker still running or dead) keeps running and a new one is added, per graphile-worker's rules.
 */
export function requeueStatement(jobId: string): { sql: string; params: unknown[] } {
  return {
    sql: `select ${QUEUE_SCHEMA}.add_job(?, json_build_object('id', ?::text), job_key := ?, max_attempts := ${QUEUE_MAX_ATTEMPTS})`,
    params: [SEATWISE_TASK, jobId, jobId],
  };
}

export interface QueueRunner {
  stop(): Promise<void>;
}

/** Starts graphile-worker's runner over `connectionString`, one job at a time, calling `runJob(id)` for each. */
export async function startQueueRunner(
  connectionString: string,
  logger: Logger,
  runJob: (id: string) => Promise<void>,
  options: { pollMs: number },
): Promise<QueueRunner> {
  const task: Task = async (payload) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id === 'string') await runJob(id);
  };
  // A pool of its own: the LISTEN connection and the worker's must not take the app's pool from requests.
  const pool = new pg.Pool({ connectionString, max: 3 });
  pool.on('error', (error) => logger.error({ err: error }, 'job queue connection failed'));
  pool.on('connect', (client) => client.on('error', (error) => logger.error({ err: error }, 'job queue connection failed')));
  const runner: Runner = await run({
    pgPool: pool,
    schema: QUEUE_SCHEMA,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: options.pollMs,
    logger: graphileLogger(logger),
    taskList: { [SEATWISE_TASK]: task },
    preset: { worker: { gracefulShutdownAbortTimeout: 1_000 } },
  });
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= runner
        .stop()
        .catch((error: unknown) => logger.warn({ err: error }, 'job queue runner stopped with an error'))
        .then(() => pool.end())
        .catch(() => {});
      return stopping;
    },
  };
}
