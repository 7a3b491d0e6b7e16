import { Entity, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from '../identity/user.entity.js';
import type { AuditMessage } from '../audit/audit-entry.entity.js';

/**
 * What the vendor's staff did or read, across customers: its own table, apart from the customers'
 * audit logs (which a customer reads; this one only the vendor). The customer is kept by id and
 * name without a foreign key, so the entry outlives any change to the account.
 */
@Entity({ tableName: 'vendor_audit_entries' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['customerId', 'createdAt'] })
export class VendorAuditEntryRow extends BaseEntity {
  /** Null for the command line (`operator:create`). */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor: User | null = null;

  /** The vendor service token the action came through (its name at the time); null in the console. */
  @Property({ type: 'string', length: 100, nullable: true })
  tokenName: string | null = null;

  @Property({ type: 'string', length: 60 })
  action!: string;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  customerName: string | null = null;

  @Property({ type: 'string', length: 500 })
  summary!: string;

  /** The line's catalogue message and values, rendered in the reader's language when read (as `AuditEntry`'s). */
  @Property({ type: 'json', nullable: true })
  summaryMessage: (AuditMessage & Opt) | null = null;

  @Property({ type: 'json', nullable: true })
  details: Record<string, unknown> | null = null;
}
