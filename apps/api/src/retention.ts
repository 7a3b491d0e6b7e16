import type { EntityManager } from '@mikro-orm/knex';
import { daysBefore } from './common/retention.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { deleteAuditEntriesBefore } from './modules/audit/audit-retention.service.js';
import { deleteFinishedJobsBefore } from './modules/jobs/job-retention.service.js';
import type { PeriodicTask } from './modules/jobs/job-worker.js';
import { deleteUsageEventsBefore } from './modules/usage/usage-retention.service.js';
import { deleteVendorAuditEntriesBefore } from './modules/vendor/vendor-audit-retention.service.js';

export interface RetentionResult {
  usageEvents: number;
  auditEntries: number;
  vendorAuditEntries: number;
  jobs: number;
  eventDeliveries: number;
}

/**
 * Deletes what the retention settings no longer keep (config.retention; 0 days keeps for good),
 * each table by its owner's function. Idempotent, and safe with other instances running it at once.
 */
export async function applyRetention(em: EntityManager, config: Config, now = config.now()): Promise<RetentionResult> {
  const { usageEventDays, auditDays, jobDays } = config.retention;
  const result: RetentionResult = { usageEvents: 0, auditEntries: 0, vendorAuditEntries: 0, jobs: 0, eventDeliveries: 0 };
  if (usageEventDays) result.usageEvents = await deleteUsageEventsBefore(em, daysBefore(now, usageEventDays));
  if (auditDays) {
    result.auditEntries = await deleteAuditEntriesBefore(em, daysBefore(now, auditDays));
    result.vendorAuditEntries = await deleteVendorAuditEntriesBefore(em, daysBefore(now, auditDays));
  }
  if (jobDays) Object.assign(result, await deleteFinishedJobsBefore(em, daysBefore(now, jobDays)));
  return result;
}

/** The hourly clean-up, a periodic task of the job worker (the instances that run jobs). */
export function retentionTask(config: Config, logger: Logger): PeriodicTask {
  return {
    name: 'retention.clean-up',
    everyMs: 3_600_000,
    async run(em) {
      const result = await applyRetention(em, config);
      if (Object.values(result).some(Boolean)) logger.info(result, 'old rows removed by the retention settings');
      return result;
    },
  };
}
