import { Entity, Enum, Filter, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { Account } from '../accounts/account.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';

export enum UsageEventKind {
  PRODUCT_SESSION = 'PRODUCT_SESSION',
  CLOUD_CREDITS = 'CLOUD_CREDITS',
}

/**
 * What an installed product or a cloud service reported. Millions of rows: a bigint key instead
 * of a UUID, and the sender's event id is unique per account so a resend changes nothing. Reports
 * read the roll-ups, never these rows, so the only index is that unique key (it leads with the
 * account, test/tenant-keys.test.ts): the foreign keys have none, since no query looks rows up by
 * them, and every other index would slow ingestion down for nobody.
 */
@Entity({ tableName: 'usage_events' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'eventId'] })
export class UsageEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  // The unique key leads with the account: a second index on it alone would be dead weight.
  @ManyToOne(() => Account, { deleteRule: 'cascade', index: false })
  account!: Account;

  @Property({ type: 'string', length: 100 })
  eventId!: string;

  @Enum({ items: () => UsageEventKind, type: 'string', length: 20 })
  kind!: UsageEventKind;

  @ManyToOne(() => Product, { nullable: true, deleteRule: 'set null', index: false })
  product: Product | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  user: User | null = null;

  @ManyToOne(() => Subscription, { nullable: true, deleteRule: 'set null', index: false })
  subscription: Subscription | null = null;

  /** Cloud service that consumed credits, e.g. "rendering". */
  @Property({ type: 'string', length: 100, nullable: true })
  service: string | null = null;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  /** Length of a product session. */
  @Property({ type: 'integer', nullable: true })
  minutes: number | null = null;

  /** Cloud credits consumed. */
  @Property({ type: 'integer', nullable: true })
  credits: number | null = null;

  @Property({ type: 'datetime' })
  receivedAt: Date = new Date();
}
