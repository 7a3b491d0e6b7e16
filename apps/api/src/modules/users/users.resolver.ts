import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { PageArgs, User, UserConnection, UsersFilter, UsersOrder, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { getUser, listUsers } from './users.service.js';

@Resolver()
export class UsersResolver {
  @Allow(Permission.ReadUsers)
  @Query(() => UserConnection, { description: "A page of the account's users (\"By User\"); admins only." })
  users(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => UsersFilter, { nullable: true, description: 'Which users to include.' }) filter?: UsersFilter,
    @Arg('orderBy', () => UsersOrder, { nullable: true, description: 'Sort order; by name ascending when omitted.' })
    orderBy?: UsersOrder,
  ): Promise<UserConnection> {
    return listUsers(ctx, { ...page, filter, orderBy });
  }

  @Allow(Permission.ReadUsers)
  @Query(() => User, { description: 'One user of the account, by id; admins only. NOT_FOUND for any other id.' })
  user(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The user id.' }) id: string): Promise<User> {
    return getUser(ctx, id);
  }
}
