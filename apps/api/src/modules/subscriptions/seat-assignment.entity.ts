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
  @ManyToOne(() => Subscription, { deleteRule: 'cascade' })
  subscription!: Subscription;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assignedBy: User | null = null;
}
