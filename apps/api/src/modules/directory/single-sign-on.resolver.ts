import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AddSsoProviderInput, SingleSignOnSettings, SingleSignOnStart, SsoDomain, SsoProvider, UUID } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { beginSingleSignOn, singleSignOnRoutes } from './sso-sign-in.service.js';
import {
  addSsoProvider,
  claimSsoDomain,
  removeSsoDomain,
  removeSsoProvider,
  setSingleSignOnRequired,
  singleSignOnSettings,
  verifySsoDomain,
} from './sso-settings.service.js';

/** Single sign-on with OpenID Connect: set up by the primary admin ("Directory and sign-in"), used on the sign-in page. */
@Resolver()
export class SingleSignOnResolver {
  @Allow(Permission.ManageDirectory)
  @Query(() => SingleSignOnSettings, { description: "The account's single sign-on: providers, claimed domains, whether it is required." })
  singleSignOnSettings(@Ctx() ctx: AccountContext): Promise<SingleSignOnSettings> {
    return singleSignOnSettings(ctx);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => SsoProvider, { description: 'Adds an OpenID Connect provider after reading its discovery document (SSO_PROVIDER_UNREACHABLE when it cannot be read).' })
  addSsoProvider(@Ctx() ctx: AccountContext, @Arg('input', () => AddSsoProviderInput, { description: 'The provider.' }) input: AddSsoProviderInput): Promise<SsoProvider> {
    return addSsoProvider(ctx, input);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => Boolean, { description: "Removes a provider with its domains and its people's links. NOT_FOUND for another account's." })
  removeSsoProvider(@Ctx() ctx: AccountContext, @Arg('providerId', () => UUID, { description: 'The provider.' }) providerId: string): Promise<boolean> {
    return removeSsoProvider(ctx, providerId);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => SsoDomain, { description: "Claims an email domain for a provider; it routes sign-ins once verified. NOT_FOUND for another account's provider." })
  claimSsoDomain(
    @Ctx() ctx: AccountContext,
    @Arg('providerId', () => UUID, { description: 'The provider its sign-ins go to.' }) providerId: string,
    @Arg('domain', () => String, { description: 'The email domain, e.g. example.com.' }) domain: string,
  ): Promise<SsoDomain> {
    return claimSsoDomain(ctx, providerId, domain);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => SsoDomain, { description: 'Looks up the DNS TXT record `seatwise-verification=<token>`; SSO_DOMAIN_NOT_VERIFIED when it is not there.' })
  verifySsoDomain(@Ctx() ctx: AccountContext, @Arg('domainId', () => UUID, { description: 'The claimed domain.' }) domainId: string): Promise<SsoDomain> {
    return verifySsoDomain(ctx, domainId);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => Boolean, { description: 'Removes a claimed domain: its sign-ins are no longer routed.' })
  removeSsoDomain(@Ctx() ctx: AccountContext, @Arg('domainId', () => UUID, { description: 'The claimed domain.' }) domainId: string): Promise<boolean> {
    return removeSsoDomain(ctx, domainId);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => SingleSignOnSettings, {
    description: 'Require single sign-on or not. Needs a verified domain and 2-step verification on your own sign-in (the break-glass way in).',
  })
  setSingleSignOnRequired(@Ctx() ctx: AccountContext, @Arg('required', () => Boolean, { description: 'Whether it is required.' }) required: boolean): Promise<SingleSignOnSettings> {
    return setSingleSignOnRequired(ctx, required);
  }

  @Allow(Permission.SignInFlow)
  @Query(() => Boolean, { description: "Whether the email's domain signs in through single sign-on (a verified domain): the sign-in page then skips the password." })
  singleSignOnRoutes(@Ctx() ctx: RequestContext, @Arg('email', () => String, { description: 'The email address typed.' }) email: string): Promise<boolean> {
    return singleSignOnRoutes(ctx, email);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => SingleSignOnStart, { description: "Starts a sign-in through the provider of the email's verified domain; SSO_DOMAIN_NOT_VERIFIED when none routes it." })
  beginSingleSignOn(@Ctx() ctx: RequestContext, @Arg('email', () => String, { description: 'The email address to sign in with.' }) email: string): Promise<SingleSignOnStart> {
    return beginSingleSignOn(ctx, email);
  }
}
