import { Entity, Enum, type Opt, Property, Unique } from '@mikro-orm/core';
import { Language, VendorRole } from '@seatwise/schema';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * A single-use, expiring link that creates a vendor staff member (/setup/<token>): printed at the
 * first start of an install without staff, or by `operator:create`. Only the token's SHA-256 is
 * stored. Between the two steps of the page it holds what was typed (password hashed, TOTP secret
 * sealed), so nothing of the person exists until their first code is right.
 */
@Entity({ tableName: 'vendor_setup_links' })
export class SetupLink extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  /** The address the link was made for; null for the first-run link (the operator types it). */
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Enum({ items: () => VendorRole, type: 'string', length: 20 })
  role: VendorRole & Opt = VendorRole.OPERATOR;

  /** Made at start-up for an install without staff (replaced at each such start). */
  @Property({ type: 'boolean' })
  firstRun: boolean & Opt = false;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  pendingEmail: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  pendingFirstName: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  pendingLastName: string | null = null;

  @Enum({ items: () => Language, type: 'string', length: 2, nullable: true })
  pendingLanguage: Language | null = null;

  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  pendingPasswordHash: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  pendingSecretSealed: string | null = null;

  /** Wrong first codes; at the limit the link is used up, so its codes cannot be guessed. */
  @Property({ type: 'integer' })
  failedAttempts: number & Opt = 0;
}
