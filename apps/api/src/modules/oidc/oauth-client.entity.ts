import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * A product registered by the vendor as an OAuth client of Seatwise's OpenID provider: a public
 * native client (no secret), PKCE required, loopback redirects only (RFC 8252), with the device
 * grant (RFC 8628). The provider reads it through the adapter's `Client` model.
 */
@Entity({ tableName: 'oauth_clients' })
export class OAuthClient extends BaseEntity {
  @Property({ type: 'string', length: 100 })
  @Unique()
  clientId!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'json' })
  redirectUris!: string[];
}
