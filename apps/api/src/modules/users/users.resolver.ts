import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { UUID, User, UserConnection, UsersFilter, UsersOrder } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { getUser, listUsers } from './users.service.js';

@Resolver()
export class UsersResolver {
  @Allow(Permission.ReadUsers)
  @Query(() => UserConnection, { description: "A page of the account's users (\"By User\"); admins only." })
  users(
    @Ctx() ctx: AccountContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 25).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
    after?: string,
    @Arg('filter', () => UsersFilter, { nullable: true, description: 'Which users to include.' }) filter?: UsersFilter,
    @Arg('orderBy', () => UsersOrder, { nullable: true, description: 'Sort order; by name ascending when omitted.' })
    orderBy?: UsersOrder,
  ): Promise<UserConnection> {
    return listUsers(ctx, { first, after, filter, orderBy });
  }

  @Allow(Permission.ReadUsers)
  @Query(() => User, { description: 'One user of the account, by id; admins only. NOT_FOUND for any other id.' })
  user(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The user id.' }) id: string): Promise<User> {
    return getUser(ctx, id);
  }
}
