import { MembershipStatus } from '@seatwise/schema';
import { inAccount, sql } from '../../common/sql.js';
import { run } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { Membership } from './membership.entity.js';
import { EditConflictError } from './users.errors.js';

/** The person's current (active or invited) membership in the viewer's account, with user and team. */
export async function currentMembership(tx: AccountContext, userId: string, field = 'userId'): Promise<Membership> {
  const membership = await tx.em.findOne(
    Membership,
    { user: userId, status: { $in: [MembershipStatus.ACTIVE, MembershipStatus.INVITED] } },
    { populate: ['user', 'team'] },
  );
  if (!membership) throw new NotFoundError('User', field);
  return membership;
}

/**
 * Raises the membership's version if it is still the one the admin saw. The conditional UPDATE is
 * the check: of two admins saving the same version, the second one's UPDATE matches no row (on
 * PostgreSQL it waits for the first and then re-reads), so nobody's change is silently lost.
 */
export async function claimVersion(tx: AccountContext, membership: Membership, expected: number): Promise<void> {
  const touched = await run(tx, sql`update memberships set version = version + 1 where id = ${membership.id} and ${inAccount(tx)} and version = ${expected}`);
  if (touched !== 1) throw new EditConflictError();
  membership.version = expected + 1;
}
