import { Entity, Filter, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';

/** A time-limited trial of one product for one person; at most one per person and product. */
@Entity({ tableName: 'trials' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user', 'product'] })
export class Trial extends TenantEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  @Property({ type: 'datetime' })
  endsAt!: Date;
}
