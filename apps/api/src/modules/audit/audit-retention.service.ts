import type { EntityManager } from '@mikro-orm/knex';
import { deleteInBatches, RETENTION_BATCH } from '../../common/retention.js';

/** Deletes every account's audit entries recorded before `cutoff` (the retention setting, not a user's action). */
export function deleteAuditEntriesBefore(em: EntityManager, cutoff: Date): Promise<number> {
  return deleteInBatches(
    em,
    `delete from audit_entries where id in (select id from audit_entries where created_at < ? limit ${RETENTION_BATCH})`,
    [em.getPlatform().processDateProperty(cutoff)],
  );
}
