import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Product } from './product.entity.js';

/** A released version of a product (e.g. 2026), the unit entitlements and downloads refer to. */
@Entity({ tableName: 'product_versions' })
@Unique({ properties: ['product', 'version'] })
export class ProductVersion extends BaseEntity {
  @ManyToOne(() => Product, { deleteRule: 'cascade' })
  product!: Product;

  @Property({ type: 'string', length: 40 })
  version!: string;

  @Property({ type: 'date' })
  releasedAt!: string;
}
