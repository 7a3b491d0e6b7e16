import { Logger as GraphileLogger, runMigrations } from 'graphile-worker';
import type { Logger } from '../logger.js';

/** graphile-worker's schema: the PostgreSQL job queue's tables and functions (`modules/jobs/pg-queue.ts`). */
export const QUEUE_SCHEMA = 'graphile_worker';

/** graphile-worker's log lines into the app's logger. */
export const graphileLogger = (logger: Logger) =>
  new GraphileLogger(() => (level, message, meta) => {
    const fields = { queue: 'graphile-worker', ...(meta ?? {}) };
    if (level === 'error') logger.error(fields, message);
    else if (level === 'warning') logger.warn(fields, message);
    else logger.debug(fields, message);
  });

/** Creates or upgrades graphile-worker's schema with its own installer (called by `migrate` under the migration lock). */
export async function installQueueSchema(connectionString: string, logger?: Logger): Promise<void> {
  await runMigrations({ connectionString, schema: QUEUE_SCHEMA, ...(logger ? { logger: graphileLogger(logger) } : {}) });
}

/** True when graphile-worker's schema is there (a start with `SEATWISE_MIGRATE=0` checks it). */
export async function queueSchemaInstalled(execute: (sql: string) => Promise<Record<string, unknown>[]>): Promise<boolean> {
  const [row] = await execute(`select to_regproc('${QUEUE_SCHEMA}.add_job') is not null as installed`);
  return Boolean(row?.installed);
}
