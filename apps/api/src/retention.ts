import type { EntityManager } from '@mikro-orm/knex';
import { daysBefore } from './common/retention.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { deleteAuditEntriesBefore } from './modules/audit/audit-retention.service.js';
import { deleteFinishedJobsBefore } from './modules/jobs/job-retention.service.js';
import { pruneExpiredRuns } from './modules/exports/export-runs.js';
import { deleteScheduleRunsBefore } from './modules/jobs/schedule-runs.queries.js';
import type { Schedule } from './modules/jobs/schedules.js';
import { deleteUsageEventsBefore } from './modules/usage/usage-retention.service.js';
import { deleteVendorAuditEntriesBefore } from './modules/vendor/vendor-audit-retention.service.js';
import { deleteFinishedWebhookDeliveriesBefore } from './modules/webhooks/webhook-retention.service.js';

export interface RetentionResult {
  usageEvents: number;
  auditEntries: number;
  vendorAuditEntries: number;
  jobs: number;
  eventDeliveries: number;
  webhookDeliveries: number;
  /** Firings of the cron schedules (`job_schedule_runs`), kept as long as finished jobs. */
  scheduleRuns: number;
  /** Runs of scheduled exports past their account's retention, with their files (always: each account sets its own). */
  reportExportRuns: number;
}

/**
 * Deletes what the retention settings no longer keep (config.retention; 0 days keeps for good),
 * each table by its owner's function. Idempotent, and safe with other instances running it at once.
 */
export async function applyRetention(em: EntityManager, config: Config, now = config.now()): Promise<RetentionResult> {
  const { usageEventDays, auditDays, jobDays } = config.retention;
  const result: RetentionResult = { usageEvents: 0, auditEntries: 0, vendorAuditEntries: 0, jobs: 0, eventDeliveries: 0, webhookDeliveries: 0, scheduleRuns: 0, reportExportRuns: 0 };
  result.reportExportRuns = await pruneExpiredRuns(em, config.dataDir, now);
  if (usageEventDays) result.usageEvents = await deleteUsageEventsBefore(em, daysBefore(now, usageEventDays));
  if (auditDays) {
    result.auditEntries = await deleteAuditEntriesBefore(em, daysBefore(now, auditDays));
    result.vendorAuditEntries = await deleteVendorAuditEntriesBefore(em, daysBefore(now, auditDays));
  }
  if (jobDays) {
    Object.assign(result, await deleteFinishedJobsBefore(em, daysBefore(now, jobDays)));
    result.webhookDeliveries = await deleteFinishedWebhookDeliveriesBefore(em, daysBefore(now, jobDays));
    result.scheduleRuns = await deleteScheduleRunsBefore(em, now, jobDays);
  }
  return result;
}

/** The hourly clean-up, a schedule of the job worker (once per hour across the instances that run jobs). */
export function retentionTask(config: Config, logger: Logger): Schedule {
  return {
    name: 'retention.clean-up',
    cron: '31 * * * *',
    async run(em, now) {
      const result = await applyRetention(em, config, now);
      if (Object.values(result).some(Boolean)) logger.info(result, 'old rows removed by the retention settings');
      return result;
    },
  };
}
