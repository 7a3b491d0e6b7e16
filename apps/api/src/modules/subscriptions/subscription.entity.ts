import { Collection, Entity, Enum, Filter, Index, ManyToOne, OneToMany, type Opt, Property, Unique } from '@mikro-orm/core';
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

/** Whether the subscription was cancelled; "expired" and "expiring" follow from `endsOn`. */
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
export class Subscription extends TenantEntity {
  @ManyToOne(() => Contract, { deleteRule: 'cascade' })
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

  @ManyToOne(() => Team, { nullable: true, deleteRule: 'set null' })
  team: Team | null = null;

  @OneToMany('SubscriptionProduct', 'subscription')
  products = new Collection<SubscriptionProduct>(this);
}
