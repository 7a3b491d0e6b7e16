import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';

export enum CloudCreditEntryKind {
  PURCHASE = 'PURCHASE',
  CONSUMPTION = 'CONSUMPTION',
  ADJUSTMENT = 'ADJUSTMENT',
}

/**
 * The cloud-credit ledger of a subscription: purchases add, consumption subtracts. The balance is
 * the signed sum, so it is never stored twice.
 */
@Entity({ tableName: 'cloud_credit_entries' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'subscription', 'occurredAt'] })
@Index({ properties: ['account', 'day'] })
export class CloudCreditEntry extends TenantEntity {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  @Enum({ items: () => CloudCreditEntryKind, type: 'string', length: 20 })
  kind!: CloudCreditEntryKind;

  /** Signed number of credits: positive for a purchase, negative for consumption. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'string', length: 100, nullable: true })
  service: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  user: User | null = null;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  /** Day of `occurredAt` in the account's time zone, as days since 1970-01-01 (see UsageDay). */
  @Property({ type: 'integer', default: 0 })
  day: number & Opt = 0;
}
