import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { MembershipStatus, Role } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { sortNameOf, User } from '../identity/user.entity.js';
import { Team } from '../teams/team.entity.js';

/** The four values an account sees of a person, as the membership stores them. */
export interface SeenPerson {
  email: string;
  firstName: string;
  lastName: string;
  sortName: string;
}

/** What an account sees of a person who has not accepted: what it typed, with its sort key. */
export const typedPerson = (person: { email: string; firstName: string; lastName: string }): SeenPerson => ({
  email: person.email,
  firstName: person.firstName,
  lastName: person.lastName,
  sortName: sortNameOf(person.firstName, person.lastName),
});

/** What an account sees of a person who has accepted: their own profile, as it stands. */
export const profileOf = (user: User): SeenPerson => ({ email: user.email, firstName: user.firstName, lastName: user.lastName, sortName: user.sortName });

/**
 * A person's place in one account: role, status and team, and the person as this account sees
 * them. Every list, report and export of the account reads the person's name and email here,
 * never from `users`: while the person has not accepted, these are what the account typed (their
 * own profile, and any other account's, is not its business); once they are an active member,
 * their own profile, kept in step with it (`followProfile`). A removed member keeps the values
 * they had when removed.
 */
@Entity({ tableName: 'memberships' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user'] })
@Index({ properties: ['account', 'status', 'role'] })
@Index({ properties: ['account', 'team'] })
@Index({ properties: ['account', 'createdAt', 'user'] })
@Index({ properties: ['account', 'sortName', 'user'] })
@Index({ properties: ['account', 'email'] })
// A person's memberships in every account, read at sign-in before any account is chosen (the tenant-key test allows it).
@Index({ properties: ['user'] })
export class Membership extends TenantEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @Enum({ items: () => Role, type: 'string', length: 20 })
  role: Role & Opt = Role.USER;

  @Enum({ items: () => MembershipStatus, type: 'string', length: 20 })
  status: MembershipStatus & Opt = MembershipStatus.ACTIVE;

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null', index: false })
  team: Team | null = null;

  /** Raised by every edit; an edit carrying an older version is refused (optimistic concurrency). */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  /** Stored lower-cased, as `User.email`. */
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Property({ type: 'string', length: 100 })
  lastName!: string;

  /** Lower-cased "first last" of the names above (`sortNameOf`): what lists sort and search by. */
  @Property({ type: 'string', length: 201 })
  sortName!: string;

  /** The person's last sign-in to this account; sign-ins to their other accounts are not this one's business. */
  @Property({ type: 'datetime', nullable: true })
  lastSignInAt: Date | null = null;

  /** Pending again: the account sees what it typed now, and no sign-in until the person accepts. */
  invitedAs(person: { email: string; firstName: string; lastName: string }): void {
    Object.assign(this, typedPerson(person));
    this.lastSignInAt = null;
  }

  /** The person accepted: from now on the account sees their own profile. */
  accepted(user: User): void {
    Object.assign(this, profileOf(user));
  }
}
