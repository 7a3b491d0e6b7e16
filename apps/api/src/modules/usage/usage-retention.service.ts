import type { EntityManager } from '@mikro-orm/knex';
import { deleteInBatches, RETENTION_BATCH } from '../../common/retention.js';
import { query } from '../../common/sql.js';

/**
 * Deletes raw usage events that arrived before `cutoff`, every account's. Reports read the roll-ups,
 * which stay. The table has no index on the arrival time (ingestion pays for every index), but ids
 * grow with arrival: the first id that arrived on or after the cutoff is found by walking the key
 * from the oldest row, and everything below it goes, a batch at a time along the key.
 */
export async function deleteUsageEventsBefore(em: EntityManager, cutoff: Date): Promise<number> {
  const at = em.getPlatform().processDateProperty(cutoff);
  const [first] = await query<{ id: string | number }>(em, 'select id from usage_events where received_at >= ? order by id limit 1', [at]);
  const [last] = first ? [] : await query<{ id: string | number | null }>(em, 'select max(id) as id from usage_events');
  const below = first ? first.id : last?.id == null ? null : BigInt(last.id) + 1n;
  if (below === null) return 0;
  return deleteInBatches(
    em,
    `delete from usage_events where id in (select id from usage_events where id < ? order by id limit ${RETENTION_BATCH})`,
    [String(below)],
  );
}
