import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../../db/base.entity.js';
import { User } from '../user.entity.js';

/** One single-use recovery code, stored only as its SHA-256. */
@Entity({ tableName: 'two_step_recovery_codes' })
@Index({ properties: ['user', 'codeHash'] })
export class RecoveryCode extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 64 })
  codeHash!: string;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
