import type { DeleteOwnAccountInput } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../../context.js';
import { inTransaction } from '../../../common/transaction.js';
import { InvalidInputError, msg } from '../../../errors.js';
import { membershipHooks } from '../memberships.port.js';
import { verifyPassword } from '../password.js';
import { checkPasswordThrottled } from '../rate-limits.js';
import { clearSessionCookie } from '../session.service.js';
import { Session } from '../session.entity.js';
import { RecoveryCode } from '../two-step/recovery-code.entity.js';
import { SignInChallenge } from '../two-step/sign-in-challenge.entity.js';
import { TwoStepFactor } from '../two-step/two-step-factor.entity.js';
import { User } from '../user.entity.js';
import { publish } from '../../jobs/event-bus.js';
import '../identity.events.js';
import { EmailChange } from './email-change.entity.js';

/**
 * Deletes the signed-in person's own sign-in. The user row stays, anonymised, so audit history and
 * usage reports keep their rows ("Deleted user"); everything personal goes: name, email, phone,
 * company, password, 2-step, sessions, memberships. Seats are released and pending invitations to
 * the address revoked. A primary admin must hand the role over first.
 */
export async function deleteOwnAccount(ctx: AccountContext, input: DeleteOwnAccountInput): Promise<boolean> {
  const user = await ctx.em.findOneOrFail(User, ctx.viewer.userId);
  if (!input.password) throw new InvalidInputError('password', msg('Enter your current password.'));
  const right = await checkPasswordThrottled(ctx, user.email, 'password', async () =>
    user.passwordHash ? verifyPassword(user.passwordHash, input.password) : false,
  );
  if (!right) {
    throw new InvalidInputError('password', msg('The password is not correct.'));
  }
  await membershipHooks().checkErasable(ctx.em, user);

  const farewell = { email: user.email, language: user.language, firstName: user.firstName };
  await inTransaction(ctx, async (tx) => {
    // The farewell goes to the address as it was, after the deletion commits.
    publish(tx, 'identity.account-deleted', { person: farewell });
    await membershipHooks().erase(tx.em, user);
    await tx.em.nativeDelete(Session, { user });
    await tx.em.nativeDelete(SignInChallenge, { user });
    await tx.em.nativeDelete(RecoveryCode, { user });
    await tx.em.nativeDelete(TwoStepFactor, { user });
    await tx.em.nativeDelete(EmailChange, { user });
    await tx.em.nativeUpdate(
      User,
      { id: user.id },
      {
        email: `deleted-${user.id}@deleted.invalid`,
        firstName: 'Deleted',
        lastName: 'user',
        sortName: 'deleted user',
        passwordHash: null,
        phone: null,
        company: null,
        country: null,
        deletedAt: new Date(),
      },
    );
  });
  clearSessionCookie(ctx.res, ctx.config);
  (ctx as RequestContext).viewer = null;
  return true;
}
