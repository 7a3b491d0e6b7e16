import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CreateDirectoryTokenPayload, DirectorySettings } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { createDirectoryToken, directorySettings, revokeDirectoryToken } from './directory-tokens.service.js';

/** The "Directory and sign-in" page: the primary admin connects the account's directory (SCIM). */
@Resolver()
export class DirectoryResolver {
  @Allow(Permission.ManageDirectory)
  @Query(() => DirectorySettings, { description: "How the account's directory connects through SCIM: the address, the live token and what it provisioned." })
  directorySettings(@Ctx() ctx: AccountContext): Promise<DirectorySettings> {
    return directorySettings(ctx);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => CreateDirectoryTokenPayload, {
    description: 'Makes the SCIM token and returns its secret, shown only this once; an older token stops working at once (rotation).',
  })
  createDirectoryToken(@Ctx() ctx: AccountContext): Promise<CreateDirectoryTokenPayload> {
    return createDirectoryToken(ctx);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => Boolean, { description: 'Revokes the SCIM token: the directory can no longer provision. False when there was none.' })
  revokeDirectoryToken(@Ctx() ctx: AccountContext): Promise<boolean> {
    return revokeDirectoryToken(ctx);
  }
}
