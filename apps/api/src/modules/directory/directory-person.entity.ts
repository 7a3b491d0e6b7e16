import { Entity, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * A SCIM User of the account: the person (their membership holds name, email, status) as the
 * directory knows them, with the whole resource the directory last sent (`resource`).
 */
@Entity({ tableName: 'directory_people' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'userNameKey'] })
@Unique({ properties: ['account', 'user'] })
@Index({ properties: ['account', 'externalId'] })
@Index({ properties: ['account', 'createdAt', 'id'] })
export class DirectoryPerson extends TenantEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @Property({ type: 'string', length: 254 })
  userName!: string;

  /** `userName` lower-cased: SCIM's userName is case-insensitive (RFC 7643 §4.1.1). */
  @Property({ type: 'string', length: 254 })
  userNameKey!: string;

  @Property({ type: 'string', length: 254, nullable: true })
  externalId: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  /** The SCIM resource as last written (without id and meta). */
  @Property({ type: 'json' })
  resource!: Record<string, unknown>;

  /** The subscriptions whose seats the last deactivation released, for reactivation. */
  @Property({ type: 'json', nullable: true })
  releasedSeats: (string[] & Opt) | null = null;

  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
