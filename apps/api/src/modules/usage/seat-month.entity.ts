import { Entity, Filter, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { RollupRow } from './rollup-row.entity.js';

/**
 * The monthly roll-up of one person's use of any product of one subscription: what a seat on it
 * shows. Days are a bit mask as in `usage_months`, the union over the subscription's products, so
 * two products used on one day count once. Kept for every subscription that includes a used
 * product, whether or not the person holds its seat yet, as the daily reports count it.
 */
@Entity({ tableName: 'seat_months' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'subscription', 'user', 'month'] })
// Covers a seat's days in a range without reading the table.
@Index({ properties: ['account', 'subscription', 'user', 'month', 'days', 'dayCount'] })
export class SeatMonth extends RollupRow {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  /** Months since January 1970 in the account's time zone. */
  @Property({ type: 'integer' })
  month!: number;

  /** Days of use as bits: bit 0 is the 1st of the month. */
  @Property({ type: 'integer' })
  days!: number;

  /** The number of bits set in `days`. */
  @Property({ type: 'integer' })
  dayCount!: number;

  @Property({ type: 'integer' })
  minutes!: number;
}
