import type { EntityManager } from '@mikro-orm/knex';
import { deleteInBatches, RETENTION_BATCH } from '../../common/retention.js';

/** Deletes the vendor's audit entries recorded before `cutoff` (oldest first, along its created_at index). */
export function deleteVendorAuditEntriesBefore(em: EntityManager, cutoff: Date): Promise<number> {
  return deleteInBatches(
    em,
    `delete from vendor_audit_entries where id in (select id from vendor_audit_entries where created_at < ? order by created_at limit ${RETENTION_BATCH})`,
    [em.getPlatform().processDateProperty(cutoff)],
  );
}
