import type { EntityManager } from '@mikro-orm/knex';
import { CustomerStatus, MembershipStatus } from '@seatwise/schema';
import { Membership } from '../users/membership.entity.js';

/**
 * The provider's account id (the `sub` of its tokens) is one person in one customer account,
 * `<person id>:<account id>`: a product signed in through Seatwise acts for the person in the
 * account they chose when they signed in, as a session does.
 */
export const subjectOf = (viewer: { userId: string; accountId: string }) => `${viewer.userId}:${viewer.accountId}`;

export function parseSubject(subject: string): { userId: string; accountId: string } | null {
  const [userId, accountId, ...rest] = subject.split(':');
  return userId && accountId && rest.length === 0 ? { userId, accountId } : null;
}

export interface OidcPerson {
  userId: string;
  accountId: string;
  accountName: string;
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  role: string;
}

/** The person behind a subject while their membership and their account are active; null otherwise (tokens stop working). */
export async function personOf(em: EntityManager, subject: string): Promise<OidcPerson | null> {
  const ids = parseSubject(subject);
  if (!ids) return null;
  const membership = await em.findOne(
    Membership,
    { user: ids.userId, account: ids.accountId, status: MembershipStatus.ACTIVE },
    { populate: ['user', 'account'], filters: false },
  );
  if (!membership || membership.account.status !== CustomerStatus.ACTIVE) return null;
  return {
    userId: ids.userId,
    accountId: ids.accountId,
    accountName: membership.account.name,
    email: membership.user.email,
    firstName: membership.user.firstName,
    lastName: membership.user.lastName,
    language: membership.user.language.toLowerCase(),
    role: membership.role,
  };
}

/** The claims a product reads from the ID token and userinfo, by scope (`claims` in `oidc-provider.ts`). */
export function claimsOf(subject: string, person: OidcPerson) {
  return {
    sub: subject,
    person_id: person.userId,
    account_id: person.accountId,
    account_name: person.accountName,
    seatwise_role: person.role,
    email: person.email,
    email_verified: true,
    name: `${person.firstName} ${person.lastName}`,
    given_name: person.firstName,
    family_name: person.lastName,
    locale: person.language,
  };
}
