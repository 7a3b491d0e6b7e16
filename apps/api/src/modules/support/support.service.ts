import { type SupportRequest as SupportRequestType, SupportRequestStatus } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';
import { SupportRequest } from './support-request.entity.js';

interface SupportRow {
  id: string;
  subject: string;
  status: SupportRequestStatus;
  created_at: string | number | Date;
  first_name: string | null;
  last_name: string | null;
}

const toSupportRequest = (row: SupportRow): SupportRequestType => ({
  id: row.id,
  subject: row.subject,
  status: row.status,
  createdAt: new Date(row.created_at),
  openedBy: row.first_name === null ? null : `${row.first_name} ${row.last_name ?? ''}`.trim(),
});

/** Open support requests, newest first, and how many there are. */
export async function openSupportRequests(ctx: AccountContext, limit: number): Promise<{ items: SupportRequestType[]; total: number }> {
  const knex = ctx.em.getKnex();
  const base = () => knex('support_requests as r').where('r.account_id', ctx.viewer.accountId).andWhere('r.status', SupportRequestStatus.OPEN);
  const [rows, counts] = await Promise.all([
    base()
      .leftJoin('users as u', 'u.id', 'r.opened_by_id')
      .orderBy('r.created_at', 'desc')
      .limit(limit)
      .select('r.id', 'r.subject', 'r.status', 'r.created_at', 'u.first_name', 'u.last_name') as Promise<SupportRow[]>,
    base().count({ total: '*' }) as Promise<{ total: number | string }[]>,
  ]);
  return { items: rows.map(toSupportRequest), total: Number(counts[0]?.total ?? 0) };
}

/** An admin opens a support request (F-10). */
export async function openSupportRequest(ctx: AccountContext, subject: string): Promise<SupportRequestType> {
  const text = subject.trim();
  if (text.length < 3 || text.length > 200) {
    throw new InvalidInputError('input.subject', msg('Describe the request in 3 to 200 characters.'));
  }
  const request = ctx.em.create(SupportRequest, {
    account: ctx.em.getReference(Account, ctx.viewer.accountId),
    subject: text,
    openedBy: ctx.em.getReference(User, ctx.viewer.userId),
  });
  await ctx.em.flush();
  const user = await ctx.em.findOneOrFail(User, ctx.viewer.userId);
  return {
    id: request.id,
    subject: request.subject,
    status: SupportRequestStatus.OPEN,
    createdAt: request.createdAt,
    openedBy: `${user.firstName} ${user.lastName}`,
  };
}
