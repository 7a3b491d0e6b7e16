import { Entity, Enum, type Opt, Property, Unique } from '@mikro-orm/core';
import { Language } from '@seatwise/schema';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * A person. Not tenant-owned: one person can belong to several accounts through memberships,
 * and signs in once with one email address.
 */
@Entity({ tableName: 'users' })
export class User extends BaseEntity {
  /** Stored lower-cased, so uniqueness is case-insensitive. */
  @Property({ type: 'string', length: 254 })
  @Unique()
  email!: string;

  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Property({ type: 'string', length: 100 })
  lastName!: string;

  /**
   * Lower-cased "first last", kept in step by `setName`. Lists of an account sort and search by
   * the membership's copy (`Membership.sortName`), not this one.
   */
  @Property({ type: 'string', length: 201 })
  sortName!: string;

  /** argon2id hash; null until the person sets a password (an invited user). */
  @Property({ type: 'string', length: 200, nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  company: string | null = null;

  /** ISO 3166-1 alpha-2 country code. */
  @Property({ type: 'string', length: 2, nullable: true })
  country: string | null = null;

  @Enum({ items: () => Language, type: 'string', length: 2 })
  language: Language & Opt = Language.EN;

  /**
   * The person's last sign-in to any of their accounts, for their own security only (a first
   * sign-in ever is no news to them). Accounts see their membership's `lastSignInAt`.
   */
  @Property({ type: 'datetime', nullable: true })
  lastSignInAt: Date | null = null;

  /** Set when the person deleted their own sign-in; the row stays, anonymised, for audit history. */
  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  setName(firstName: string, lastName: string): void {
    this.firstName = firstName;
    this.lastName = lastName;
    this.sortName = sortNameOf(firstName, lastName);
  }
}

/** The sort and search key of a person's names: lower-cased "first last". */
export const sortNameOf = (firstName: string, lastName: string) => `${firstName} ${lastName}`.toLowerCase();
