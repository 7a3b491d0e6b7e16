import { QueryOrder } from '@mikro-orm/core';
import { CustomerStatus, MembershipStatus, Role } from '@seatwise/schema';
import { AppError, msg } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { forgetPersonInAudit } from '../audit/audit.service.js';
import type { MembershipHooks } from '../identity/memberships.port.js';
import { User } from '../identity/user.entity.js';
import { SeatAssignment } from '../subscriptions/seat-assignment.entity.js';
import { recordSeatsReleasedBySelf } from '../subscriptions/seat-ledger.service.js';
import { Invitation, InvitationStatus } from './invitation.entity.js';
import { acceptInvitationsOfProvenEmail } from './invitations-by-email.js';
import { Membership } from './membership.entity.js';
import { shareProfile } from './profile-sharing.js';
import { summaryColumns } from '../audit/audit.service.js';

const everyAccount = { filters: false } as const;
/** Where a person may work: an active membership of a customer that is neither suspended nor closed. */
const workablePlace = { status: MembershipStatus.ACTIVE, account: { status: CustomerStatus.ACTIVE } } as const;

/** Identity's questions about memberships (identity/memberships.port.ts), answered from this module's tables. */
export const membershipHooks: MembershipHooks = {
  signInPlace: (em, user) =>
    em.findOne(
      Membership,
      // A suspended or closed customer is no place to work in (identity then says why).
      { user, ...workablePlace },
      // The account entered last (a sign-in or a switch stamps it), else the oldest membership.
      { ...everyAccount, orderBy: [{ lastSignInAt: QueryOrder.DESC_NULLS_LAST }, { createdAt: 'asc' }, { id: 'asc' }], populate: ['account'] },
    ),

  placesOf: (em, userId) =>
    em.find(Membership, { user: userId, ...workablePlace }, { ...everyAccount, orderBy: [{ account: { name: 'asc' } }, { id: 'asc' }], populate: ['account'] }),

  placeOf: (em, userId, accountId) => em.findOne(Membership, { user: userId, account: accountId }, { populate: ['user', 'account'] }),

  shareProfile,

  acceptInvitationsOfProvenEmail: (em, user) => acceptInvitationsOfProvenEmail(em, user),

  async checkErasable(em, user) {
    const primary = await em.findOne(
      Membership,
      { user, role: Role.PRIMARY_ADMIN, status: MembershipStatus.ACTIVE },
      { ...everyAccount, populate: ['account'] },
    );
    if (primary) {
      throw new AppError(
        'PRIMARY_ADMIN_HANDOVER_REQUIRED',
        msg('You are the primary admin of {account}: hand the role over to another admin before deleting your account.', { account: primary.account.name }),
      );
    }
  },

  recordBreakGlass(em, user, place) {
    em.create(AuditEntry, {
      account: em.getReference(Account, place.account.id),
      actor: em.getReference(User, user.id),
      action: 'sso.break_glass',
      targetType: 'user',
      targetId: user.id,
      ...summaryColumns(msg('Break-glass sign-in: the primary admin {email} signed in with password and 2-step although single sign-on is required', { email: place.email })),
      after: { method: 'password+2-step' },
    });
  },

  async erase(em, user) {
    const memberships = await em.find(Membership, { user }, everyAccount);
    // A seat needs a membership in its account: naming those accounts keeps the delete on the
    // account-leading (account_id, user_id) index instead of a scan of every account's seats.
    const accounts = memberships.map((membership) => membership.account.id);
    const held = memberships.length
      ? await em.find(SeatAssignment, { user, account: { $in: accounts } }, { ...everyAccount, populate: ['subscription'] })
      : [];
    await recordSeatsReleasedBySelf(
      em,
      user.id,
      held.map((seat) => ({ accountId: seat.account.id, subscriptionId: seat.subscription.id, subscriptionName: seat.subscription.name, seatId: seat.id })),
    );
    const seats = memberships.length ? await em.nativeDelete(SeatAssignment, { user, account: { $in: accounts } }, everyAccount) : 0;
    await em.nativeUpdate(Invitation, { email: user.email, status: InvitationStatus.PENDING }, { status: InvitationStatus.REVOKED }, everyAccount);
    const actor = em.getReference(User, user.id);
    for (const membership of memberships) {
      em.create(AuditEntry, {
        account: em.getReference(Account, membership.account.id),
        actor,
        action: 'user.delete_self',
        targetType: 'user',
        targetId: user.id,
        ...summaryColumns(msg('A person deleted their own sign-in: personal data removed, seats released.')),
        before: { role: membership.role, status: membership.status },
        after: { seatsReleased: seats },
      });
    }
    // Old entries keep what happened, not who: every address and name an account knew them by.
    await forgetPersonInAudit(em, user.id, {
      emails: [user.email, ...memberships.map((membership) => membership.email)],
      names: [`${user.firstName} ${user.lastName}`, ...memberships.map((membership) => `${membership.firstName} ${membership.lastName}`)],
    });
    await em.nativeDelete(Membership, { user }, everyAccount);
  },
};

