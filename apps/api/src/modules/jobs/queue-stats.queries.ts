import type { EntityManager } from '@mikro-orm/knex';

/** Rows waiting or in hand in one of the queue's tables, and how long the oldest waiting one has waited. */
export interface QueueStats {
  queue: 'jobs' | 'event_deliveries';
  queued: number;
  running: number;
  /** Seconds since the oldest queued row was created; 0 when none waits. */
  oldestQueuedSeconds: number;
}

/** The depth and age of the job queue and the event outbox (for `/metrics`), read without the tenant filter. */
export async function queueStats(em: EntityManager, now = new Date()): Promise<QueueStats[]> {
  const knex = em.getKnex();
  const read = async (queue: QueueStats['queue']): Promise<QueueStats> => {
    const rows = (await knex(queue)
      .select('status')
      .count({ total: '*' })
      .min({ oldest: 'created_at' })
      .whereIn('status', ['QUEUED', 'RUNNING'])
      .groupBy('status')) as { status: string; total: number | string; oldest: Date | string | number | null }[];
    const of = (status: string) => rows.find((row) => row.status === status);
    const oldest = of('QUEUED')?.oldest;
    const since = oldest === undefined || oldest === null ? null : new Date(typeof oldest === 'string' && /^\d+$/.test(oldest) ? Number(oldest) : oldest);
    return {
      queue,
      queued: Number(of('QUEUED')?.total ?? 0),
      running: Number(of('RUNNING')?.total ?? 0),
      oldestQueuedSeconds: since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0,
    };
  };
  return [await read('jobs'), await read('event_deliveries')];
}
