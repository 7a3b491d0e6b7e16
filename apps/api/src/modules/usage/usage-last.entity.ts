import { Entity, Filter, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';
import { RollupRow } from './rollup-row.entity.js';

/** The last day each person used each product: one index seek answers "idle for how long". */
@Entity({ tableName: 'usage_last' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user', 'product'] })
export class UsageLast extends RollupRow {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  /** Days since 1970-01-01 in the account's time zone. */
  @Property({ type: 'integer' })
  lastDay!: number;
}
