import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: "An OpenID Connect provider the account's people sign in through. Its client secret is never sent back." })
export class SsoProvider {
  @Field(() => ID, { description: 'Identifier of the provider.' })
  id!: string;

  @Field(() => String, { description: 'A name to recognise it by, shown to admins.' })
  name!: string;

  @Field(() => String, { description: 'The issuer identifier (its discovery document is at `<issuer>/.well-known/openid-configuration`).' })
  issuer!: string;

  @Field(() => String, { description: 'The client id Seatwise has at the provider.' })
  clientId!: string;

  @Field(() => Boolean, { description: 'Just-in-time membership: a person the account does not have yet becomes a member on first sign-in.' })
  jitEnabled!: boolean;

  @Field(() => String, { nullable: true, description: 'With JIT on, the claim the ID token must carry (true or a non-empty value) for a new member; null: none.' })
  jitClaim!: string | null;

  @Field(() => String, { description: "The claim listing the person's groups, matched by name to the directory's groups and their teams." })
  groupsClaim!: string;

  @Field(() => Date, { description: 'When it was added.' })
  createdAt!: Date;
}

@ObjectType({ description: 'An email domain the account claims for single sign-on: it routes sign-ins once its DNS TXT record is found.' })
export class SsoDomain {
  @Field(() => ID, { description: 'Identifier of the claim.' })
  id!: string;

  @Field(() => String, { description: 'The domain, lower case (example.com).' })
  domain!: string;

  @Field(() => ID, { description: 'The provider its sign-ins go to.' })
  providerId!: string;

  @Field(() => String, { description: 'The TXT record to publish at the domain: `seatwise-verification=<token>`.' })
  txtRecord!: string;

  @Field(() => Date, { nullable: true, description: 'When the TXT record was found; null: not verified, sign-ins are not routed.' })
  verifiedAt!: Date | null;
}

@ObjectType({ description: "The account's single sign-on: its providers, claimed domains and whether it is required." })
export class SingleSignOnSettings {
  @Field(() => Boolean, { description: 'Require single sign-on: only the primary admin may still sign in with password and 2-step (break-glass, audited).' })
  required!: boolean;

  @Field(() => String, { description: 'The redirect URI to register at the provider.' })
  redirectUri!: string;

  @Field(() => [SsoProvider], { description: 'The providers, oldest first.' })
  providers!: SsoProvider[];

  @Field(() => [SsoDomain], { description: 'The claimed domains, oldest first.' })
  domains!: SsoDomain[];
}

@InputType({ description: 'A new OpenID Connect provider: Seatwise reads its discovery document before saving it.' })
export class AddSsoProviderInput {
  @Field(() => String, { description: 'A name to recognise it by, 1 to 100 characters.' })
  name!: string;

  @Field(() => String, { description: 'The issuer identifier, an https:// URL (http:// only on this machine).' })
  issuer!: string;

  @Field(() => String, { description: 'The client id registered for Seatwise at the provider.' })
  clientId!: string;

  @Field(() => String, { description: 'The client secret; stored encrypted, never sent back.' })
  clientSecret!: string;

  @Field(() => Boolean, { nullable: true, description: 'Just-in-time membership; off when omitted.' })
  jitEnabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'With JIT on, the claim a new member must carry; none when omitted.' })
  jitClaim?: string | null;

  @Field(() => String, { nullable: true, description: 'The groups claim; `groups` when omitted.' })
  groupsClaim?: string | null;
}

@ObjectType({ description: 'Where the browser goes to sign in through the provider of the email address.' })
export class SingleSignOnStart {
  @Field(() => String, { description: "The provider's authorization address (with state, nonce and a PKCE challenge)." })
  redirectUrl!: string;
}
