import { z } from 'zod';
import type { ChangeEmailInput, ConfirmEmailChangeInput, EmailChangeResult, PendingEmailChange } from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import { inTransaction } from '../../../common/transaction.js';
import type { AccountContext, RequestContext } from '../../../context.js';
import { AppError, InvalidInputError, msg } from '../../../errors.js';
import { normaliseEmail } from '../identity.service.js';
import { verifyPassword } from '../password.js';
import { membershipHooks } from '../memberships.port.js';
import { checkPasswordThrottled } from '../rate-limits.js';
import { hashToken, newToken } from '../session.service.js';
import { User } from '../user.entity.js';
import { EmailChange } from './email-change.entity.js';
import { publish } from '../../jobs/event-bus.js';
import '../identity.events.js';

const LINK_HOURS = 24;
const emailSchema = z.email().max(254);

export async function pendingEmailChange(em: EntityManager, userId: string): Promise<PendingEmailChange | null> {
  const change = await em.findOne(
    EmailChange,
    { user: userId, confirmedAt: null, expiresAt: { $gt: new Date() } },
    { orderBy: { createdAt: 'desc' } },
  );
  return change ? { newEmail: change.newEmail, expiresAt: change.expiresAt } : null;
}

/**
 * Records the wish and mails a single-use link to the new address; the old address is told. When
 * the new address already belongs to someone, its owner is told instead of getting a link, and
 * the requester sees the same answer, so addresses cannot be probed this way.
 */
export async function requestEmailChange(ctx: AccountContext, input: ChangeEmailInput): Promise<PendingEmailChange> {
  const newEmail = normaliseEmail(input.newEmail);
  if (!newEmail) throw new InvalidInputError('newEmail', msg('Enter the new email address.'));
  if (!emailSchema.safeParse(newEmail).success) throw new InvalidInputError('newEmail', msg('Enter a valid email address, like name@example.com.'));
  const user = await ctx.em.findOneOrFail(User, ctx.viewer.userId);
  if (newEmail === user.email) throw new InvalidInputError('newEmail', msg('This is already your email address.'));
  if (!input.password) throw new InvalidInputError('password', msg('Enter your current password.'));
  const right = await checkPasswordThrottled(ctx, user.email, 'password', async () =>
    user.passwordHash ? verifyPassword(user.passwordHash, input.password) : false,
  );
  if (!right) {
    throw new InvalidInputError('password', msg('The password is not correct.'));
  }

  const taken = (await ctx.em.count(User, { email: newEmail })) > 0;
  const token = newToken();
  const expiresAt = new Date(Date.now() + LINK_HOURS * 60 * 60 * 1000);
  await inTransaction(ctx, async (tx) => {
    // One pending change at a time: a new request voids the earlier link.
    await tx.em.nativeDelete(EmailChange, { user, confirmedAt: null });
    tx.em.create(EmailChange, { user, newEmail, tokenHash: hashToken(taken ? newToken() : token), expiresAt });
    publish(tx, 'identity.email-change-requested', {
      person: { email: user.email, language: user.language, firstName: user.firstName },
      newEmail,
      link: taken ? null : `${ctx.config.publicUrl}/confirm-email?token=${encodeURIComponent(token)}`,
      hours: LINK_HOURS,
    });
  });
  return { newEmail, expiresAt };
}

export async function cancelEmailChange(ctx: AccountContext): Promise<boolean> {
  await ctx.em.nativeDelete(EmailChange, { user: ctx.viewer.userId, confirmedAt: null });
  return true;
}

/** Opens the link: needs no session (it may be opened on another device), only the token. */
export async function confirmEmailChange(ctx: RequestContext, input: ConfirmEmailChangeInput): Promise<EmailChangeResult> {
  const token = input.token?.trim();
  if (!token) throw new InvalidInputError('token', msg('The link has no token. Open the link from the message again.'));
  const change = await ctx.em.findOne(EmailChange, { tokenHash: hashToken(token) }, { populate: ['user'] });
  if (!change || change.confirmedAt) {
    throw new AppError('LINK_INVALID', msg('This link is not valid or was already used. Ask for a new one in your security settings.'), 'token');
  }
  if (change.expiresAt.getTime() <= Date.now()) {
    throw new AppError('LINK_EXPIRED', msg('This link has expired. Ask for a new one in your security settings.'), 'token');
  }
  const user = change.user;
  if ((await ctx.em.count(User, { email: change.newEmail })) > 0) {
    throw new AppError('EMAIL_TAKEN', msg('This address now signs in to another Seatwise account, so it cannot be used.'), 'token');
  }
  const oldEmail = user.email;
  user.email = change.newEmail;
  change.confirmedAt = new Date();
  // One commit: the address and what the person's accounts see of it.
  await inTransaction(ctx, async (tx) => {
    publish(tx, 'identity.email-changed', { person: { email: user.email, language: user.language, firstName: user.firstName }, oldEmail });
    await tx.em.flush();
    await membershipHooks().shareProfile(tx.em, user);
  });
  return { email: user.email };
}
