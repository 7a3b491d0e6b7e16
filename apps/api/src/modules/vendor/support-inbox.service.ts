import {
  type InboxSupportRequest,
  type InboxSupportRequestConnection,
  type InboxSupportThread,
  type Language,
  type ReplyToSupportRequestInput,
  type SupportInboxFilter,
  type SupportInboxOrder,
  SortDirection,
  type SupportCategory,
  SupportMessageAuthor,
  SupportRequestStatus,
} from '@seatwise/schema';
import { containsPattern } from '../../common/like.js';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { allOf, fragment, query, run, sql, type SqlText } from '../../common/sql.js';
import { inTransaction, toDate } from '../../common/transaction.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';
import { publish } from '../jobs/event-bus.js';
import { SupportMessage } from '../support/support-message.entity.js';
import { SupportRequest } from '../support/support-request.entity.js';
import { MAX_MESSAGE, supportRequestNotFound, threadMessages } from '../support/support.service.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** Support replied to a request; mailed to the admin who opened it. */
    'support.replied': { to: string; language: Language; firstName: string; subject: string; reply: string; closed: boolean; link: string };
  }
}

interface InboxRow {
  id: string;
  subject: string;
  status: SupportRequestStatus;
  category: SupportCategory;
  created_at: string | number | Date;
  last_activity_at: string | number | Date;
  closed_at: string | number | Date | null;
  account_id: string;
  customer_name: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  language: Language | null;
  message_count: number | string;
}

const inboxColumns = fragment(
  `r.id, r.subject, r.status, r.category, r.created_at, r.last_activity_at, r.closed_at, r.account_id, a.name as customer_name,
   u.first_name, u.last_name, u.email, u.language,
   (select count(*) from support_messages m where m.account_id = r.account_id and m.request_id = r.id) as message_count`,
);
const inboxFrom = fragment('support_requests r join accounts a on a.id = r.account_id left join users u on u.id = r.opened_by_id');

const toInboxRequest = (row: InboxRow): InboxSupportRequest => ({
  id: row.id,
  subject: row.subject,
  status: row.status,
  category: row.category,
  createdAt: toDate(row.created_at),
  lastActivityAt: toDate(row.last_activity_at),
  closedAt: row.closed_at === null ? null : toDate(row.closed_at),
  customerId: row.account_id,
  customerName: row.customer_name,
  openedBy: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ''}`.trim(),
  openedByEmail: row.email,
  messageCount: Number(row.message_count),
});

/** The support requests of every customer (V-06): filter by status and customer, search, newest or oldest activity first. */
export async function listSupportInbox(
  ctx: StaffContext,
  args: { first?: number | null; after?: string | null; filter?: SupportInboxFilter | null; orderBy?: SupportInboxOrder | null },
): Promise<InboxSupportRequestConnection> {
  const size = pageSize(args.first);
  const oldest = args.orderBy?.direction === SortDirection.ASC;
  const where: SqlText[] = [];
  if (args.filter?.status) where.push(sql`r.status = ${args.filter.status}`);
  if (args.filter?.category) where.push(sql`r.category = ${args.filter.category}`);
  if (args.filter?.customerId) where.push(sql`r.account_id = ${args.filter.customerId}`);
  const search = args.filter?.search?.trim().toLowerCase();
  if (search) {
    const pattern = containsPattern(search);
    where.push(sql`(lower(r.subject) like ${pattern} escape '\\' or lower(a.name) like ${pattern} escape '\\' or lower(u.email) like ${pattern} escape '\\')`);
  }
  const [{ total }] = (await query<{ total: number | string }>(ctx.em, sql`select count(*) as total from ${inboxFrom} where ${allOf(where)}`)) as [{ total: number | string }];
  const page = [...where];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const at = new Date(Number(cursor.sortValue));
    page.push(
      oldest
        ? sql`(r.last_activity_at > ${at} or (r.last_activity_at = ${at} and r.id > ${cursor.id}))`
        : sql`(r.last_activity_at < ${at} or (r.last_activity_at = ${at} and r.id < ${cursor.id}))`,
    );
  }
  const direction = fragment(oldest ? 'asc' : 'desc');
  const rows = await query<InboxRow>(
    ctx.em,
    sql`select ${inboxColumns} from ${inboxFrom} where ${allOf(page)} order by r.last_activity_at ${direction}, r.id ${direction} limit ${size + 1}`,
  );
  return connectionOf(rows, { limit: size, after: args.after, totalCount: Number(total) }, (row) => encodeCursor(toDate(row.last_activity_at).getTime(), row.id), toInboxRequest);
}

async function inboxRow(ctx: StaffContext, id: string, field: string): Promise<InboxRow> {
  const [row] = await query<InboxRow>(ctx.em, sql`select ${inboxColumns} from ${inboxFrom} where r.id = ${id}`);
  if (!row) throw supportRequestNotFound(field);
  return row;
}

/** One request of any customer with its thread. */
export async function inboxThread(ctx: StaffContext, id: string): Promise<InboxSupportThread> {
  const row = await inboxRow(ctx, id, 'id');
  return { request: toInboxRequest(row), messages: await threadMessages(ctx, row.account_id, id) };
}

const requestClosed = () =>
  new AppError('SUPPORT_REQUEST_CLOSED', msg('The support request is closed: reopen it before replying.'), 'input.requestId');

/**
 * Support's reply (Operator and Support): one message in the thread, the request answered (the
 * customer's turn) or closed when asked, its activity moved on, a vendor audit entry, and one mail
 * to its opener after commit.
 */
export async function replyToSupportRequest(ctx: StaffContext, input: ReplyToSupportRequestInput): Promise<InboxSupportThread> {
  const body = input.body.replace(/\r\n/g, '\n').trim();
  if (!body) throw new InvalidInputError('input.body', msg('Write the reply.'));
  if (body.length > MAX_MESSAGE) throw new InvalidInputError('input.body', msg('The reply can be at most {max} characters.', { max: MAX_MESSAGE }));
  const row = await inboxRow(ctx, input.requestId, 'input.requestId');
  if (row.status === SupportRequestStatus.CLOSED) throw requestClosed();
  const now = ctx.config.now();
  const close = Boolean(input.close);
  await inTransaction(ctx, async (tx) => {
    // The update is the check: a request closed since it was read is not answered.
    const changed = await run(
      tx.em,
      close
        ? sql`update support_requests set last_activity_at = ${now}, status = ${SupportRequestStatus.CLOSED}, closed_at = ${now} where id = ${row.id} and status <> ${SupportRequestStatus.CLOSED}`
        : sql`update support_requests set last_activity_at = ${now}, status = ${SupportRequestStatus.ANSWERED} where id = ${row.id} and status <> ${SupportRequestStatus.CLOSED}`,
    );
    if (!changed) throw requestClosed();
    tx.em.create(SupportMessage, {
      account: tx.em.getReference(Account, row.account_id),
      request: tx.em.getReference(SupportRequest, row.id),
      author: SupportMessageAuthor.VENDOR,
      writtenBy: tx.em.getReference(User, ctx.staff.userId),
      body,
      createdAt: now,
    });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: close ? 'support.reply-and-close' : 'support.reply',
      customer: { id: row.account_id, name: row.customer_name },
      summary: `${close ? 'Replied to and closed' : 'Replied to'} the support request "${row.subject}"`,
      details: { requestId: row.id, length: body.length },
    });
    await tx.em.flush();
    if (row.email && row.language && row.first_name !== null) {
      publish(
        tx,
        'support.replied',
        {
          to: row.email,
          language: row.language,
          firstName: row.first_name,
          subject: row.subject,
          reply: body,
          closed: close,
          link: `${tx.config.publicUrl}/support/${row.id}`,
        },
        row.account_id,
      );
    }
  });
  return inboxThread(ctx, row.id);
}

/**
 * Closes or reopens a request; a vendor audit entry either way. Doing what is already done changes
 * nothing: closing a closed request, or reopening one that is not closed (open or answered).
 */
export async function setSupportRequestStatus(ctx: StaffContext, id: string, status: Exclude<SupportRequestStatus, 'ANSWERED'>): Promise<InboxSupportThread> {
  const row = await inboxRow(ctx, id, 'id');
  if ((row.status === SupportRequestStatus.CLOSED) !== (status === SupportRequestStatus.CLOSED)) {
    const now = ctx.config.now();
    await inTransaction(ctx, async (tx) => {
      const changed = await run(
        tx.em,
        sql`update support_requests set status = ${status}, closed_at = ${status === SupportRequestStatus.CLOSED ? now : null}, last_activity_at = ${now}
          where id = ${id} and status = ${row.status}`,
      );
      if (!changed) return;
      recordVendorAudit(tx.em, {
        ...staffActor(ctx.staff),
        action: status === SupportRequestStatus.CLOSED ? 'support.close' : 'support.reopen',
        customer: { id: row.account_id, name: row.customer_name },
        summary: `${status === SupportRequestStatus.CLOSED ? 'Closed' : 'Reopened'} the support request "${row.subject}"`,
        details: { requestId: id },
      });
      await tx.em.flush();
    });
  }
  return inboxThread(ctx, id);
}
