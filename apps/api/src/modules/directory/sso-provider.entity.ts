import { Entity, Filter, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { tenantFilter } from '../../db/base.entity.js';
import { TenantEntity } from '../accounts/tenant.entity.js';
import { User } from '../identity/user.entity.js';

/**
 * An OpenID Connect provider the account's people sign in through (single sign-on): the
 * customer's own identity provider, Seatwise its relying party. The client secret is sealed with
 * the secret box (`identity/two-step/secret-box.ts`) and never sent back.
 */
@Entity({ tableName: 'sso_providers' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'issuer', 'clientId'] })
@Index({ properties: ['account', 'createdAt', 'id'] })
export class SsoProvider extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The issuer identifier (its discovery document is `<issuer>/.well-known/openid-configuration`). */
  @Property({ type: 'string', length: 500 })
  issuer!: string;

  @Property({ type: 'string', length: 200 })
  clientId!: string;

  @Property({ type: 'text' })
  clientSecretSealed!: string;

  /** Just-in-time membership: a person the account does not have yet becomes a member on first sign-in. */
  @Property({ type: 'boolean', default: false })
  jitEnabled: boolean & Opt = false;

  /** With JIT on, the claim the ID token must carry (true, or a non-empty value) for a new member; null: none. */
  @Property({ type: 'string', length: 100, nullable: true })
  jitClaim: string | null = null;

  /** The claim listing the person's groups, matched to the directory's groups by name. */
  @Property({ type: 'string', length: 100, default: 'groups' })
  groupsClaim: string & Opt = 'groups';

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/**
 * An email domain the account claims for a provider: it routes sign-ins only once its DNS TXT
 * record `seatwise-verification=<token>` was found. `verifiedDomain` is the domain while verified,
 * unique across accounts, so only one account routes a domain.
 */
@Entity({ tableName: 'sso_domains' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'domain'] })
@Index({ properties: ['account', 'createdAt', 'id'] })
@Index({ properties: ['account', 'provider'] })
export class SsoDomain extends TenantEntity {
  @Property({ type: 'string', length: 253 })
  domain!: string;

  @ManyToOne(() => SsoProvider, { deleteRule: 'cascade', index: false })
  provider!: SsoProvider;

  @Property({ type: 'string', length: 64 })
  token!: string;

  @Property({ type: 'datetime', nullable: true })
  verifiedAt: Date | null = null;

  @Property({ type: 'string', length: 253, nullable: true })
  @Unique()
  verifiedDomain: string | null = null;
}

/** A person as a provider knows them: issuer and subject, never the email alone. */
@Entity({ tableName: 'sso_identities' })
@Filter(tenantFilter)
@Unique({ properties: ['account', 'issuer', 'subject'] })
@Index({ properties: ['account', 'user'] })
@Index({ properties: ['account', 'provider'] })
export class SsoIdentity extends TenantEntity {
  @ManyToOne(() => SsoProvider, { deleteRule: 'cascade', index: false })
  provider!: SsoProvider;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: false })
  user!: User;

  @Property({ type: 'string', length: 500 })
  issuer!: string;

  @Property({ type: 'string', length: 255 })
  subject!: string;

  @Property({ type: 'datetime', nullable: true })
  lastSignInAt: Date | null = null;
}

/** One sign-in on its way through a provider: the state (hashed), nonce and PKCE verifier, used once. */
@Entity({ tableName: 'sso_sign_ins' })
@Filter(tenantFilter)
@Index({ properties: ['account', 'provider'] })
export class SsoSignIn extends TenantEntity {
  @ManyToOne(() => SsoProvider, { deleteRule: 'cascade', index: false })
  provider!: SsoProvider;

  @Property({ type: 'string', length: 64 })
  @Unique()
  stateHash!: string;

  @Property({ type: 'string', length: 64 })
  nonce!: string;

  @Property({ type: 'string', length: 128 })
  codeVerifier!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
