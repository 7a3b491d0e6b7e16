import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ApiScope, Role, Team } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { RequireScope } from '../../graphql/access.js';
import { getTeam, listTeams } from './teams.service.js';

@Resolver()
export class TeamsResolver {
  @Authorized([Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN])
  @RequireScope(ApiScope.READ_USERS)
  @Query(() => [Team], { description: "The account's teams, by name; admins only." })
  teams(@Ctx() ctx: AccountContext): Promise<Team[]> {
    return listTeams(ctx);
  }

  @Authorized([Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN])
  @RequireScope(ApiScope.READ_USERS)
  @Query(() => Team, { description: 'One team of the account, by id; admins only. NOT_FOUND for any other id.' })
  team(@Ctx() ctx: AccountContext, @Arg('id', () => ID, { description: 'The team id.' }) id: string): Promise<Team> {
    return getTeam(ctx, id);
  }
}
