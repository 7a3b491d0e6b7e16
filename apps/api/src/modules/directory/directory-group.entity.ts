import { Entity, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { Team } from '../teams/team.entity.js';

/** A SCIM Group of the account, mapped to a team (its members are moved into it). */
@Entity({ tableName: 'directory_groups' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'displayNameKey'] })
@Index({ properties: ['account', 'externalId'] })
@Index({ properties: ['account', 'createdAt', 'id'] })
export class DirectoryGroup extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Property({ type: 'string', length: 100 })
  displayNameKey!: string;

  @Property({ type: 'string', length: 254, nullable: true })
  externalId: string | null = null;

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null', index: false })
  team: Team | null = null;

  /** Raised by every change: the membership deltas lock the row with it. */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** One member of a SCIM Group. */
@Entity({ tableName: 'directory_group_members' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'group', 'user'] })
@Index({ properties: ['account', 'user'] })
export class DirectoryGroupMember extends TenantEntity {
  @ManyToOne(() => DirectoryGroup, { deleteRule: 'cascade', index: false })
  group!: DirectoryGroup;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;
}
