import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * A vendor service token: stored like a customer's API token (`tokens/api-token.entity.ts`: the
 * SHA-256 of a prefixed 256-bit secret, a visible prefix, space-separated scopes, expiry,
 * revocation) and made by the same functions (`tokens/bearer.ts`), but in a table of its own: it
 * belongs to no customer account, so it has no `account_id` and no tenant filter.
 */
@Entity({ tableName: 'vendor_api_tokens' })
@Index({ properties: ['createdAt', 'id'] })
export class VendorApiTokenRow extends BaseEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** Space-separated vendor scope values (`vendor:customers:read vendor:customers:write`). */
  @Property({ type: 'string', length: 500 })
  scopes!: string;

  /** The operator who created it: the token acts with their role, and the audit log names them with it. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: (Date & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: (Date & Opt) | null = null;
}
