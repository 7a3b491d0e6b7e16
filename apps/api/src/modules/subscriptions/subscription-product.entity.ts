import { Entity, Filter, Index, ManyToOne, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Product } from '../catalog/product.entity.js';
import { Subscription } from './subscription.entity.js';

/** A product included in a subscription (a collection includes several). */
@Entity({ tableName: 'subscription_products' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'subscription', 'product'] })
@Index({ properties: ['account', 'product'] })
export class SubscriptionProduct extends TenantEntity {
  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  @ManyToOne(() => Product, { deleteRule: 'restrict', index: false })
  product!: Product;
}
