import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateVendorApiTokenInput, CreateVendorApiTokenPayload, UUID, VendorApiToken, VendorApiTokenConnection } from '@seatwise/schema';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { createVendorApiToken, listVendorApiTokens, revokeVendorApiToken } from './vendor-tokens.service.js';

/** The Vendor console's API tokens, for billing systems: operators in the console only (no token manages tokens). */
@Resolver()
export class VendorTokensResolver {
  @AllowVendor(VendorPermission.MANAGE_TOKENS)
  @Query(() => VendorApiTokenConnection, { description: "The vendor's service tokens, newest first (operators only)." })
  vendorApiTokens(
    @Ctx() ctx: StaffContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
  ): Promise<VendorApiTokenConnection> {
    return listVendorApiTokens(ctx, first, after);
  }

  @AllowVendor(VendorPermission.MANAGE_TOKENS)
  @Mutation(() => CreateVendorApiTokenPayload, {
    description: 'Creates a vendor service token (it acts as the vendor, limited to its vendor scopes) and returns its secret, shown only this once.',
  })
  createVendorApiToken(
    @Arg('input', () => CreateVendorApiTokenInput, { description: 'Name, vendor scopes and lifetime.' }) input: CreateVendorApiTokenInput,
    @Ctx() ctx: StaffContext,
  ): Promise<CreateVendorApiTokenPayload> {
    return createVendorApiToken(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_TOKENS)
  @Mutation(() => VendorApiToken, { description: 'Revokes a vendor service token; it stops working at once. Revoking twice is not an error.' })
  revokeVendorApiToken(@Arg('id', () => UUID, { description: 'The token.' }) id: string, @Ctx() ctx: StaffContext): Promise<VendorApiToken> {
    return revokeVendorApiToken(ctx, id);
  }
}
