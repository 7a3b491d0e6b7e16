import { BigIntType, Entity, Enum, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { ProductVersion } from '../catalog/product-version.entity.js';
import { Platform } from '../downloads/product-file.entity.js';
import { User } from '../identity/user.entity.js';
import { Job } from '../jobs/job.entity.js';

/** Install settings a custom package carries in its manifest and install script. */
export interface InstallSettings {
  installPath: string;
  desktopShortcut: boolean;
  silent: boolean;
}

/** A custom install package (F-24): chosen product version, platform, language, add-ons and settings. */
@Entity({ tableName: 'install_packages' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdBy', 'createdAt'] })
export class InstallPackage extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  createdBy!: User;

  @ManyToOne(() => ProductVersion, { deleteRule: 'cascade', index: false })
  version!: ProductVersion;

  @Enum({ items: () => Platform, type: 'string', length: 20 })
  platform!: Platform;

  @Property({ type: 'string', length: 10 })
  language!: string;

  /** Ids of the add-on files included. */
  @Property({ type: 'json' })
  addOnIds!: string[];

  @Property({ type: 'json' })
  settings!: InstallSettings;

  @ManyToOne(() => Job, { deleteRule: 'cascade', index: false })
  job!: Job;

  /** Set when the archive is built: relative to the data folder. */
  @Property({ type: 'string', length: 300, nullable: true })
  storageKey: (string & Opt) | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  size: (number & Opt) | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  sha256: (string & Opt) | null = null;
}
