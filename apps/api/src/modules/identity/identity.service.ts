import { MembershipStatus, type SignInInput, type SignInPayload, type Viewer as ViewerType } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { AppError, InvalidInputError, msg, UnauthenticatedError } from '../../errors.js';
import { type Account } from '../accounts/account.entity.js';
import { Membership } from '../users/membership.entity.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import { checkPasswordThrottled } from './rate-limits.js';
import { publishSecurityAlert } from './security-alerts.js';
import { isNewDevice } from './sessions.service.js';
import { Session } from './session.entity.js';
import {
  clearSessionCookie,
  hashToken,
  newToken,
  readSessionToken,
  writeSessionCookie,
} from './session.service.js';
import { beginSecondStep } from './two-step/two-step.service.js';
import { User } from './user.entity.js';

const WRONG_CREDENTIALS = msg('The email address or password is not correct.');

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks email and password and opens a session in the person's account. Every failure, whether
 * the email is unknown, the password wrong or the membership inactive, gets the same answer after
 * the same amount of hashing work. With 2-step verification on, the answer asks for the second
 * step instead of opening a session.
 */
export async function signIn(ctx: RequestContext, input: SignInInput): Promise<SignInPayload> {
  const email = normaliseEmail(input.email);
  if (!email) throw new InvalidInputError('email', msg('Enter your email address.'));
  if (!input.password) throw new InvalidInputError('password', msg('Enter your password.'));

  const user = await ctx.em.findOne(User, { email });
  // A right password clears the account's failures; the second step has its own limit.
  const membership = await checkPasswordThrottled(ctx, email, 'email', async () => {
    const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
    if (!user?.passwordHash || !passwordOk) return false;
    // An inactive membership fails like a wrong password, and counts like one.
    return (await signInMembership(ctx, user)) ?? false;
  });
  if (!user || !membership) throw new AppError('INVALID_CREDENTIALS', WRONG_CREDENTIALS);

  // 2-step verification: the password alone opens no session (two-step/two-step.service.ts).
  const secondStep = await beginSecondStep(ctx, user);
  if (secondStep) return { viewer: null, secondStep };

  return { viewer: await openSession(ctx, user, membership), secondStep: null };
}

/** The account to work in: the oldest active membership (account switching comes with several). */
export function signInMembership(ctx: RequestContext, user: User): Promise<Membership | null> {
  return ctx.em.findOne(
    Membership,
    { user, status: MembershipStatus.ACTIVE },
    { filters: false, orderBy: { createdAt: 'asc' }, populate: ['account'] },
  );
}

/**
 * Opens a session for a person who passed every sign-in step and sets its cookie; a sign-in from
 * a browser with no live session of theirs gets a security alert.
 */
export async function openSession(ctx: RequestContext, user: User, membership: Membership): Promise<ViewerType> {
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

/** Ends the current session (idempotent: signing out twice is not an error). */
export async function signOut(ctx: RequestContext): Promise<boolean> {
  const token = readSessionToken(ctx.req);
  if (token) await ctx.em.nativeDelete(Session, { tokenHash: hashToken(token) });
  clearSessionCookie(ctx.res, ctx.config);
  ctx.viewer = null;
  return true;
}

export async function currentViewer(ctx: RequestContext): Promise<ViewerType | null> {
  if (!ctx.viewer) return null;
  const { userId, accountId } = ctx.viewer;
  const membership = await ctx.em.findOne(
    Membership,
    { user: userId, account: accountId },
    { populate: ['user', 'account'] },
  );
  if (!membership) throw new UnauthenticatedError();
  return toViewer(membership.user, membership.account, membership);
}

export function requireAccount(ctx: RequestContext): asserts ctx is AccountContext {
  if (!ctx.viewer) throw new UnauthenticatedError();
}

function toViewer(user: User, account: Account, membership: Membership): ViewerType {
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
