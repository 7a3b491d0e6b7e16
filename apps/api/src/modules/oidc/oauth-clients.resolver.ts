import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateOAuthClientInput, OAuthClient, OAuthClientConnection, UUID } from '@seatwise/schema';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { createOAuthClient, deleteOAuthClient, listOAuthClients } from './oauth-clients.service.js';

/** The vendor's products as OAuth clients of Seatwise's OpenID provider (issue 17). */
@Resolver()
export class OAuthClientsResolver {
  @AllowVendor(VendorPermission.MANAGE_OAUTH_CLIENTS)
  @Query(() => OAuthClientConnection, { description: 'The products registered as OAuth clients, newest first (operators only).' })
  oauthClients(
    @Ctx() ctx: StaffContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
  ): Promise<OAuthClientConnection> {
    return listOAuthClients(ctx, first, after);
  }

  @AllowVendor(VendorPermission.MANAGE_OAUTH_CLIENTS)
  @Mutation(() => OAuthClient, { description: 'Registers a product as a public OAuth client (PKCE required, loopback redirects only, device grant) and returns its client_id.' })
  createOAuthClient(
    @Arg('input', () => CreateOAuthClientInput, { description: 'Name and loopback redirect URIs.' }) input: CreateOAuthClientInput,
    @Ctx() ctx: StaffContext,
  ): Promise<OAuthClient> {
    return createOAuthClient(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_OAUTH_CLIENTS)
  @Mutation(() => Boolean, { description: 'Deletes an OAuth client: every connection and token of it ends at once.' })
  deleteOAuthClient(@Arg('id', () => UUID, { description: 'The registration.' }) id: string, @Ctx() ctx: StaffContext): Promise<boolean> {
    return deleteOAuthClient(ctx, id);
  }
}
