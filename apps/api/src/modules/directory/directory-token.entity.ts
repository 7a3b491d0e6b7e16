import { Entity, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * The account's SCIM bearer token (issue 18): only the SHA-256 of its secret is stored, as for API
 * tokens. One is live per account; making a new one revokes the old (rotation).
 */
@Entity({ tableName: 'directory_tokens' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'revokedAt'] })
export class DirectoryToken extends TenantEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'string', length: 16 })
  prefix!: string;

  /** The primary admin who made it; the directory's seat assignments name them as assigner. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  createdBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: (Date & Opt) | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: (Date & Opt) | null = null;
}
