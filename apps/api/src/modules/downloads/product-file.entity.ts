import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { ProductVersion } from '../catalog/product-version.entity.js';

export enum ProductFileKind {
  INSTALLER = 'INSTALLER',
  UPDATE = 'UPDATE',
  ADD_ON = 'ADD_ON',
}

export enum Platform {
  WINDOWS = 'WINDOWS',
  MACOS = 'MACOS',
  LINUX = 'LINUX',
}

/**
 * A downloadable file of a product version: the installer per platform and language, or an update
 * or add-on. Part of the vendor's catalogue (not tenant-owned); the bytes live under the data
 * folder at `storageKey`, and `sha256`/`size` describe them.
 */
@Entity({ tableName: 'product_files' })
@Unique({ properties: ['version', 'kind', 'name', 'platform', 'language'] })
@Index({ properties: ['version', 'kind'] })
export class ProductFile extends BaseEntity {
  @ManyToOne(() => ProductVersion, { deleteRule: 'cascade' })
  version!: ProductVersion;

  @Enum({ items: () => ProductFileKind, type: 'string', length: 20 })
  kind!: ProductFileKind;

  /** What users see, e.g. "Drafter 2026 Update 2" or "Rebar Detailing add-on". */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Platform, type: 'string', length: 20 })
  platform!: Platform;

  /** BCP 47 language tag of the installer, e.g. `en-US`, `sl-SI`. */
  @Property({ type: 'string', length: 10 })
  language!: string;

  @Property({ type: 'string', length: 200 })
  fileName!: string;

  /** Path relative to the data folder. */
  @Property({ type: 'string', length: 300 })
  storageKey!: string;

  @Property({ type: new BigIntType('number') })
  size!: number;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'date' })
  releasedAt!: string;

  @Property({ type: 'text', nullable: true })
  description: (string & Opt) | null = null;
}
