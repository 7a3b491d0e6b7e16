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
}
