import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The one row of the vendor's brand (`key` is always 'brand'); no row means the look Seatwise ships with. */
@Entity({ tableName: 'brand_settings' })
export class BrandSettings {
  @PrimaryKey({ type: 'string', length: 20 })
  key: string & Opt = 'brand';

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 7, nullable: true })
  primaryColor: string | null = null;

  @Property({ type: 'string', length: 7, nullable: true })
  accentColor: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  supportEmail: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  supportUrl: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  termsUrl: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  privacyUrl: string | null = null;

  /** The image itself (PNG or JPEG); read only by the logo route. */
  @Property({ type: 'blob', nullable: true, lazy: true })
  logo: Buffer | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  logoType: string | null = null;

  /** SHA-256 of the logo, in its URL: a new logo is a new address, so the old one may be cached for good. */
  @Property({ type: 'string', length: 64, nullable: true })
  logoHash: string | null = null;

  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
