import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { MembershipStatus, Role } from '@seatwise/schema';
import { TenantEntity, tenantFilter } from '../../db/base.entity.js';
import { User } from '../identity/user.entity.js';
import { Team } from '../teams/team.entity.js';

/** A person's place in one account: role, status and team. */
@Entity({ tableName: 'memberships' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user'] })
@Index({ properties: ['account', 'status', 'role'] })
@Index({ properties: ['account', 'team'] })
@Index({ properties: ['account', 'createdAt', 'user'] })
export class Membership extends TenantEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => Role, type: 'string', length: 20 })
  role: Role & Opt = Role.USER;

  @Enum({ items: () => MembershipStatus, type: 'string', length: 20 })
  status: MembershipStatus & Opt = MembershipStatus.ACTIVE;

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null' })
  team: Team | null = null;

  /** Raised by every edit; an edit carrying an older version is refused (optimistic concurrency). */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  /**
   * What the inviting account typed about the person: all the account sees of them until they
   * accept (their own profile may say something else, and belongs to them). Null once they have
   * accepted, and for a membership they began themselves.
   */
  @Property({ type: 'string', length: 254, nullable: true })
  invitedEmail: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  invitedFirstName: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  invitedLastName: string | null = null;

  /** Lower-cased "first last" of the typed names, as `User.sortName` is of the person's own. */
  @Property({ type: 'string', length: 201, nullable: true })
  invitedSortName: string | null = null;

  /** The person's last sign-in to this account; sign-ins to their other accounts are not this one's business. */
  @Property({ type: 'datetime', nullable: true })
  lastSignInAt: Date | null = null;

  /** Pending again: the account sees what it typed now, and no sign-in until the person accepts. */
  invitedAs(person: { email: string; firstName: string; lastName: string }): void {
    this.invitedEmail = person.email;
    this.invitedFirstName = person.firstName;
    this.invitedLastName = person.lastName;
    this.invitedSortName = invitedSortName(person.firstName, person.lastName);
    this.lastSignInAt = null;
  }

  /** The person accepted: from now on the account sees their own profile. */
  accepted(): void {
    this.invitedEmail = null;
    this.invitedFirstName = null;
    this.invitedLastName = null;
    this.invitedSortName = null;
  }
}

export const invitedSortName = (firstName: string, lastName: string) => `${firstName} ${lastName}`.toLowerCase();
