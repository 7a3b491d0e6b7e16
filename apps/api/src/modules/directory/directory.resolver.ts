import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CreateDirectoryTokenPayload, DirectoryGroupConnection, DirectoryGroupInfo, DirectorySettings, PageArgs, UUID } from '@seatwise/schema';
import { listDirectoryGroups, mapDirectoryGroup } from './directory-groups.service.js';
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

  @Allow(Permission.ManageDirectory)
  @Query(() => DirectoryGroupConnection, { description: 'The groups the directory pushed, oldest first, with the team each maps to.' })
  directoryGroups(@Ctx() ctx: AccountContext, @Args(() => PageArgs) page: PageArgs): Promise<DirectoryGroupConnection> {
    return listDirectoryGroups(ctx, page);
  }

  @Allow(Permission.ManageDirectory)
  @Mutation(() => DirectoryGroupInfo, {
    description: "Maps a pushed group to a team (or none): its members move from the old team into it now, later joiners follow. NOT_FOUND for another account's group or team.",
  })
  mapDirectoryGroup(
    @Ctx() ctx: AccountContext,
    @Arg('groupId', () => UUID, { description: 'The group.' }) groupId: string,
    @Arg('teamId', () => UUID, { nullable: true, description: 'The team; null for none.' }) teamId: string | null,
  ): Promise<DirectoryGroupInfo> {
    return mapDirectoryGroup(ctx, groupId, teamId ?? null);
  }
}
