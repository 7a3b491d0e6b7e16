import { Collection, Entity, Enum, OneToMany, type Opt, Property, Unique } from '@mikro-orm/core';
import { LicenceType } from '@seatwise/schema';
import { BaseEntity } from '../../db/base.entity.js';
import type { ProductVersion } from './product-version.entity.js';

export enum ProductKind {
  SOFTWARE = 'SOFTWARE',
  CLOUD_SERVICE = 'CLOUD_SERVICE',
}

/** The vendor's catalogue: shared by every account, so not tenant-owned. */
@Entity({ tableName: 'products' })
export class Product extends BaseEntity {
  /** Short stable code, e.g. ACD for AutoCAD-like products. */
  @Property({ type: 'string', length: 20 })
  @Unique()
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => ProductKind, type: 'string', length: 20 })
  kind: ProductKind & Opt = ProductKind.SOFTWARE;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** The licence types the vendor offers the product with (issue 16, the catalogue). */
  @Property({ type: 'json', defaultRaw: `'["SINGLE_USER"]'` })
  licenceTypes: LicenceType[] & Opt = [LicenceType.SINGLE_USER];

  /** Length of the trial customers may start; null: no trial offered. */
  @Property({ type: 'integer', nullable: true })
  trialDays: (number & Opt) | null = 30;

  /** Raised by every change (vendor/catalogue.service.ts); a change made on an older revision is refused as stale. */
  @Property({ type: 'integer' })
  revision: number & Opt = 1;

  @OneToMany('ProductVersion', 'product')
  versions = new Collection<ProductVersion>(this);
}
