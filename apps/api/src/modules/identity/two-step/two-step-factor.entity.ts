import { Entity, Enum, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { TwoStepMethod } from '@seatwise/schema';
import { BaseEntity } from '../../../db/base.entity.js';
import { User } from '../user.entity.js';

/**
 * A person's second sign-in step: an authenticator app or a phone for text messages. At most one
 * per person; until `enabledAt` is set it is a set-up waiting for its first code. Belongs to the
 * person, not to an account, so it is not tenant-filtered.
 */
@Entity({ tableName: 'two_step_factors' })
export class TwoStepFactor extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Unique()
  user!: User;

  @Enum({ items: () => TwoStepMethod, type: 'string', length: 20 })
  method!: TwoStepMethod;

  /** The TOTP secret, encrypted (AES-256-GCM, see secret-box.ts); never sent after set-up. */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  secretSealed: string | null = null;

  /** E.164 phone number for text messages. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  /** The TOTP time step of the last accepted code: a code is good once, even within its 30 s. */
  @Property({ type: 'integer', nullable: true })
  lastUsedStep: number | null = null;

  /** SHA-256 of the latest text-message code, with its expiry. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  smsCodeHash: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  smsCodeExpiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  smsSentAt: Date | null = null;

  /** Wrong codes in a row; at the limit codes are refused until `lockedUntil`. */
  @Property({ type: 'integer' })
  failedAttempts: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;

  /** Null while being set up; set when the first code was confirmed and 2-step is on. */
  @Property({ type: 'datetime', nullable: true })
  enabledAt: Date | null = null;
}
