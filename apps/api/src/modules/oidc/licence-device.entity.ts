import { Entity, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * A machine on which a person checked out a named-user lease of a product: registered by the
 * first checkout from its fingerprint, counted against the licence type's device limit until the
 * person (or an admin) releases it.
 */
@Entity({ tableName: 'licence_devices' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'user', 'product', 'fingerprint'] })
@Index({ properties: ['account', 'user', 'releasedAt'] })
export class LicenceDevice extends TenantEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  @Property({ type: 'string', length: 128 })
  fingerprint!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 40 })
  platform!: string;

  @Property({ type: 'string', length: 40 })
  lastVersion!: string;

  @Property({ type: 'datetime' })
  lastCheckoutAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  releasedAt: Date | null = null;
}
