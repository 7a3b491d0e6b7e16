import { Entity, Enum, Filter, Index, ManyToOne, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';

/** Why a network lease ended. */
export enum LeaseEnd {
  /** The product checked it in. */
  CHECKIN = 'CHECKIN',
  /** No heartbeat for two intervals. */
  EXPIRED = 'EXPIRED',
  /** An admin of the account released it. */
  RELEASED_BY_ADMIN = 'RELEASED_BY_ADMIN',
}

/**
 * One seat of a network subscription held by a running product (issue 17, item 3): taken by a
 * checkout, kept by heartbeats, freed by a checkin, by an admin, or by itself once `expiresAt`
 * (the last heartbeat plus two intervals) has passed. A lease is live while `endedAt` is null and
 * `expiresAt` is in the future; every count of live leases takes the subscription's lock first.
 */
@Entity({ tableName: 'network_leases' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'subscription', 'endedAt'] })
@Index({ properties: ['account', 'user', 'product', 'fingerprint'] })
export class NetworkLease extends TenantEntity {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @Property({ type: 'string', length: 128 })
  fingerprint!: string;

  @Property({ type: 'string', length: 100 })
  machineName!: string;

  @Property({ type: 'string', length: 40 })
  platform!: string;

  @Property({ type: 'string', length: 40 })
  version!: string;

  @Property({ type: 'datetime' })
  lastHeartbeatAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Enum({ items: () => LeaseEnd, type: 'string', length: 20, nullable: true })
  endReason: LeaseEnd | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  endedBy: User | null = null;
}
