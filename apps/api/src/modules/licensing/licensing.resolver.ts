import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiScope, HomeUseLicenceInput, LicenceRequest, NetworkLicenceInput, Role } from '@seatwise/schema';
import type { AccountContext, RequestContext } from '../../context.js';
import { Public, RequireScope } from '../../graphql/access.js';
import { licenceVerificationKey, listLicenceRequests, requestHomeUseLicence, requestNetworkLicence } from './licensing.service.js';

@Resolver()
export class LicensingResolver {
  @Authorized()
  @RequireScope(ApiScope.READ_PRODUCTS)
  @Query(() => [LicenceRequest], { description: 'Home-use and network licence requests: a User sees their own, admins the whole account.' })
  licenceRequests(@Ctx() ctx: AccountContext): Promise<LicenceRequest[]> {
    return listLicenceRequests(ctx);
  }

  @Public()
  @Query(() => String, {
    description: "The vendor's Ed25519 public key (PEM) that verifies network licence files offline.",
  })
  licenceVerificationKey(@Ctx() ctx: RequestContext): string {
    return licenceVerificationKey(ctx);
  }

  @Authorized()
  @RequireScope(ApiScope.WRITE_PRODUCTS)
  @Mutation(() => LicenceRequest, { description: 'F-24: request home-use activation of a single-user licence you hold a seat of.' })
  requestHomeUseLicence(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => HomeUseLicenceInput, { description: 'Product and version.' }) input: HomeUseLicenceInput,
  ): Promise<LicenceRequest> {
    return requestHomeUseLicence(ctx, input);
  }

  @Authorized([Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN])
  @RequireScope(ApiScope.WRITE_PRODUCTS)
  @Mutation(() => LicenceRequest, { description: 'F-24: generate a network licence file, signed with the vendor key; admins only.' })
  requestNetworkLicence(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => NetworkLicenceInput, { description: 'Subscription, version, server and seats.' }) input: NetworkLicenceInput,
  ): Promise<LicenceRequest> {
    return requestNetworkLicence(ctx, input);
  }
}
