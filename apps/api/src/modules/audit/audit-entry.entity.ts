import type { CustomerAuditAction } from '@seatwise/schema/client';
import { Entity, Filter, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/** A summary's catalogue text (its English wording, the key) and values, as stored. */
export interface AuditMessage {
  text: string;
  values: Record<string, unknown>;
}

/** One admin action: who did what to which record, with the state before and after. */
@Entity({ tableName: 'audit_entries' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'createdAt'] })
@Index({ properties: ['account', 'action'] })
@Index({ properties: ['account', 'actor'] })
export class AuditEntry extends TenantEntity {
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null', index: false })
  actor: User | null = null;

  /** Stable action name, one of `customerAuditActions` (`@seatwise/schema/client`). */
  /** `DIRECTORY` when the account's directory (SCIM) did it, not a person; null otherwise. */
  @Property({ type: 'string', length: 20, nullable: true })
  actorKind: (string & Opt) | null = null;

  @Property({ type: 'string', length: 60 })
  action!: CustomerAuditAction;

  @Property({ type: 'string', length: 40 })
  targetType!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  targetId: string | null = null;

  /** The line in English, as written: what search, the deleted-person clean-up and old entries read. */
  @Property({ type: 'string', length: 500 })
  summary!: string;

  /**
   * The line's message and values, when it was written from the catalogues: the log renders it in
   * the reader's language when read (issue 22, item 9). Null for old entries, which keep `summary`.
   */
  @Property({ type: 'json', nullable: true })
  summaryMessage: (AuditMessage & Opt) | null = null;

  @Property({ type: 'json', nullable: true })
  before: (Record<string, unknown> & Opt) | null = null;

  @Property({ type: 'json', nullable: true })
  after: (Record<string, unknown> & Opt) | null = null;
}
