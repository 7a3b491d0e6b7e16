import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { User } from './user.entity.js';

/**
 * A single-use link to set a new (or an invited person's first) password. Only the SHA-256 of the
 * token is stored; the link itself exists only in the email. Not tenant-owned: a person is looked
 * up by email before any account is known.
 */
@Entity({ tableName: 'password_reset_tokens' })
@Index({ properties: ['user', 'expiresAt'] })
export class PasswordResetToken extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set when the link is used; a used link never works again. */
  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
