import { Entity, Filter, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { SubscriptionEventKind } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Subscription } from './subscription.entity.js';

/**
 * Something that happened to a subscription (created, seats changed, renewed, cancelled, expired,
 * credits bought), written in the change's transaction: what the account's admins see on their
 * home page. The audit log keeps who did it; this keeps what the customer should notice.
 */
@Entity({ tableName: 'subscription_events' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdAt'] })
@Index({ properties: ['account', 'subscription'] })
export class SubscriptionEventRow extends TenantEntity {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  /** A SubscriptionEventKind. */
  @Property({ type: 'string', length: 30 })
  kind!: SubscriptionEventKind;

  /** Seats after a seat change, credits of a purchase. */
  @Property({ type: 'integer', nullable: true })
  amount: number | null = null;

  /** The day the change takes effect or the term ends. */
  @Property({ type: 'date', nullable: true })
  effectiveOn: string | null = null;
}
