import { randomUUID } from 'node:crypto';
import { Entity, Enum, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CustomerStatus, Language } from '@seatwise/schema';

/** The tenant: an organisation that owns contracts, subscriptions and seats. */
@Entity({ tableName: 'accounts' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Days in reports are counted in this zone. */
  @Property({ type: 'string', length: 64 })
  timeZone: string & Opt = 'Europe/Ljubljana';

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  /** ISO 3166-1 alpha-2; null for accounts made before the Vendor console. */
  @Property({ type: 'string', length: 2, nullable: true })
  country: string | null = null;

  /** The language of mails to the account before its people choose their own. */
  @Enum({ items: () => Language, type: 'string', length: 2 })
  language: Language & Opt = Language.EN;

  /** The customer's id in the vendor's billing system. */
  @Property({ type: 'string', length: 100, nullable: true })
  @Unique()
  externalId: string | null = null;

  /** Suspended and closed accounts keep their data; their sign-ins and tokens are refused. */
  @Enum({ items: () => CustomerStatus, type: 'string', length: 20 })
  status: CustomerStatus & Opt = CustomerStatus.ACTIVE;

  @Property({ type: 'datetime', nullable: true })
  statusChangedAt: Date | null = null;

  /**
   * Credits left on a cloud subscription below which its admins get a usage alert (and the Cloud
   * credits page and the admin home warn); null: the admin set none.
   */
  @Property({ type: 'integer', nullable: true })
  creditAlertThreshold: number | null = null;

  /**
   * Days the files of scheduled exports are kept (`modules/exports`); null keeps them for good.
   * Autodesk deletes its exports after 14 days; the account decides here.
   */
  @Property({ type: 'integer', nullable: true, default: 90 })
  exportRetentionDays: (number & Opt) | null = 90;

  /**
   * Require single sign-on: the account's people sign in only through its providers; the primary
   * admin alone may still use password and 2-step (break-glass, audited).
   */
  @Property({ type: 'boolean', default: false })
  ssoRequired: boolean & Opt = false;
}
