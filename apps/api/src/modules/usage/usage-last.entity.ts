import { Entity, Filter, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { Account } from '../accounts/account.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';

/** The last day each person used each product: one index seek answers "idle for how long". */
@Entity({ tableName: 'usage_last' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user', 'product'] })
export class UsageLast {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade', index: false })
  account!: Account;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  /** Days since 1970-01-01 in the account's time zone. */
  @Property({ type: 'integer' })
  lastDay!: number;
}
