import { Entity, Filter, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';
import { RollupRow } from './rollup-row.entity.js';

/**
 * The monthly roll-up of one person's use of one product: which days of the month they used it, as
 * a bit mask (bit d-1 for day d), so any range of days is counted exactly from at most 25 rows per
 * person instead of hundreds of daily rows. Maintained by ingestion next to `usage_days`.
 */
@Entity({ tableName: 'usage_months' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user', 'product', 'month'] })
// Covers "who used a product in these days" without reading the table.
@Index({ properties: ['account', 'month', 'product', 'days', 'user'] })
export class UsageMonth extends RollupRow {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  /** Months since January 1970 in the account's time zone (2026-11 is 682). */
  @Property({ type: 'integer' })
  month!: number;

  /** Days of use as bits: bit 0 is the 1st of the month. */
  @Property({ type: 'integer' })
  days!: number;

  /** The number of bits set in `days`. */
  @Property({ type: 'integer' })
  dayCount!: number;

  @Property({ type: 'integer' })
  sessions!: number;

  @Property({ type: 'integer' })
  minutes!: number;

  @Property({ type: 'integer' })
  credits!: number;
}
