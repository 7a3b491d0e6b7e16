import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { Language, MembershipStatus, Role, ScheduledRunStatus } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext, Services } from '../../context.js';
import { msg, render } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { recordAudit } from '../audit/audit.service.js';
import { publish } from '../jobs/event-bus.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { Membership } from '../users/membership.entity.js';
import { latestSlot, nextSlot } from './export-schedule.js';
import { ReportExportRunRow } from './report-export-run.entity.js';
import { ReportExportRow } from './report-export.entity.js';
import { EXPORT_ATTEMPTS, expiryOf, queueRun, removeFiles } from './report-exports.service.js';
import { reportTable } from './report-sources.js';
import { type TableFormat, writeTable } from './table-writer.js';

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** A run's file is ready: each recipient gets a signed link to it. */
    'exports.run-ready': { runId: string; accountId: string };
    /** A run failed for good: the admin who saved the export is told why. */
    'exports.run-failed': { runId: string; accountId: string };
  }
}

const untenanted = { filters: false } as const;
const DUE_BATCH = 100;

/**
 * The minute look for scheduled exports whose slot has come (a schedule of the job worker). Each
 * export due is claimed by a conditional update that moves `nextRunAt` from the slot it read to
 * the first slot after now, in the same transaction as its run and job: of several instances only
 * one writes the run, and an export whose slots passed while every instance was down runs once, for
 * the latest of them (`latestSlot`), not once per missed slot. Answers how many runs it queued.
 */
export async function queueDueExports(em: EntityManager, events: Services['events'], now: Date): Promise<number> {
  const due = await em.find(ReportExportRow, { nextRunAt: { $lte: now } }, { ...untenanted, orderBy: { nextRunAt: 'asc' }, limit: DUE_BATCH, populate: ['account'] });
  let queued = 0;
  for (const row of due) {
    const timeZone = row.account.timeZone;
    const won = await inTransaction({ em: em.fork() as EntityManager, events }, async (tx) => {
      const claimed = await tx.em.nativeUpdate(
        ReportExportRow,
        { id: row.id, nextRunAt: row.nextRunAt },
        { nextRunAt: nextSlot(row, timeZone, now), lastRunAt: latestSlot(row, timeZone, row.nextRunAt, now) },
        untenanted,
      );
      if (claimed !== 1) return false;
      queueRun(tx.em, row, latestSlot(row, timeZone, row.nextRunAt, now), timeZone);
      await tx.em.flush();
      return true;
    });
    if (won) queued += 1;
  }
  return queued;
}

const extensions: Record<string, TableFormat> = { CSV: 'csv', XLSX: 'xlsx', JSON: 'json' };

/** Who a run reads the report as: the admin who saved the export while still an admin, else the account's primary admin. */
async function actingAdmin(em: EntityManager, row: ReportExportRow): Promise<Membership | null> {
  const admins = await em.find(
    Membership,
    { account: row.account.id, status: MembershipStatus.ACTIVE, role: { $in: [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN] } },
    { ...untenanted, populate: ['user'] },
  );
  return admins.find((member) => member.user.id === row.createdBy?.id) ?? admins.find((member) => member.role === Role.PRIMARY_ADMIN) ?? null;
}

/** A context for a run: the acting admin in the export's account, with no request behind it. */
function runContext(services: Services, em: EntityManager, admin: Membership, logger: Logger): AccountContext {
  const absent = new Proxy({}, { get: () => { throw new Error('a scheduled export has no HTTP request'); } });
  em.setFilterParams('tenant', { accountId: admin.account.id });
  return {
    ...services,
    em,
    viewer: { userId: admin.user.id, accountId: admin.account.id, role: admin.role, sessionId: null, token: null },
    staff: null,
    req: absent as AccountContext['req'],
    res: absent as AccountContext['res'],
    log: logger,
  } as unknown as AccountContext;
}

/**
 * The job of one run: writes the report's file (streamed to a `.part` file, renamed when complete)
 * under `report-exports/<account>/` of the data folder, then in one transaction marks the run done
 * with its size and expiry, records the export in the audit log and publishes the recipients' mail.
 * A failed attempt is recorded on the run (RETRYING, its error) and thrown, so the queue tries again
 * after its backoff; the last one marks it FAILED and reports it.
 */
export function reportExportRunner(services: Services, logger: Logger): JobHandler {
  return async (job, tools) => {
    const em = tools.em;
    const runId = String(job.payload.runId);
    const run = await em.findOne(ReportExportRunRow, { id: runId }, { ...untenanted, populate: ['export', 'export.account', 'export.createdBy'] });
    // The export was deleted (with its runs) after this job was queued: nothing to do.
    if (!run) return async () => undefined;
    const row = run.export;
    const account = row.account;
    await em.nativeUpdate(ReportExportRunRow, { id: runId }, { status: ScheduledRunStatus.RUNNING, attempts: job.attempt }, untenanted);
    const format = extensions[row.format]!;
    const key = `report-exports/${account.id}/${run.id}.${format}`;
    const path = join(services.config.dataDir, key);
    try {
      const admin = await actingAdmin(em, row);
      if (!admin) throw new Error(render(msg('The account has no active admin to run the export as.'), Language.EN));
      const ctx = runContext(services, em.fork() as EntityManager, admin, logger);
      const table = reportTable(ctx, row.kind, row.filter, { from: run.rangeFrom, to: run.rangeTo }, account.timeZone);
      await mkdir(dirname(path), { recursive: true });
      const out = createWriteStream(`${path}.part`);
      const rows = await writeTable(out, table, format, admin.user.language as Language);
      if (!out.writableFinished) await new Promise<void>((resolve, reject) => out.once('finish', () => resolve()).once('error', reject));
      await rename(`${path}.part`, path);
      const { size } = await stat(path);
      const fileName = `${table.fileBase}-${run.rangeTo}.${format}`;
      return async (tx) => {
        const finishedAt = new Date();
        await tx.nativeUpdate(
          ReportExportRunRow,
          { id: runId },
          { status: ScheduledRunStatus.SUCCEEDED, finishedAt, error: null, fileName, storageKey: key, rowCount: rows, sizeBytes: size, expiresAt: expiryOf(finishedAt, account.exportRetentionDays) },
          untenanted,
        );
        await tx.nativeUpdate(ReportExportRow, { id: row.id }, { coveredThrough: run.rangeTo }, untenanted);
        const actx = { ...ctx, em: tx };
        recordAudit(actx, { action: 'report.export', targetType: 'report', targetId: row.kind, summary: msg('Exported {file} ({count} rows)', { file: fileName, count: rows }), after: { file: fileName, rows, scheduled: row.id } });
        publish({ em: tx, events: services.events }, 'exports.run-ready', { runId, accountId: account.id }, account.id);
        await tx.flush();
      };
    } catch (error) {
      await rm(`${path}.part`, { force: true }).catch(() => undefined);
      const final = job.attempt >= EXPORT_ATTEMPTS;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await inTransaction({ em: em.fork() as EntityManager, events: services.events }, async (tx) => {
        await tx.em.nativeUpdate(
          ReportExportRunRow,
          { id: runId },
          { status: final ? ScheduledRunStatus.FAILED : ScheduledRunStatus.RETRYING, error: reason, finishedAt: final ? new Date() : null },
          untenanted,
        );
        if (final) publish(tx, 'exports.run-failed', { runId, accountId: account.id }, account.id);
      });
      throw error;
    }
  };
}

/**
 * Deletes the runs past their account's retention (`expiresAt`), files first, in batches; the
 * hourly clean-up. Safe with other instances at it too (a file already gone is no error).
 */
export async function pruneExpiredRuns(em: EntityManager, dataDir: string, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const runs = await em.find(ReportExportRunRow, { expiresAt: { $lt: now } }, { ...untenanted, fields: ['id', 'storageKey'], limit: 500 });
    if (!runs.length) return total;
    await removeFiles(dataDir, runs.map((run) => run.storageKey));
    total += await em.nativeDelete(ReportExportRunRow, { id: { $in: runs.map((run) => run.id) } }, untenanted);
    em.clear();
  }
}

/** The account a run belongs to, and its export's name, for the mails. */
export async function runForMail(em: EntityManager, runId: string) {
  return em.findOne(ReportExportRunRow, { id: runId }, { ...untenanted, populate: ['export', 'export.account'] });
}

