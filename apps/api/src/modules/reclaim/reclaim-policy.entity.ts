import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { ReclaimAction, ReclaimSignal, type Role } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';

/**
 * A reclaim policy (issue 19, item 1): seats idle for `thresholdDays` by its `signal` get a notice,
 * and `graceDays` later the scheduled job (`reclaim-job.ts`) takes them back. Off until an admin
 * switches it on, after its dry run. Covers one subscription, or all of the account's.
 */
@Entity({ tableName: 'reclaim_policies' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdAt', 'id'] })
export class ReclaimPolicy extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  @ManyToOne(() => Subscription, { nullable: true, deleteRule: 'cascade', index: false })
  subscription: Subscription | null = null;

  @Enum({ items: () => ReclaimSignal, type: 'string', length: 12 })
  signal!: ReclaimSignal;

  @Property({ type: 'integer' })
  thresholdDays!: number;

  @Property({ type: 'integer' })
  graceDays!: number;

  @Enum({ items: () => ReclaimAction, type: 'string', length: 12 })
  action: ReclaimAction & Opt = ReclaimAction.UNASSIGN;

  @Property({ type: 'json' })
  excludedUserIds: string[] & Opt = [];

  @Property({ type: 'json' })
  excludedTeamIds: string[] & Opt = [];

  @Property({ type: 'json' })
  excludedRoles: Role[] & Opt = [];

  @Property({ type: 'boolean' })
  enabled: boolean & Opt = false;

  @Property({ type: 'datetime', nullable: true })
  enabledAt: (Date & Opt) | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  enabledBy: User | null = null;

  /** Raised by every change; a change made on an older version is refused (STALE_CHANGE). */
  @Property({ type: 'integer' })
  version: number & Opt = 1;
}
