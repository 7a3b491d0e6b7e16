import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../db/base.entity.js';
import { User } from '../user.entity.js';

/**
 * A sign-in whose password was right and whose second step is pending. The browser holds a random
 * token in a short-lived cookie (only its SHA-256 is stored); it opens no session by itself.
 */
@Entity({ tableName: 'sign_in_challenges' })
export class SignInChallenge extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
