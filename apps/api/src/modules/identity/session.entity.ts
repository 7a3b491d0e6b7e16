import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Account } from '../accounts/account.entity.js';
import { User } from './user.entity.js';

/**
 * A signed-in browser or client. The cookie holds a random token; only its SHA-256 is stored, so
 * a leaked database cannot be replayed as sessions. Looked up by token before the account is
 * known, so it is not tenant-filtered.
 */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['user', 'expiresAt'] })
export class Session extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  /** The account the session is working in. */
  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Account;

  @Property({ type: 'datetime' })
  lastSeenAt: Date & Opt = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  ip: string | null = null;

  @Property({ type: 'string', length: 400, nullable: true })
  userAgent: string | null = null;
}
