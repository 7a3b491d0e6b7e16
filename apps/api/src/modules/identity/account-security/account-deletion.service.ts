import { MembershipStatus, Role, type DeleteOwnAccountInput } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../../context.js';
import { AppError, InvalidInputError, msg } from '../../../errors.js';
import { inTransaction } from '../../../common/transaction.js';
import { Account } from '../../accounts/account.entity.js';
import { AuditEntry } from '../../audit/audit-entry.entity.js';
import { SeatAssignment } from '../../seats/seat-assignment.entity.js';
import { Invitation, InvitationStatus } from '../../users/invitation.entity.js';
import { Membership } from '../../users/membership.entity.js';
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
  const memberships = await ctx.em.find(Membership, { user }, { filters: false, populate: ['account'] });
  const primary = memberships.find((m) => m.role === Role.PRIMARY_ADMIN && m.status === MembershipStatus.ACTIVE);
  if (primary) {
    throw new AppError(
      'PRIMARY_ADMIN_HANDOVER_REQUIRED',
      msg('You are the primary admin of {account}. Hand the role over to another admin before deleting your account.', { account: primary.account.name }),
    );
  }

  const farewell = { email: user.email, language: user.language, firstName: user.firstName };
  await inTransaction(ctx, async (tx) => {
    // The farewell goes to the address as it was, after the deletion commits.
    publish(tx, 'identity.account-deleted', { person: farewell });
    const filters = { filters: false } as const;
    const seats = await tx.em.nativeDelete(SeatAssignment, { user }, filters);
    await tx.em.nativeUpdate(
      Invitation,
      { email: user.email, status: InvitationStatus.PENDING },
      { status: InvitationStatus.REVOKED },
      filters,
    );
    const actor = tx.em.getReference(User, user.id);
    for (const membership of memberships) {
      tx.em.create(AuditEntry, {
        account: tx.em.getReference(Account, membership.account.id),
        actor,
        action: 'user.delete_self',
        targetType: 'user',
        targetId: user.id,
        summary: 'A person deleted their own sign-in: personal data removed, seats released.',
        before: { role: membership.role, status: membership.status },
        after: { seatsReleased: seats },
      });
    }
    await tx.em.nativeDelete(Membership, { user }, filters);
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
