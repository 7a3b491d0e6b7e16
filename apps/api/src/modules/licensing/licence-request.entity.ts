import { Entity, Enum, Filter, Index, ManyToOne, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { Product } from '../catalog/product.entity.js';
import { ProductVersion } from '../catalog/product-version.entity.js';
import { User } from '../identity/user.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';

export enum LicenceRequestKind {
  HOME_USE = 'HOME_USE',
  NETWORK = 'NETWORK',
}

/** A request for a home-use activation or a network licence file, and what was issued for it. */
@Entity({ tableName: 'licence_requests' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdAt'] })
@Index({ properties: ['account', 'subscription', 'revokedAt'] })
@Index({ properties: ['account', 'requestedBy'] })
export class LicenceRequest extends TenantEntity {
  @Enum({ items: () => LicenceRequestKind, type: 'string', length: 20 })
  kind!: LicenceRequestKind;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  requestedBy!: User;

  @ManyToOne(() => Subscription, { deleteRule: 'cascade', index: false })
  subscription!: Subscription;

  @ManyToOne(() => Product, { deleteRule: 'cascade', index: false })
  product!: Product;

  @ManyToOne(() => ProductVersion, { deleteRule: 'cascade', index: false })
  version!: ProductVersion;

  @Property({ type: 'string', length: 253, nullable: true })
  serverHostName: string | null = null;

  /** MAC address of the licence server, upper-case and colon-separated (`normaliseHostId`). */
  @Property({ type: 'string', length: 17, nullable: true })
  hostId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  seats: number | null = null;

  /** The signed licence file (network licences). */
  @Property({ type: 'text', nullable: true })
  licenceFile: string | null = null;

  /** The `EXPIRES_ON` written into the file: a renewal of the subscription does not extend a file already issued. */
  @Property({ type: 'date', nullable: true })
  expiresOn: string | null = null;

  /** When a newer file for the same host replaced this one; a revoked file no longer holds seats. */
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
