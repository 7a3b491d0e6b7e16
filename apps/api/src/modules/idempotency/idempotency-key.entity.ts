import { Entity, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * A create or change that came with an idempotency key: claimed in the change's own transaction
 * (the unique key on principal and key lets one of two racing requests through), with a hash of
 * the request and, once it ran, its result, which a replay gets back unchanged.
 */
@Entity({ tableName: 'idempotency_keys' })
@Unique({ properties: ['principal', 'key'] })
@Index({ properties: ['expiresAt'] })
export class IdempotencyKey extends BaseEntity {
  /** Whose key it is: `vendor` (vendor tokens), `staff:<user>`, `account:<account>:<user>`. */
  @Property({ type: 'string', length: 120 })
  principal!: string;

  @Property({ type: 'string', length: 200 })
  key!: string;

  /** The operation this key was used for (e.g. createCustomer), named in a conflict. */
  @Property({ type: 'string', length: 100 })
  operation!: string;

  /** SHA-256 of the operation name and its arguments. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** The serialized result; null only inside the claiming transaction. */
  @Property({ type: 'text', nullable: true })
  result: (string & Opt) | null = null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
