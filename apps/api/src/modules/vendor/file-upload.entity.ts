import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { ProductVersion } from '../catalog/product-version.entity.js';
import { Platform, ProductFileKind } from '../downloads/product-file.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * A file of a product version on its way in (the catalogue's uploads): what it will be once
 * complete, and how many bytes of it are on disk (`uploads/<id>.part` under the data folder).
 * Finished, it becomes a `ProductFile` and this row goes; cancelled or left stale, both go.
 */
@Entity({ tableName: 'file_uploads' })
@Index({ properties: ['updatedAt'] })
export class FileUploadRow extends BaseEntity {
  @ManyToOne(() => ProductVersion, { deleteRule: 'cascade' })
  version!: ProductVersion;

  @Enum({ items: () => ProductFileKind, type: 'string', length: 20 })
  kind!: ProductFileKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Platform, type: 'string', length: 20 })
  platform!: Platform;

  @Property({ type: 'string', length: 10 })
  language!: string;

  @Property({ type: 'string', length: 200 })
  fileName!: string;

  /** Declared size of the whole file. */
  @Property({ type: new BigIntType('number') })
  size!: number;

  /** Bytes on disk so far. */
  @Property({ type: new BigIntType('number') })
  received: number & Opt = 0;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  createdBy!: User;

  /** The last time bytes arrived; an upload idle past the configured hours is discarded. */
  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();

  /**
   * The request receiving bytes right now, on whichever instance (a random token), and until when
   * its claim holds unless renewed: one request at a time per upload across all instances.
   */
  @Property({ type: 'string', length: 80, nullable: true })
  receivingBy: (string & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  receivingUntil: (Date & Opt) | null = null;
}
