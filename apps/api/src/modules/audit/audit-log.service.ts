import type { Knex } from '@mikro-orm/knex';
import type { AuditEntry, AuditEntryConnection, AuditFilter } from '@seatwise/schema';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { query as select } from '../../common/sql.js';
import { dbDate, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { auditCsv } from './audit-csv.js';
import { currentLanguage } from '../../i18n/messages.js';
import type { AuditMessage } from './audit-entry.entity.js';
import { DIRECTORY_ACTOR, recordExport, SSO_ACTOR, summaryIn } from './audit.service.js';

/** The most entries one CSV export holds; the cost limit prices `auditLogCsv` by this many rows. */
export const MAX_AUDIT_EXPORT = 50_000;

interface EntryRow {
  id: string;
  created_at: string | number | Date;
  actor_id: string | null;
  actor_first: string | null;
  actor_last: string | null;
  actor_email: string | null;
  actor_kind: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: string;
  summary_message: string | AuditMessage | null;
  before: unknown;
  after: unknown;
}

const json = (value: unknown): Record<string, unknown> | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown>);

function toEntry(row: EntryRow): AuditEntry {
  return {
    id: row.id,
    createdAt: toDate(row.created_at),
    actorId: row.actor_id,
    actorName: row.actor_email ? `${row.actor_first} ${row.actor_last} <${row.actor_email}>` : null,
    byDirectory: row.actor_kind === DIRECTORY_ACTOR,
    bySingleSignOn: row.actor_kind === SSO_ACTOR,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    // In the reader's language (the request's), where the entry kept its message.
    summary: summaryIn(row.summary, row.summary_message, currentLanguage()),
    before: json(row.before),
    after: json(row.after),
  };
}

function query(ctx: AccountContext, filter: AuditFilter | null | undefined): Knex.QueryBuilder {
  const knex = ctx.em.getKnex();
  const builder = knex('audit_entries as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    // The actor as this account sees them; only one who deleted their sign-in has no membership
    // left, and their user row is anonymised.
    .leftJoin('memberships as m', function () {
      this.on('m.account_id', 'e.account_id').andOn('m.user_id', 'e.actor_id');
    })
    .where('e.account_id', ctx.viewer.accountId);
  if (filter?.actions?.length) builder.whereIn('e.action', filter.actions);
  if (filter?.actorId) builder.where('e.actor_id', filter.actorId);
  if (filter?.targetId) builder.where('e.target_id', filter.targetId);
  if (filter?.from && filter?.to && filter.from > filter.to) throw new InvalidInputError('filter.to', msg('The end of the period is before its start.'));
  if (filter?.from) builder.where('e.created_at', '>=', dbDate(ctx, filter.from) as Date);
  if (filter?.to) builder.where('e.created_at', '<', dbDate(ctx, filter.to) as Date);
  return builder;
}

const columns = (ctx: AccountContext) => {
  const knex = ctx.em.getKnex();
  return [
    'e.id', 'e.created_at', 'e.actor_id', 'e.actor_kind',
    knex.raw('coalesce(m.first_name, u.first_name) as actor_first'),
    knex.raw('coalesce(m.last_name, u.last_name) as actor_last'),
    knex.raw('coalesce(m.email, u.email) as actor_email'),
    'e.action', 'e.target_type', 'e.target_id', 'e.summary', 'e.summary_message', 'e.before', 'e.after',
  ];
};

/** F-63: the audit log, newest first, in keyset pages. */
export async function listAuditEntries(ctx: AccountContext, args: { first?: number | null; after?: string | null; filter?: AuditFilter | null }): Promise<AuditEntryConnection> {
  const limit = pageSize(args.first);
  const page = query(ctx, args.filter).select(...columns(ctx));
  if (args.after) {
    const cursor = decodeCursor(args.after);
    page.whereRaw('(e.created_at, e.id) < (?, ?)', [cursor.sortValue, cursor.id]);
  }
  page.orderBy([{ column: 'e.created_at', order: 'desc' }, { column: 'e.id', order: 'desc' }]).limit(limit + 1);
  const count = query(ctx, args.filter).count({ total: '*' });
  const [rows, totals] = await Promise.all([select<EntryRow>(ctx.em, page), select<{ total: number | string }>(ctx.em, count)]);
  const edges = rows.slice(0, limit).map((row) => ({
    cursor: encodeCursor(row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at, row.id),
    node: toEntry(row),
  }));
  return {
    edges,
    totalCount: Number(totals[0]?.total ?? 0),
    pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: Boolean(args.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/**
 * The filtered log as CSV (newest first, up to 50,000 entries), for the "Export" button. Like every
 * report export it leaves a `report.export` entry, committed before the file is returned.
 */
export async function exportAuditEntries(ctx: AccountContext, filter: AuditFilter | null | undefined): Promise<string> {
  const records = await auditEntriesForExport(ctx, filter);
  await recordExport(ctx, 'audit-log', 'audit-log.csv', records.length);
  return auditCsv(records);
}

/** The filtered log for a file, newest first, up to 50,000 entries (the CSV button and scheduled exports). */
export async function auditEntriesForExport(ctx: AccountContext, filter: AuditFilter | null | undefined): Promise<AuditEntry[]> {
  const rows = await select<EntryRow>(
    ctx.em,
    query(ctx, filter).select(...columns(ctx)).orderBy([{ column: 'e.created_at', order: 'desc' }, { column: 'e.id', order: 'desc' }]).limit(MAX_AUDIT_EXPORT),
  );
  return rows.map(toEntry);
}
