import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * Key material generated once and kept across restarts and instances: the OpenID provider's
 * signing keys and cookie keys (`oidc`), the lease signing key (`lease`). Sealed with the server's
 * secret key (`identity/two-step/secret-box.ts`), so a copy of the database alone does not yield them.
 */
@Entity({ tableName: 'signing_keys' })
export class SigningKey extends BaseEntity {
  @Property({ type: 'string', length: 40 })
  @Unique()
  purpose!: string;

  @Property({ type: 'text' })
  sealed!: string;
}
