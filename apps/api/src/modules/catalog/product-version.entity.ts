import { Entity, Enum, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Product } from './product.entity.js';

export enum ProductVersionStatus {
  DRAFT = 'DRAFT',
  CURRENT = 'CURRENT',
  PREVIOUS = 'PREVIOUS',
  RETIRED = 'RETIRED',
}

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

  /** A draft until published; customers see current and previous versions only (catalog-rules.ts). */
  @Enum({ items: () => ProductVersionStatus, type: 'string', length: 20 })
  status: ProductVersionStatus & Opt = ProductVersionStatus.DRAFT;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: (Date & Opt) | null = null;

  /** Raised by every change (vendor/catalogue.service.ts); a change made on an older revision is refused as stale. */
  @Property({ type: 'integer' })
  revision: number & Opt = 1;
}
