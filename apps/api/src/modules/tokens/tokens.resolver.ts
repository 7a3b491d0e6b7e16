import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiToken, ApiTokenConnection, ApiTokensFilter, CreateApiTokenInput, CreateApiTokenPayload, PageArgs, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.js';

/** Token management is for people: a token cannot create or revoke tokens. */
@Resolver()
export class TokensResolver {
  @Allow(Permission.ManageOwnTokens)
  @Query(() => ApiTokenConnection, {
    description: "Your personal API tokens and, for admins, the account's service tokens; newest first.",
  })
  apiTokens(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ApiTokensFilter, { nullable: true, description: 'Which tokens to include.' }) filter?: ApiTokensFilter,
  ): Promise<ApiTokenConnection> {
    return listApiTokens(ctx, { ...page, filter });
  }

  @Allow(Permission.ManageOwnTokens)
  @Mutation(() => CreateApiTokenPayload, {
    description: 'Creates an API token and returns its secret, shown only this once. Service tokens: admins only.',
  })
  createApiToken(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => CreateApiTokenInput, { description: 'Kind, name, scopes and lifetime of the token.' }) input: CreateApiTokenInput,
  ): Promise<CreateApiTokenPayload> {
    return createApiToken(ctx, input);
  }

  @Allow(Permission.ManageOwnTokens)
  @Mutation(() => ApiToken, {
    description: 'Revokes one of your tokens (admins: also a service token); it stops working at once. Revoking twice is not an error.',
  })
  revokeApiToken(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The token id.' }) id: string): Promise<ApiToken> {
    return revokeApiToken(ctx, id);
  }
}
