import { Collection, Entity, Enum, Filter, Index, ManyToOne, OneToMany, type Opt, Property, Unique } from '@mikro-orm/core';
import type { RenewalMode } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Team } from '../teams/team.entity.js';
import { Contract } from './contract.entity.js';
import type { SubscriptionProduct } from './subscription-product.entity.js';

export enum LicenceType {
  SINGLE_USER = 'SINGLE_USER',
  MULTI_USER = 'MULTI_USER',
  NETWORK = 'NETWORK',
  CLOUD = 'CLOUD',
}

export enum SubscriptionTerm {
  MONTHLY = 'MONTHLY',
  ANNUAL = 'ANNUAL',
  THREE_YEAR = 'THREE_YEAR',
}

/**
 * Whether the subscription was cancelled; "expired" and "expiring" follow from `endsOn` and the
 * account's day (subscription-rules.ts), so a subscription stops running at its midnight whether
 * or not the expiry job has run yet; the job only records it (`expiredAt`, the event, the audit).
 */
export enum SubscriptionState {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}

/** Seats of one or more products for a term, under a contract. */
@Entity({ tableName: 'subscriptions' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'serialNumber'] })
@Index({ properties: ['account', 'endsOn'] })
@Index({ properties: ['account', 'team'] })
@Index({ properties: ['account', 'contract'] })
export class Subscription extends TenantEntity {
  @ManyToOne(() => Contract, { deleteRule: 'cascade', index: false })
  contract!: Contract;

  /** The offering's name as sold, e.g. "AEC Collection" or a single product's name. */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => LicenceType, type: 'string', length: 20 })
  licenceType!: LicenceType;

  @Enum({ items: () => SubscriptionTerm, type: 'string', length: 20 })
  term!: SubscriptionTerm;

  /** Seat ceiling: assignments may never exceed it. */
  @Property({ type: 'integer' })
  seats!: number;

  @Property({ type: 'date' })
  startsOn!: string;

  /** Renewal or end date. */
  @Property({ type: 'date' })
  endsOn!: string;

  @Enum({ items: () => SubscriptionState, type: 'string', length: 20 })
  state: SubscriptionState & Opt = SubscriptionState.ACTIVE;

  @Property({ type: 'string', length: 40 })
  serialNumber!: string;

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null', index: false })
  team: Team | null = null;

  @OneToMany('SubscriptionProduct', 'subscription')
  products = new Collection<SubscriptionProduct>(this);

  /** AUTO or MANUAL (RenewalMode): whether the term renews by itself at its end. */
  @Property({ type: 'string', length: 20, default: 'MANUAL' })
  renewal: RenewalMode & Opt = 'MANUAL';

  /** Seats from the renewal date on, when a change was scheduled for it. */
  @Property({ type: 'integer', nullable: true })
  scheduledSeats: number | null = null;

  /** Cancelled at the end of its term: it runs until then and does not renew. */
  @Property({ type: 'boolean', default: false })
  cancelAtTermEnd: boolean & Opt = false;

  /** When the end of its term was recorded (the expiry job's claim); null while it runs or once renewed. */
  @Property({ type: 'datetime', nullable: true })
  expiredAt: Date | null = null;

  /** Raised by every change; a change made on an older version is refused (optimistic concurrency). */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;
}
