import { Entity, Filter, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { Account } from '../accounts/account.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * The daily roll-up of usage events: one row per person, product and day (in the account's time
 * zone), maintained by ingestion. Reports read these instead of the million raw events; only newly
 * stored events are added, so a resend changes nothing.
 */
@Entity({ tableName: 'usage_days' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user', 'product', 'day'] })
@Index({ properties: ['account', 'day'] })
export class UsageDay {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Account;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  /** Days since 1970-01-01 in the account's time zone: plain integers, the same arithmetic on every database. */
  @Property({ type: 'integer' })
  day!: number;

  @Property({ type: 'integer' })
  sessions!: number;

  @Property({ type: 'integer' })
  minutes!: number;

  @Property({ type: 'integer' })
  credits!: number;
}
