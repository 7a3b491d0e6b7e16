import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { HomeUseLicenceInput, LicenceRequest, LicenceRequestConnection, LicenceRequestFilter, NetworkLicenceInput, PageArgs } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { licenceVerificationKey, listLicenceRequests, requestHomeUseLicence, requestNetworkLicence } from './licensing.service.js';

@Resolver()
export class LicensingResolver {
  @Allow(Permission.ReadProducts)
  @Query(() => LicenceRequestConnection, { description: 'Home-use and network licence requests, the newest first: a User sees their own, admins the whole account.' })
  licenceRequests(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => LicenceRequestFilter, { nullable: true, description: 'Which requests.' }) filter?: LicenceRequestFilter,
  ): Promise<LicenceRequestConnection> {
    return listLicenceRequests(ctx, page, filter);
  }

  @Allow(Permission.Public)
  @Query(() => String, {
    description: "The vendor's Ed25519 public key (PEM) that verifies network licence files offline.",
  })
  licenceVerificationKey(@Ctx() ctx: RequestContext): string {
    return licenceVerificationKey(ctx);
  }

  @Allow(Permission.UseProducts)
  @Mutation(() => LicenceRequest, { description: 'F-24: request home-use activation of a single-user licence you hold a seat of.' })
  requestHomeUseLicence(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => HomeUseLicenceInput, { description: 'Product and version.' }) input: HomeUseLicenceInput,
  ): Promise<LicenceRequest> {
    return requestHomeUseLicence(ctx, input);
  }

  @Allow(Permission.RequestNetworkLicence)
  @Mutation(() => LicenceRequest, { description: 'F-24: generate a network licence file, signed with the vendor key; admins only.' })
  requestNetworkLicence(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => NetworkLicenceInput, { description: 'Subscription, version, server and seats.' }) input: NetworkLicenceInput,
  ): Promise<LicenceRequest> {
    return requestNetworkLicence(ctx, input);
  }
}
