import { Entity, Filter, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { Product } from '../catalog/product.entity.js';
import { RollupRow } from './rollup-row.entity.js';

/**
 * The daily roll-up of one product over the whole account: how many people used it that day and
 * for how long. Reports by product sum these few rows instead of every person's days.
 */
@Entity({ tableName: 'product_days' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'product', 'day'] })
export class ProductDay extends RollupRow {
  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  /** Days since 1970-01-01 in the account's time zone. */
  @Property({ type: 'integer' })
  day!: number;

  /** People who used the product that day. */
  @Property({ type: 'integer' })
  users!: number;

  @Property({ type: 'integer' })
  sessions!: number;

  @Property({ type: 'integer' })
  minutes!: number;

  @Property({ type: 'integer' })
  credits!: number;
}
