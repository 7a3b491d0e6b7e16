import type { EntityManager } from '@mikro-orm/knex';
import { MembershipStatus } from '@seatwise/schema';
import type { User } from '../identity/user.entity.js';
import { Membership, profileOf } from './membership.entity.js';

/**
 * The person changed their names or email: every account they are an active member of sees the
 * change, in the caller's transaction. An account they have not accepted keeps what it typed, and
 * one that removed them what it saw last.
 */
export async function shareProfile(em: EntityManager, user: User): Promise<void> {
  await em.nativeUpdate(Membership, { user, status: MembershipStatus.ACTIVE }, profileOf(user), { filters: false });
}
