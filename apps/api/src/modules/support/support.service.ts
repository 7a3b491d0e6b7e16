import {
  type AddSupportMessageInput,
  type OpenSupportRequestInput,
  SupportCategory,
  type SupportMessage as SupportMessageType,
  SupportMessageAuthor,
  type SupportRequest as SupportRequestType,
  type SupportRequestConnection,
  type SupportRequestsFilter,
  SupportRequestStatus,
  type SupportThread,
} from '@seatwise/schema';
import { containsPattern } from '../../common/like.js';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { allOf, fragment, inAccount, query, run, sql, type SqlText } from '../../common/sql.js';
import { inTransaction, toDate } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { AppError, ForbiddenError, InvalidInputError, msg } from '../../errors.js';
import { ADMIN_ROLES } from '../../graphql/permissions.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from '../identity/user.entity.js';
import { SupportMessage } from './support-message.entity.js';
import { type SupportCategory as StoredCategory, SupportRequest } from './support-request.entity.js';

/** A message of a thread, the vendor's reply or the customer's, is at most this long. */
export const MAX_MESSAGE = 5000;
/** A thread shows at most this many messages, the latest ones. */
export const THREAD_MESSAGES = 200;
/** A closed request stays on the home card this long. */
const CLOSED_SHOWN_DAYS = 30;

interface SupportRow {
  id: string;
  subject: string;
  status: SupportRequestStatus;
  category: SupportCategory;
  created_at: string | number | Date;
  last_activity_at: string | number | Date;
  closed_at: string | number | Date | null;
  first_name: string | null;
  last_name: string | null;
  reply_count: number | string;
  last_reply_at: string | number | Date | null;
}

const toSupportRequest = (row: SupportRow): SupportRequestType => ({
  id: row.id,
  subject: row.subject,
  status: row.status,
  category: row.category,
  createdAt: toDate(row.created_at),
  lastActivityAt: toDate(row.last_activity_at),
  openedBy: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ''}`.trim(),
  closedAt: row.closed_at === null ? null : toDate(row.closed_at),
  replyCount: Number(row.reply_count),
  lastReplyAt: row.last_reply_at === null ? null : toDate(row.last_reply_at),
});

/** The columns of a request as the customer sees it, replies counted; `r` is support_requests, `u` its opener. */
const requestColumns = fragment(
  `r.id, r.subject, r.status, r.category, r.created_at, r.last_activity_at, r.closed_at, u.first_name, u.last_name,
   (select count(*) from support_messages m where m.account_id = r.account_id and m.request_id = r.id and m.author = 'VENDOR') as reply_count,
   (select max(m.created_at) from support_messages m where m.account_id = r.account_id and m.request_id = r.id and m.author = 'VENDOR') as last_reply_at`,
);

/** Not closed: waiting for support (open) or for the customer (answered). */
const notClosed = sql`r.status <> ${SupportRequestStatus.CLOSED}`;

/** Requests not closed yet, newest first, and how many there are. */
export async function openSupportRequests(ctx: AccountContext, limit: number): Promise<{ items: SupportRequestType[]; total: number }> {
  const [rows, counts] = await Promise.all([
    query<SupportRow>(
      ctx.em,
      sql`select ${requestColumns} from support_requests r left join users u on u.id = r.opened_by_id
        where ${inAccount(ctx, 'r')} and ${notClosed} order by r.created_at desc limit ${limit}`,
    ),
    query<{ total: number | string }>(ctx.em, sql`select count(*) as total from support_requests r where ${inAccount(ctx, 'r')} and ${notClosed}`),
  ]);
  return { items: rows.map(toSupportRequest), total: Number(counts[0]?.total ?? 0) };
}

/** Requests not closed and those closed lately, latest activity first: the home card, replies included. */
export async function recentSupportRequests(ctx: AccountContext, limit: number): Promise<SupportRequestType[]> {
  const since = new Date(ctx.config.now().getTime() - CLOSED_SHOWN_DAYS * 86_400_000);
  const rows = await query<SupportRow>(
    ctx.em,
    sql`select ${requestColumns} from support_requests r left join users u on u.id = r.opened_by_id
      where ${inAccount(ctx, 'r')} and (${notClosed} or r.closed_at >= ${since})
      order by r.last_activity_at desc, r.id desc limit ${limit}`,
  );
  return rows.map(toSupportRequest);
}

/** Every request of the account (F-10), latest activity first: filter by state, category and words of the subject. */
export async function listSupportRequests(
  ctx: AccountContext,
  args: { first?: number | null; after?: string | null; filter?: SupportRequestsFilter | null },
): Promise<SupportRequestConnection> {
  const size = pageSize(args.first);
  const where: SqlText[] = [inAccount(ctx, 'r')];
  const states = args.filter?.status ?? [];
  if (states.length) where.push(sql`r.status in (${states})`);
  if (args.filter?.category) where.push(sql`r.category = ${args.filter.category}`);
  const search = args.filter?.search?.trim().toLowerCase();
  if (search) where.push(sql`lower(r.subject) like ${containsPattern(search)} escape '\\'`);
  const [{ total }] = (await query<{ total: number | string }>(ctx.em, sql`select count(*) as total from support_requests r where ${allOf(where)}`)) as [{ total: number | string }];
  const page = [...where];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const at = new Date(Number(cursor.sortValue));
    page.push(sql`(r.last_activity_at < ${at} or (r.last_activity_at = ${at} and r.id < ${cursor.id}))`);
  }
  const rows = await query<SupportRow>(
    ctx.em,
    sql`select ${requestColumns} from support_requests r left join users u on u.id = r.opened_by_id
      where ${allOf(page)} order by r.last_activity_at desc, r.id desc limit ${size + 1}`,
  );
  return connectionOf(rows, { limit: size, after: args.after, totalCount: Number(total) }, (row) => encodeCursor(toDate(row.last_activity_at).getTime(), row.id), toSupportRequest);
}

interface MessageRow {
  id: string;
  author: SupportMessageAuthor;
  body: string;
  created_at: string | number | Date;
  first_name: string | null;
  last_name: string | null;
}

const toMessage = (row: MessageRow): SupportMessageType => ({
  id: row.id,
  author: row.author,
  authorName: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ''}`.trim(),
  body: row.body,
  createdAt: toDate(row.created_at),
});

/**
 * The latest messages of a request, oldest first. `accountId` is the request's own account: the
 * customer's from its context, the vendor's from the request row it has just read.
 */
export async function threadMessages(ctx: { em: AccountContext['em'] }, accountId: string, requestId: string): Promise<SupportMessageType[]> {
  const rows = await query<MessageRow>(
    ctx.em,
    sql`select m.id, m.author, m.body, m.created_at, u.first_name, u.last_name from support_messages m left join users u on u.id = m.written_by_id
      where m.account_id = ${accountId} and m.request_id = ${requestId} order by m.created_at desc, m.id desc limit ${THREAD_MESSAGES}`,
  );
  return rows.reverse().map(toMessage);
}

export const supportRequestNotFound = (field = 'id') => new AppError('NOT_FOUND', msg('The support request was not found.'), field);

/** One request of the viewer's account with its thread (F-10): another account's id is not found. */
export async function supportThread(ctx: AccountContext, id: string): Promise<SupportThread> {
  const [row] = await query<SupportRow>(
    ctx.em,
    sql`select ${requestColumns} from support_requests r left join users u on u.id = r.opened_by_id where ${inAccount(ctx, 'r')} and r.id = ${id}`,
  );
  if (!row) throw supportRequestNotFound();
  return { request: toSupportRequest(row), messages: await threadMessages(ctx, ctx.viewer.accountId, id) };
}

/** A message's text as stored: Windows line ends made plain, trimmed; an error names the field when it is empty or too long. */
function messageBody(text: string, field: string, empty: ReturnType<typeof msg>): string {
  const body = text.replace(/\r\n/g, '\n').trim();
  if (!body) throw new InvalidInputError(field, empty);
  if (body.length > MAX_MESSAGE) throw new InvalidInputError(field, msg('The message can be at most {max} characters.', { max: MAX_MESSAGE }));
  return body;
}

/**
 * An admin opens a support request (F-10): the request, its description as the thread's first
 * message, and its audit entry in one transaction.
 */
export async function openSupportRequest(ctx: AccountContext, input: OpenSupportRequestInput): Promise<SupportRequestType> {
  const text = input.subject.trim();
  if (text.length < 3 || text.length > 200) {
    throw new InvalidInputError('input.subject', msg('Describe the request in 3 to 200 characters.'));
  }
  const description = input.description?.trim() ? messageBody(input.description, 'input.description', msg('Write the message.')) : null;
  const category = input.category ?? SupportCategory.OTHER;
  return inTransaction(ctx, async (tx) => {
    const account = tx.em.getReference(Account, ctx.viewer.accountId);
    const openedBy = tx.em.getReference(User, ctx.viewer.userId);
    const request = tx.em.create(SupportRequest, { account, subject: text, category: category as StoredCategory, openedBy, lastActivityAt: ctx.config.now() });
    if (description) {
      tx.em.create(SupportMessage, { account, request, author: SupportMessageAuthor.CUSTOMER, writtenBy: openedBy, body: description, createdAt: ctx.config.now() });
    }
    recordAudit(tx, {
      action: 'support.open',
      targetType: 'support_request',
      targetId: request.id,
      summary: msg('Opened the support request "{subject}"', { subject: text }),
      after: { subject: text, category, status: SupportRequestStatus.OPEN, ...(description ? { length: description.length } : {}) },
    });
    await tx.em.flush();
    const user = await tx.em.findOneOrFail(User, ctx.viewer.userId);
    return {
      id: request.id,
      subject: request.subject,
      status: SupportRequestStatus.OPEN,
      category,
      createdAt: request.createdAt,
      lastActivityAt: request.lastActivityAt,
      openedBy: `${user.firstName} ${user.lastName}`,
      closedAt: null,
      replyCount: 0,
      lastReplyAt: null,
    };
  });
}

/**
 * The customer's message in a request's thread (F-10): by the person who opened it or an admin of
 * the account. It moves the request's activity on, so it comes to the top of the vendor's inbox, and
 * it is support's turn again: an answered or closed request is open. One audit entry, in the same
 * transaction.
 */
export async function addSupportMessage(ctx: AccountContext, input: AddSupportMessageInput): Promise<SupportThread> {
  const body = messageBody(input.body, 'input.body', msg('Write the message.'));
  const [row] = await query<{ id: string; subject: string; status: SupportRequestStatus; opened_by_id: string | null }>(
    ctx.em,
    sql`select r.id, r.subject, r.status, r.opened_by_id from support_requests r where ${inAccount(ctx, 'r')} and r.id = ${input.requestId}`,
  );
  if (!row) throw supportRequestNotFound('input.requestId');
  if (!ADMIN_ROLES.includes(ctx.viewer.role) && row.opened_by_id !== ctx.viewer.userId) {
    throw new ForbiddenError(msg("Only the person who opened this request and the account's admins can write in it."));
  }
  const now = ctx.config.now();
  await inTransaction(ctx, async (tx) => {
    const reopened = await run(
      tx.em,
      sql`update support_requests set status = ${SupportRequestStatus.OPEN}, closed_at = ${null}, last_activity_at = ${now}
        where ${inAccount(tx)} and id = ${row.id} and status = ${SupportRequestStatus.CLOSED}`,
    );
    if (!reopened) {
      await run(tx.em, sql`update support_requests set status = ${SupportRequestStatus.OPEN}, last_activity_at = ${now} where ${inAccount(tx)} and id = ${row.id}`);
    }
    tx.em.create(SupportMessage, {
      account: tx.em.getReference(Account, ctx.viewer.accountId),
      request: tx.em.getReference(SupportRequest, row.id),
      author: SupportMessageAuthor.CUSTOMER,
      writtenBy: tx.em.getReference(User, ctx.viewer.userId),
      body,
      createdAt: now,
    });
    recordAudit(tx, {
      action: reopened ? 'support.message.reopen' : 'support.message',
      targetType: 'support_request',
      targetId: row.id,
      summary: reopened ? msg('Wrote in and reopened the support request "{subject}"', { subject: row.subject }) : msg('Wrote in the support request "{subject}"', { subject: row.subject }),
      after: { length: body.length, ...(reopened ? { status: SupportRequestStatus.OPEN } : {}) },
    });
    await tx.em.flush();
  });
  return supportThread(ctx, row.id);
}
