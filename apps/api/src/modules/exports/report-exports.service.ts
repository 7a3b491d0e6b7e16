import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ExportFrequency,
  ExportRangeKind,
  MembershipStatus,
  type PageArgs,
  type ReportExport,
  type ReportExportConnection,
  type ReportExportInput,
  type ReportExportRun,
  type ReportExportRunConnection,
  type ReportExportRunLink,
  ScheduledRunStatus,
} from '@seatwise/schema';
import { entityConnection } from '../../common/keyset.js';
import { pageSize } from '../../common/pagination.js';
import { afterCommit, inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, InvalidInputsError, type Message, msg, NotFoundError } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { signDownloadGrant } from '../downloads/download-link.js';
import { User } from '../identity/user.entity.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { Membership } from '../users/membership.entity.js';
import { nextSlot } from './export-schedule.js';
import { runRange } from './export-schedule.js';
import { ReportExportRunRow } from './report-export-run.entity.js';
import { ReportExportRow, type StoredExportFilter } from './report-export.entity.js';

/** The job that writes one run's file (`export-runs.ts`). */
export const RUN_REPORT_EXPORT = 'exports.run';
/** Attempts of a run before it is failed for good and reported (the queue's doubling backoff between them). */
export const EXPORT_ATTEMPTS = 3;
/** How long the link an admin opens from the runs list works. */
export const ADMIN_LINK_MINUTES = 15;
/** How long the link in a run's mail works. */
export const MAIL_LINK_DAYS = 7;
export const MAX_RECIPIENTS = 20;
export const DEFAULT_RETENTION_DAYS = 90;
const MAX_RETENTION_DAYS = 3650;

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
const intIn = (value: number | null | undefined, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** The account's time zone, which every schedule follows. */
async function timeZoneOf(ctx: AccountContext): Promise<string> {
  return (await ctx.em.findOneOrFail(Account, { id: ctx.viewer.accountId }, { fields: ['timeZone'] })).timeZone;
}

/** Checks a scheduled export's input, every field at once; answers it as it will be stored. */
async function checkInput(ctx: AccountContext, input: ReportExportInput) {
  const errors: { field: string; message: Message }[] = [];
  const fail = (field: string, message: Message) => errors.push({ field, message });
  const name = input.name.trim();
  if (!name || name.length > 100) fail('name', msg('Give the export a name of 1 to 100 characters.'));
  const weekly = input.frequency === ExportFrequency.WEEKLY;
  const monthly = input.frequency === ExportFrequency.MONTHLY;
  if (weekly && !intIn(input.weekday, 1, 7)) fail('weekday', msg('Choose the weekday, 1 (Monday) to 7 (Sunday).'));
  if (monthly && !intIn(input.dayOfMonth, 1, 28)) fail('dayOfMonth', msg('Choose a day of the month from 1 to 28, which every month has.'));
  const hour = input.hour ?? 6;
  if (!intIn(hour, 0, 23)) fail('hour', msg('Choose an hour from 0 to 23.'));
  const rolling = input.rangeKind === ExportRangeKind.ROLLING_DAYS;
  if (rolling && !intIn(input.rangeDays, 1, 366)) fail('rangeDays', msg('A rolling range covers 1 to 366 days.'));
  const f = input.filter ?? {};
  const search = f.search?.trim() || null;
  if (search && search.length > 100) fail('filter.search', msg('Search text can be at most {max} characters.', { max: 100 }));
  if (f.idleForAtLeast !== null && f.idleForAtLeast !== undefined && !intIn(f.idleForAtLeast, 1, 731)) fail('filter.idleForAtLeast', msg('Give a number of days from 1 to 731.'));
  const recipientIds = [...new Set(input.recipientIds)];
  if (recipientIds.length < 1 || recipientIds.length > MAX_RECIPIENTS) fail('recipientIds', msg('Choose 1 to {max} recipients.', { max: MAX_RECIPIENTS }));
  else {
    const members = await ctx.em.find(Membership, { user: { $in: recipientIds.filter(isUuid) }, status: MembershipStatus.ACTIVE }, { fields: ['user'] });
    if (members.length !== recipientIds.length) fail('recipientIds', msg('Every recipient must be an active member of this account.'));
  }
  if (errors.length) throw new InvalidInputsError(errors);
  const filter: StoredExportFilter = { productId: f.productId ?? null, teamId: f.teamId ?? null, search, idleForAtLeast: f.idleForAtLeast ?? null };
  return {
    name,
    kind: input.kind,
    format: input.format,
    filter,
    frequency: input.frequency,
    weekday: weekly ? input.weekday! : null,
    dayOfMonth: monthly ? input.dayOfMonth! : null,
    hour,
    rangeKind: input.rangeKind,
    rangeDays: rolling ? input.rangeDays! : null,
    recipientIds,
  };
}

async function toExports(ctx: AccountContext, rows: ReportExportRow[]): Promise<ReportExport[]> {
  const ids = [...new Set(rows.flatMap((row) => row.recipientIds))];
  const members = ids.length ? await ctx.em.find(Membership, { user: { $in: ids } }) : [];
  const byId = new Map(members.map((member) => [member.user.id, member]));
  const timeZone = await timeZoneOf(ctx);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    format: row.format,
    filter: row.filter,
    frequency: row.frequency,
    weekday: row.weekday,
    dayOfMonth: row.dayOfMonth,
    hour: row.hour,
    timeZone,
    rangeKind: row.rangeKind,
    rangeDays: row.rangeDays,
    recipients: row.recipientIds.flatMap((id) => {
      const member = byId.get(id);
      return member ? [{ id, name: `${member.firstName} ${member.lastName}`.trim(), email: member.email }] : [];
    }),
    nextRunAt: row.nextRunAt,
    lastRunAt: row.lastRunAt,
    createdAt: row.createdAt,
  }));
}

export const toRun = (row: ReportExportRunRow): ReportExportRun => ({
  id: row.id,
  exportId: row.export.id,
  slotAt: row.slotAt,
  status: row.status,
  attempts: row.attempts,
  finishedAt: row.finishedAt,
  error: row.error,
  rangeFrom: row.rangeFrom,
  rangeTo: row.rangeTo,
  fileName: row.fileName,
  rowCount: row.rowCount,
  sizeBytes: row.sizeBytes,
  expiresAt: row.expiresAt,
});

async function requireExport(ctx: AccountContext, id: string): Promise<ReportExportRow> {
  const row = await ctx.em.findOne(ReportExportRow, { id });
  if (!row) throw new NotFoundError('Scheduled export', 'id');
  return row;
}

export async function listReportExports(ctx: AccountContext, page: PageArgs): Promise<ReportExportConnection> {
  return entityConnection(ctx.em, ReportExportRow, {}, { path: ['createdAt'], direction: 'desc', date: true }, page, (rows) => toExports(ctx, rows));
}

export async function getReportExport(ctx: AccountContext, id: string): Promise<ReportExport> {
  return (await toExports(ctx, [await requireExport(ctx, id)]))[0]!;
}

/** Saves a scheduled export; its first run is its first slot after now. */
export async function createReportExport(ctx: AccountContext, input: ReportExportInput): Promise<ReportExport> {
  const fields = await checkInput(ctx, input);
  const timeZone = await timeZoneOf(ctx);
  const row = await inTransaction(ctx, async (tx) => {
    const created = tx.em.create(ReportExportRow, {
      ...fields,
      account: tx.em.getReference(Account, ctx.viewer.accountId),
      createdBy: tx.em.getReference(User, ctx.viewer.userId),
      nextRunAt: nextSlot(fields, timeZone, ctx.config.now()),
    });
    recordAudit(tx, { action: 'report-export.create', targetType: 'ReportExport', targetId: created.id, summary: msg('Scheduled the export {name}', { name: fields.name }), after: { ...fields } });
    await tx.em.flush();
    return created;
  });
  return getReportExport(ctx, row.id);
}

/** Changes a scheduled export; its next run follows the new schedule. */
export async function updateReportExport(ctx: AccountContext, id: string, input: ReportExportInput): Promise<ReportExport> {
  const fields = await checkInput(ctx, input);
  const timeZone = await timeZoneOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOne(ReportExportRow, { id });
    if (!row) throw new NotFoundError('Scheduled export', 'id');
    const before = { name: row.name, kind: row.kind, format: row.format, frequency: row.frequency };
    tx.em.assign(row, { ...fields, nextRunAt: nextSlot(fields, timeZone, ctx.config.now()) });
    recordAudit(tx, { action: 'report-export.update', targetType: 'ReportExport', targetId: id, summary: msg('Changed the scheduled export {name}', { name: fields.name }), before, after: { ...fields } });
    await tx.em.flush();
  });
  return getReportExport(ctx, id);
}

/** Deletes a scheduled export with its runs and their files; answers it as it was. */
export async function deleteReportExport(ctx: AccountContext, id: string): Promise<ReportExport> {
  const [shown] = await toExports(ctx, [await requireExport(ctx, id)]);
  await inTransaction(ctx, async (tx) => {
    const runs = await tx.em.find(ReportExportRunRow, { export: id }, { fields: ['storageKey'] });
    await tx.em.nativeDelete(ReportExportRunRow, { export: id });
    const deleted = await tx.em.nativeDelete(ReportExportRow, { id });
    if (deleted !== 1) throw new NotFoundError('Scheduled export', 'id');
    recordAudit(tx, { action: 'report-export.delete', targetType: 'ReportExport', targetId: id, summary: msg('Deleted the scheduled export {name}', { name: shown!.name }) });
    // The files go once the rows are gone for good; a failure to delete one leaves an orphan, not a broken row.
    afterCommit(tx, () => void removeFiles(ctx.config.dataDir, runs.map((run) => run.storageKey)));
  });
  return shown!;
}

export async function removeFiles(dataDir: string, keys: (string | null)[]): Promise<void> {
  await Promise.all(keys.filter((key): key is string => Boolean(key)).map((key) => rm(join(dataDir, key), { force: true })));
}

/** The runs of a scheduled export, the latest first. */
export async function reportExportRuns(ctx: AccountContext, exportId: string, page: PageArgs): Promise<ReportExportRunConnection> {
  // The page size is checked before the export is looked up, as for every connection.
  pageSize(page.first);
  await requireExport(ctx, exportId);
  return entityConnection(ctx.em, ReportExportRunRow, { export: exportId }, { path: ['createdAt'], direction: 'desc', date: true }, page, (rows) => rows.map(toRun));
}

/** The path of a run's signed link for one person: `/api/report-exports/<token>/<file name>`. */
export function runLinkFor(config: AccountContext['config'], run: { id: string; fileName: string }, userId: string, accountId: string, expiresAt: Date): string {
  const token = signDownloadGrant(config, { kind: 'e', id: run.id, userId, accountId, exp: Math.floor(expiresAt.getTime() / 1000) });
  return `/api/report-exports/${token}/${encodeURIComponent(run.fileName)}`;
}

/** A short-lived signed link to a run's file for the admin asking. */
export async function createReportExportRunLink(ctx: AccountContext, runId: string): Promise<ReportExportRunLink> {
  const run = await ctx.em.findOne(ReportExportRunRow, { id: runId });
  if (!run) throw new NotFoundError('Export run', 'runId');
  if (run.status !== ScheduledRunStatus.SUCCEEDED || !run.fileName) throw new InvalidInputError('runId', msg('This run has no file: it has not finished, or it failed.'));
  const expiresAt = new Date(Date.now() + ADMIN_LINK_MINUTES * 60_000);
  return { url: runLinkFor(ctx.config, { id: run.id, fileName: run.fileName }, ctx.viewer.userId, ctx.viewer.accountId, expiresAt), expiresAt };
}

/** Queues a run of the export for now, besides its schedule ("Run now"). */
export async function runReportExportNow(ctx: AccountContext, id: string): Promise<ReportExportRun> {
  const timeZone = await timeZoneOf(ctx);
  const slot = new Date(Math.floor(ctx.config.now().getTime() / 1000) * 1000);
  const run = await inTransaction(ctx, async (tx) => {
    const row = await tx.em.findOne(ReportExportRow, { id });
    if (!row) throw new NotFoundError('Scheduled export', 'id');
    const created = queueRun(tx.em, row, slot, timeZone);
    recordAudit(tx, { action: 'report-export.run', targetType: 'ReportExport', targetId: id, summary: msg('Ran the scheduled export {name} now', { name: row.name }) });
    await tx.em.flush();
    return created;
  });
  return toRun(run);
}

/** Writes a run of `row` (read from any unit of work) for `slot` and its job, in the caller's unit of work. */
export function queueRun(em: AccountContext['em'], row: ReportExportRow, slot: Date, timeZone: string): ReportExportRunRow {
  const range = runRange(row, slot, timeZone);
  const run = em.create(ReportExportRunRow, {
    account: em.getReference(Account, row.account.id),
    export: em.getReference(ReportExportRow, row.id),
    slotAt: slot,
    rangeFrom: range.from,
    rangeTo: range.to,
  });
  const job = enqueueJob(em, row.account.id, RUN_REPORT_EXPORT, { runId: run.id });
  job.maxAttempts = EXPORT_ATTEMPTS;
  return run;
}

export async function exportRetention(ctx: AccountContext): Promise<{ days: number | null }> {
  const account = await ctx.em.findOneOrFail(Account, { id: ctx.viewer.accountId }, { fields: ['exportRetentionDays'] });
  return { days: account.exportRetentionDays };
}

/**
 * How long runs are kept: 1 to 3650 days, or null for good. Runs kept now are given their new
 * expiry (counted from when each ran), so a shorter setting removes old ones at the next clean-up.
 */
export async function setExportRetention(ctx: AccountContext, days: number | null): Promise<{ days: number | null }> {
  if (days !== null && !intIn(days, 1, MAX_RETENTION_DAYS)) throw new InvalidInputError('days', msg('Keep runs for 1 to {max} days, or for good.', { max: MAX_RETENTION_DAYS }));
  await inTransaction(ctx, async (tx) => {
    const account = await tx.em.findOneOrFail(Account, { id: ctx.viewer.accountId });
    const before = account.exportRetentionDays;
    account.exportRetentionDays = days;
    const runs = await tx.em.find(ReportExportRunRow, { status: ScheduledRunStatus.SUCCEEDED }, { fields: ['createdAt', 'expiresAt'] });
    for (const run of runs) run.expiresAt = expiryOf(run.createdAt, days);
    recordAudit(tx, { action: 'report-export.retention', targetType: 'Account', targetId: account.id, summary: msg('Changed how long scheduled exports are kept'), before: { days: before }, after: { days } });
    await tx.em.flush();
  });
  return { days };
}

export const expiryOf = (ranAt: Date, days: number | null): Date | null => (days === null ? null : new Date(ranAt.getTime() + days * 86_400_000));
