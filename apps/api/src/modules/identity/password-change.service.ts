import type { ChangePasswordInput, ChangePasswordPayload } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import { inTransaction } from '../../common/transaction.js';
import { hashPassword, verifyPassword } from './password.js';
import { checkNewPassword } from './password-policy.js';
import { checkPasswordThrottled } from './rate-limits.js';
import { publishSecurityAlert } from './security-alerts.js';
import { endSessionsOf } from './sessions.service.js';
import { User } from './user.entity.js';

/**
 * Changes the own password after checking the current one (wrong guesses count towards the
 * account's sign-in limit). Every other session ends; the person is told by a security alert.
 */
export async function changePassword(ctx: AccountContext, input: ChangePasswordInput): Promise<ChangePasswordPayload> {
  const user = await ctx.em.findOneOrFail(User, { id: ctx.viewer.userId });
  if (!input.currentPassword) throw new InvalidInputError('currentPassword', msg('Enter your current password.'));
  const right = await checkPasswordThrottled(ctx, user.email, 'currentPassword', async () =>
    user.passwordHash ? verifyPassword(user.passwordHash, input.currentPassword) : false,
  );
  if (!right) {
    throw new AppError('WRONG_PASSWORD', msg('The current password is not correct.'), 'currentPassword');
  }
  checkNewPassword('newPassword', input.newPassword, user);
  if (input.newPassword === input.currentPassword) {
    throw new InvalidInputError('newPassword', msg('The new password must differ from the current one.'));
  }

  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await inTransaction(ctx, async (tx) => {
    await tx.em.nativeUpdate(User, { id: user.id }, { passwordHash, updatedAt: new Date() });
    publishSecurityAlert(tx, user, 'PASSWORD_CHANGED');
    return endSessionsOf(tx.em, user.id, ctx.viewer.sessionId);
  });
  user.passwordHash = passwordHash;
  return { endedSessions };
}
