import { Entity, Enum, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { ApiTokenKind } from '@seatwise/schema';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * An API token (F-61). Only the SHA-256 of its secret is stored (the secret is random, 256 bits,
 * so a fast hash is enough, as for sessions). Looked up by hash before the account is known.
 */
@Entity({ tableName: 'api_tokens' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdAt', 'id'] })
@Index({ properties: ['account', 'owner'] })
export class ApiToken extends TenantEntity {
  @Enum({ items: () => ApiTokenKind, type: 'string', length: 20 })
  kind!: ApiTokenKind;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  /** The first characters of the secret, shown to recognise a token. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** Space-separated scope values (`read:users write:seats`), as in OAuth. */
  @Property({ type: 'string', length: 500 })
  scopes!: string;

  /** The person a personal token acts as; null for a service token. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'cascade', index: false })
  owner: User | null = null;

  /** Who created it; a service token acts in their name in the audit log. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  createdBy: User | null = null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: (Date & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: (Date & Opt) | null = null;
}
