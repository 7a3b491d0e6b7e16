import type { EntityManager } from '@mikro-orm/knex';
import type { ActiveSession } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
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

/** The person's live sessions in every account, the one asking first, then by last use. */
export async function listMySessions(ctx: AccountContext): Promise<ActiveSession[]> {
  const sessions = await ctx.em.find(
    Session,
    { user: ctx.viewer.userId, expiresAt: { $gt: new Date() } },
    { orderBy: { lastSeenAt: 'desc', id: 'asc' } },
  );
  return sessions
    .map((session) => ({
      id: session.id,
      ...describeDevice(session.userAgent),
      ip: session.ip,
      signedInAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      current: session.id === ctx.viewer.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
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
