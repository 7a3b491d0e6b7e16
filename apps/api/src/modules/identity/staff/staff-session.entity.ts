import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../db/base.entity.js';
import { User } from '../user.entity.js';

/**
 * A signed-in browser of a vendor staff member: like `Session`, but in the Vendor console, with no
 * customer account. Its own cookie, so a staff session never reads as a customer's.
 */
@Entity({ tableName: 'vendor_sessions' })
@Index({ properties: ['user', 'expiresAt'] })
export class StaffSession extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'datetime' })
  lastSeenAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  @Property({ type: 'string', length: 400, nullable: true })
  userAgent: string | null = null;
}
