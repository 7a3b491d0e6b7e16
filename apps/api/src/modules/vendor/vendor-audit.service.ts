import type { EntityManager } from '@mikro-orm/knex';
import type { VendorAuditEntry, VendorAuditEntryConnection } from '@seatwise/schema';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { query } from '../../common/sql.js';
import { toDate } from '../../common/transaction.js';
import { currentLanguage, type Message } from '../../i18n/messages.js';
import type { AuditMessage } from '../audit/audit-entry.entity.js';
import { summaryColumns, summaryIn } from '../audit/audit.service.js';
import { User } from '../identity/user.entity.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import type { StaffViewer } from '../identity/staff/staff-session.service.js';
import { VendorAuditEntryRow } from './vendor-audit-entry.entity.js';

export interface VendorAuditInput {
  /** The staff member (for a vendor token, the operator who created it); null for the command line. */
  actorId: string | null;
  /** The vendor service token the action came through; null or omitted in the console. */
  tokenName?: string | null;
  action: string;
  customer?: { id: string; name: string } | null;
  summary: string | Message;
  details?: Record<string, unknown> | null;
}

/** Who a vendor audit entry names for the request's vendor principal: `recordVendorAudit(tx.em, { ...staffActor(ctx.staff), … })`. */
export const staffActor = (staff: StaffViewer): Pick<VendorAuditInput, 'actorId' | 'tokenName'> => ({ actorId: staff.userId, tokenName: staff.token?.name ?? null });

/** Adds an entry to the vendor audit log inside the caller's unit of work (flushed with the action). */
export function recordVendorAudit(em: EntityManager, input: VendorAuditInput): VendorAuditEntryRow {
  return em.create(VendorAuditEntryRow, {
    actor: input.actorId ? em.getReference(User, input.actorId) : null,
    tokenName: input.tokenName ?? null,
    action: input.action,
    customerId: input.customer?.id ?? null,
    customerName: input.customer?.name ?? null,
    ...summaryColumns(input.summary),
    details: input.details ?? null,
  });
}

interface Row {
  id: string;
  created_at: string | number | Date;
  actor_email: string | null;
  token_name: string | null;
  action: string;
  customer_id: string | null;
  customer_name: string | null;
  summary: string;
  summary_message: string | AuditMessage | null;
}

/** The vendor audit log, newest first, paged by (time, id). */
export async function listVendorAudit(ctx: StaffContext, first: number | null | undefined, after: string | null | undefined): Promise<VendorAuditEntryConnection> {
  const size = pageSize(first);
  const params: unknown[] = [];
  let where = '';
  if (after) {
    const cursor = decodeCursor(after);
    const at = ctx.em.getPlatform().processDateProperty(new Date(Number(cursor.sortValue)));
    where = 'where (e.created_at < ? or (e.created_at = ? and e.id < ?))';
    params.push(at, at, cursor.id);
  }
  const rows = await query<Row>(
    ctx.em,
    `select e.id, e.created_at, u.email as actor_email, e.token_name, e.action, e.customer_id, e.customer_name, e.summary, e.summary_message
     from vendor_audit_entries e left join users u on u.id = e.actor_id ${where}
     order by e.created_at desc, e.id desc limit ?`,
    [...params, size + 1],
  );
  const [{ total }] = (await query<{ total: number | string }>(ctx.em, 'select count(*) as total from vendor_audit_entries')) as [{ total: number | string }];
  const page = rows.slice(0, size);
  const edges = page.map((row) => {
    const node: VendorAuditEntry = {
      id: row.id,
      at: toDate(row.created_at),
      actorEmail: row.actor_email,
      tokenName: row.token_name,
      action: row.action,
      customerId: row.customer_id,
      customerName: row.customer_name,
      summary: summaryIn(row.summary, row.summary_message, currentLanguage()),
    };
    return { cursor: encodeCursor(node.at.getTime(), row.id), node };
  });
  return {
    edges,
    totalCount: Number(total),
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
