import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../../db/base.entity.js';
import { User } from '../user.entity.js';

/** A requested change of sign-in email, waiting for the link sent to the new address. */
@Entity({ tableName: 'email_changes' })
@Index({ properties: ['user', 'expiresAt'] })
export class EmailChange extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  /** Lower-cased, like `User.email`. */
  @Property({ type: 'string', length: 254 })
  newEmail!: string;

  /** SHA-256 of the token in the link. */
  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set when the link was used: a link works once. */
  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;
}
