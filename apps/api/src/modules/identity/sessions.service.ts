import type { EntityManager, FilterQuery } from '@mikro-orm/knex';
import type { ActiveSessionConnection } from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext, RequestContext } from '../../context.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { describeDevice } from './device.js';
import { Session } from './session.entity.js';
import { StaffSession } from './staff/staff-session.entity.js';
import { clearSessionCookie } from './session.service.js';
import type { User } from './user.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when no live session of the person runs in this browser (same User-Agent): a sign-in
 * worth a NEW_SIGN_IN alert. Expired sessions are removed on the way. The person's first sign-in
 * ever is not news to them.
 */
export async function isNewDevice(ctx: RequestContext, user: User): Promise<boolean> {
  await ctx.em.nativeDelete(Session, { user, expiresAt: { $lte: new Date() } });
  if (!user.lastSignInAt) return false;
  const userAgent = ctx.req.headers['user-agent']?.slice(0, 400) ?? null;
  return (await ctx.em.count(Session, { user, userAgent })) === 0;
}

/** Ends every session of a person, but `keepSessionId` if given; returns how many ended. */
export async function endSessionsOf(em: EntityManager, userId: string, keepSessionId?: string | null): Promise<number> {
  const ended = await em.nativeDelete(Session, keepSessionId ? { user: userId, id: { $ne: keepSessionId } } : { user: userId });
  // A member of the vendor's staff has Vendor console sessions instead; a new password ends those too.
  return ended + (await em.nativeDelete(StaffSession, { user: userId }));
}

const AFTER_CURRENT = encodeCursor('9999-12-31T23:59:59.999Z', 'ffffffff-ffff-ffff-ffff-ffffffffffff');

/**
 * A page of the person's live sessions in every account: the one asking first (on the first page),
 * then the latest signed in (keyset on sign-in time and id, which do not change while paging).
 */
export async function listMySessions(ctx: AccountContext, args: { first?: number | null; after?: string | null }): Promise<ActiveSessionConnection> {
  const limit = pageSize(args.first);
  const now = new Date();
  const live: FilterQuery<Session> = { user: ctx.viewer.userId, expiresAt: { $gt: now } };
  const current = ctx.viewer.sessionId && !args.after ? await ctx.em.findOne(Session, { ...live, id: ctx.viewer.sessionId }) : null;
  const conditions: FilterQuery<Session>[] = [live];
  if (ctx.viewer.sessionId) conditions.push({ id: { $ne: ctx.viewer.sessionId } });
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const createdAt = new Date(cursor.sortValue);
    if (Number.isNaN(createdAt.getTime())) throw new InvalidInputError('after', msg('after is not a cursor of this list.'));
    conditions.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: cursor.id } }] });
  }
  const wanted = current ? limit : limit + 1;
  const [others, totalCount] = await Promise.all([
    ctx.em.find(Session, { $and: conditions }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: wanted }),
    ctx.em.count(Session, live),
  ]);
  const rows = current ? [current, ...others] : others;
  return connectionOf(
    rows,
    { limit, after: args.after, totalCount },
    // The current session leads the first page whatever its age: after it, the list starts over.
    (session) => (session === current ? AFTER_CURRENT : encodeCursor(session.createdAt.toISOString(), session.id)),
    (session) => ({
      id: session.id,
      ...describeDevice(session.userAgent),
      ip: session.ip,
      signedInAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      current: session.id === ctx.viewer.sessionId,
    }),
  );
}

/** Ends one of the person's own sessions; ending the current one signs this browser out. */
export async function endSession(ctx: AccountContext, id: string): Promise<boolean> {
  // Not a session id at all (PostgreSQL would refuse to compare it with a uuid column).
  if (!UUID.test(id)) throw new NotFoundError('Session', 'id');
  const ended = await ctx.em.nativeDelete(Session, { id, user: ctx.viewer.userId });
  if (!ended) throw new NotFoundError('Session', 'id');
  if (id === ctx.viewer.sessionId) {
    clearSessionCookie(ctx.res, ctx.config);
  }
  return true;
}

/** Ends every session of the person, this one too; returns how many ended. */
export async function signOutEverywhere(ctx: AccountContext): Promise<number> {
  const ended = await endSessionsOf(ctx.em, ctx.viewer.userId);
  clearSessionCookie(ctx.res, ctx.config);
  return ended;
}

/**
 * Ends every other session of the person in this account's portal (the Vendor console's are
 * left alone), keeping the one asking; returns how many ended.
 */
export async function endOtherSessions(ctx: AccountContext): Promise<number> {
  const keep = ctx.viewer.sessionId;
  return inTransaction(ctx, (tx) =>
    tx.em.nativeDelete(Session, keep ? { user: ctx.viewer.userId, id: { $ne: keep } } : { user: ctx.viewer.userId }),
  );
}
