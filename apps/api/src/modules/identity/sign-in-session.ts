import type { Viewer as ViewerType } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import type { Account } from '../accounts/account.entity.js';
import { type AccountPlace, membershipHooks } from './memberships.port.js';
import { publishSecurityAlert } from './security-alerts.js';
import { isNewDevice } from './sessions.service.js';
import { Session } from './session.entity.js';
import { hashToken, newToken, writeSessionCookie } from './session.service.js';
import type { User } from './user.entity.js';

/** The account to work in: the oldest active membership (account switching comes with several). */
export function signInMembership(ctx: RequestContext, user: User): Promise<AccountPlace | null> {
  return membershipHooks().signInPlace(ctx.em, user);
}

/**
 * Opens a session for a person who passed every sign-in step and sets its cookie; a sign-in from
 * a browser with no live session of theirs gets a security alert.
 */
export async function openSession(ctx: RequestContext, user: User, membership: AccountPlace): Promise<ViewerType> {
  const newDevice = await isNewDevice(ctx, user);
  const token = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 24 * 60 * 60 * 1000);
  const session = ctx.em.create(Session, {
    tokenHash: hashToken(token),
    user,
    account: membership.account,
    expiresAt,
    ip: ctx.req.ip ?? null,
    userAgent: ctx.req.headers['user-agent']?.slice(0, 400) ?? null,
  });
  user.lastSignInAt = new Date();
  membership.lastSignInAt = user.lastSignInAt;
  // The alert is written with the session, in the same flush, and sent after it commits.
  if (newDevice) publishSecurityAlert(ctx, user, 'NEW_SIGN_IN');
  await ctx.em.flush();
  if (newDevice) ctx.events.wake();
  writeSessionCookie(ctx.res, ctx.config, token, expiresAt);

  ctx.viewer = {
    userId: user.id,
    accountId: membership.account.id,
    role: membership.role,
    sessionId: session.id,
    token: null,
  };
  ctx.em.setFilterParams('tenant', { accountId: membership.account.id });
  return toViewer(user, membership.account, membership);
}

export function toViewer(user: User, account: Account, membership: AccountPlace): ViewerType {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    language: user.language,
    role: membership.role,
    account: { id: account.id, name: account.name, timeZone: account.timeZone },
  };
}
