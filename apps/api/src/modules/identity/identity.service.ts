import type { Account, Language, SignInInput, SignInPayload, Viewer as ViewerType } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { AppError, InvalidInputError, msg, UnauthenticatedError } from '../../errors.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import { checkPasswordThrottled } from './rate-limits.js';
import { Session } from './session.entity.js';
import { clearSessionCookie, hashToken, readSessionToken } from './session.service.js';
import { openSession, signInMembership } from './sign-in-session.js';
import { checkPasswordSignIn } from './sso-required.js';
import { beginSecondStep, twoStepStatus } from './two-step/two-step.service.js';
import { User } from './user.entity.js';
import { customerRefusal, refusedCustomerStatus } from '../accounts/customer-status.rules.js';
import { accountShown } from '../accounts/account.queries.js';
import { query } from '../../common/sql.js';
import { endStaffSession, staffMemberOf } from './staff/staff-session.service.js';
import { VendorStaffMember } from './staff/vendor-staff.entity.js';

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
    // An inactive membership fails like a wrong password, and counts like one. Vendor staff have
    // no membership; a suspended or closed customer is refused with its reason.
    return (await signInMembership(ctx, user)) ?? (await staffMemberOf(ctx.em, user)) ?? (await refusedCustomerStatus(ctx.em, user.id)) ?? false;
  });
  if (!user || !membership) throw new AppError('INVALID_CREDENTIALS', WRONG_CREDENTIALS);
  if (typeof membership === 'string') throw new AppError('ACCOUNT_SUSPENDED', customerRefusal(membership));
  if (membership instanceof VendorStaffMember) return beginStaffSignIn(ctx, user);

  // 2-step verification: the password alone opens no session (two-step/two-step.service.ts).
  // An account requiring single sign-on lets only its primary admin in this way, with 2-step (break-glass).
  if (membership.account.ssoRequired) checkPasswordSignIn(membership, await hasSecondStep(ctx, user));
  const secondStep = await beginSecondStep(ctx, user);
  if (secondStep) return { viewer: null, secondStep };

  return { viewer: await openSession(ctx, user, membership), secondStep: null };
}

const hasSecondStep = async (ctx: RequestContext, user: User) => (await twoStepStatus(ctx.em, user.id)).enabled;

/**
 * Vendor staff sign in with 2-step verification always: without a factor (it was never set up)
 * the sign-in is refused instead of opening a session on the password alone.
 */
async function beginStaffSignIn(ctx: RequestContext, user: User): Promise<SignInPayload> {
  const secondStep = await beginSecondStep(ctx, user);
  if (!secondStep) {
    throw new AppError('TWO_STEP_REQUIRED', msg('Vendor staff must use 2-step verification, and yours is not set up. Ask an operator for a new set-up link.'));
  }
  return { viewer: null, secondStep, staff: null };
}

/** Ends the current session (idempotent: signing out twice is not an error). */
export async function signOut(ctx: RequestContext): Promise<boolean> {
  const token = readSessionToken(ctx.req);
  if (token) await ctx.em.nativeDelete(Session, { tokenHash: hashToken(token) });
  clearSessionCookie(ctx.res, ctx.config);
  await endStaffSession(ctx);
  ctx.viewer = null;
  return true;
}

/**
 * The signed-in person: their id and role come with the session (looked up for the request), the
 * rest is read when a field asks for it (`viewer.resolver.ts`, `viewerProfile`, `viewerAccount`).
 */
export function currentViewer(ctx: RequestContext): Promise<ViewerType | null> {
  if (!ctx.viewer) return Promise.resolve(null);
  return Promise.resolve({ id: ctx.viewer.userId, role: ctx.viewer.role } as ViewerType);
}

interface ViewerProfile {
  email: string;
  firstName: string;
  lastName: string;
  language: Language;
}

const profiles = new WeakMap<RequestContext, Promise<ViewerProfile>>();
const accounts = new WeakMap<RequestContext, Promise<Account>>();

/** The viewer's own name, email and language: one small statement per request, no entity (no password hash) loaded. */
export function viewerProfile(ctx: RequestContext): Promise<ViewerProfile> {
  let profile = profiles.get(ctx);
  if (!profile) {
    profile = (async () => {
      if (!ctx.viewer) throw new UnauthenticatedError();
      const [row] = await query<{ email: string; first_name: string; last_name: string; language: Language }>(
        ctx.em,
        'select email, first_name, last_name, language from users where id = ?',
        [ctx.viewer.userId],
      );
      if (!row) throw new UnauthenticatedError();
      return { email: row.email, firstName: row.first_name, lastName: row.last_name, language: row.language };
    })();
    profiles.set(ctx, profile);
  }
  return profile;
}

/** The account the viewer works in, read once per request. */
export function viewerAccount(ctx: RequestContext): Promise<Account> {
  let account = accounts.get(ctx);
  if (!account) {
    account = (async () => {
      if (!ctx.viewer) throw new UnauthenticatedError();
      const shown = await accountShown(ctx.em, ctx.viewer.accountId);
      if (!shown) throw new UnauthenticatedError();
      return shown;
    })();
    accounts.set(ctx, account);
  }
  return account;
}

export function requireAccount(ctx: RequestContext): asserts ctx is AccountContext {
  if (!ctx.viewer) throw new UnauthenticatedError();
}
