import type { PasswordResetLink, RequestPasswordResetInput, ResetPasswordInput } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import { inTransaction } from '../../common/transaction.js';
import { normaliseEmail } from './identity.service.js';
import { membershipHooks } from './memberships.port.js';
import { hashPassword } from './password.js';
import { checkNewPassword } from './password-policy.js';
import { publish } from '../jobs/event-bus.js';
import './identity.events.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { allowResetRequest } from './rate-limits.js';
import { publishSecurityAlert } from './security-alerts.js';
import { endSessionsOf } from './sessions.service.js';
import { hashToken, newToken } from './session.service.js';
import { User } from './user.entity.js';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const invalidLink = () =>
  new AppError(
    'INVALID_RESET_LINK',
    msg('This link does not work: it was already used, has expired, or a newer one was sent. Ask for a new link.'),
    'token',
  );

/**
 * Sends a single-use reset link when the email belongs to someone; the answer is the same either
 * way: the message is published in the transaction and sent after commit by the event bus, so
 * the response time does not tell either.
 * An invited person without a password gets the same link to set their first one.
 */
export async function requestPasswordReset(ctx: RequestContext, input: RequestPasswordResetInput): Promise<boolean> {
  const email = normaliseEmail(input.email);
  if (!email) throw new InvalidInputError('email', msg('Enter your email address.'));
  if (email.length > 254 || !EMAIL_SHAPE.test(email)) {
    throw new InvalidInputError('email', msg('Enter an email address such as name@example.com.'));
  }
  if (!(await allowResetRequest(ctx, email))) return true;

  const user = await ctx.em.findOne(User, { email });
  if (!user) return true;

  const token = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.resetLinkMinutes * 60_000);
  await inTransaction(ctx, async (tx) => {
    // Only the newest link works: asking again removes the earlier ones, used or not.
    await tx.em.nativeDelete(PasswordResetToken, { user });
    tx.em.create(PasswordResetToken, { tokenHash: hashToken(token), user, expiresAt });
    publish(tx, 'identity.password-reset-requested', {
      person: { email: user.email, language: user.language, firstName: user.firstName },
      link: `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
      minutes: ctx.config.resetLinkMinutes,
      firstPassword: !user.passwordHash,
    });
  });
  return true;
}

async function findUsableToken(ctx: RequestContext, token: string): Promise<PasswordResetToken> {
  if (!token) throw invalidLink();
  const found = await ctx.em.findOne(PasswordResetToken, { tokenHash: hashToken(token) }, { populate: ['user'] });
  if (!found || found.usedAt || found.expiresAt.getTime() <= Date.now()) throw invalidLink();
  return found;
}

/** What a link is for, so the page can greet an invited person differently; fails like a reset would. */
export async function describeResetLink(ctx: RequestContext, token: string): Promise<PasswordResetLink> {
  const found = await findUsableToken(ctx, token);
  return { email: found.user.email, firstPassword: !found.user.passwordHash, expiresAt: found.expiresAt };
}

/**
 * Sets the password through a link: the link is spent, and every session of the person ends
 * except the one making the request (if it is theirs).
 */
export async function resetPassword(ctx: RequestContext, input: ResetPasswordInput): Promise<boolean> {
  const found = await findUsableToken(ctx, input.token);
  const user = found.user;
  checkNewPassword('newPassword', input.newPassword, user);
  const passwordHash = await hashPassword(input.newPassword);
  const hadPassword = Boolean(user.passwordHash);

  await inTransaction(ctx, async (tx) => {
    // Spend the link only if it is still unspent, so two tabs cannot both use it.
    const spent = await tx.em.nativeUpdate(PasswordResetToken, { id: found.id, usedAt: null }, { usedAt: new Date() });
    if (spent !== 1) throw invalidLink();
    await tx.em.nativeUpdate(User, { id: user.id }, { passwordHash, updatedAt: new Date() });
    const keep = ctx.viewer?.userId === user.id ? ctx.viewer.sessionId : undefined;
    await endSessionsOf(tx.em, user.id, keep);
    if (!hadPassword) await membershipHooks().acceptInvitationsOfProvenEmail(tx.em, user);
    if (hadPassword) publishSecurityAlert(tx, user, 'PASSWORD_CHANGED');
  });
  user.passwordHash = passwordHash;
  return true;
}
