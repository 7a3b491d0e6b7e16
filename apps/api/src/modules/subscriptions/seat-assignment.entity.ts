import { Entity, Filter, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from './subscription.entity.js';

/** One seat of a subscription held by one person; at most one per person and subscription. */
@Entity({ tableName: 'seat_assignments' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'subscription', 'user'] })
@Index({ properties: ['account', 'user'] })
export class SeatAssignment extends TenantEntity {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  assignedBy: User | null = null;
}
