import type { EntityManager } from '@mikro-orm/knex';
import { MembershipStatus } from '@seatwise/schema';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import type { User } from '../identity/user.entity.js';
import { Invitation, InvitationStatus } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { msg } from '../../i18n/messages.js';
import { summaryColumns } from '../audit/audit.service.js';

/**
 * An invited person who sets their first password through an emailed reset link has proved the
 * address just as the invitation link would: their pending, unexpired invitations are accepted, in
 * the caller's transaction, so they can sign in straight away (F-02: the same flow sets the first
 * password of an invited user). Each account records the acceptance in its audit log.
 */
export async function acceptInvitationsOfProvenEmail(em: EntityManager, user: User, now = new Date()): Promise<number> {
  const open = await em.find(
    Invitation,
    { email: user.email, status: InvitationStatus.PENDING, expiresAt: { $gt: now } },
    { filters: false, populate: ['account'] },
  );
  for (const invitation of open) {
    const membership = await em.findOne(
      Membership,
      { user, account: invitation.account, status: MembershipStatus.INVITED },
      { filters: false },
    );
    if (!membership) continue;
    invitation.status = InvitationStatus.ACCEPTED;
    invitation.acceptedAt = now;
    membership.status = MembershipStatus.ACTIVE;
    membership.version += 1;
    membership.accepted(user);
    em.create(AuditEntry, {
      account: invitation.account,
      actor: user,
      action: 'invitation.accept',
      targetType: 'user',
      targetId: user.id,
      ...summaryColumns(msg('{email} set a first password through a reset link and joined the account', { email: user.email })),
      before: { status: MembershipStatus.INVITED },
      after: { status: MembershipStatus.ACTIVE },
    });
  }
  await em.flush();
  return open.length;
}
