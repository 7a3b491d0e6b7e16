import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ApiScope, CreateTeamInput, DeleteTeamInput, MoveSubscriptionsToTeamInput, RenameTeamInput, Role, Team, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { RequireScope } from '../../graphql/access.js';
import { createTeam, deleteTeam, moveSubscriptionsToTeam, renameTeam } from './teams.admin.service.js';
import { getTeam, listTeams } from './teams.service.js';

const ADMINS = [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN];

@Resolver()
export class TeamsResolver {
  @Authorized(ADMINS)
  @RequireScope(ApiScope.READ_USERS)
  @Query(() => [Team], { description: "The account's teams, by name; admins only." })
  teams(@Ctx() ctx: AccountContext): Promise<Team[]> {
    return listTeams(ctx);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.READ_USERS)
  @Query(() => Team, { description: 'One team of the account, by id; admins only. NOT_FOUND for any other id.' })
  team(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The team id.' }) id: string): Promise<Team> {
    return getTeam(ctx, id);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => Team, { description: 'Creates a team; the name must be unique in the account.' })
  createTeam(@Ctx() ctx: AccountContext, @Arg('input', () => CreateTeamInput, { description: 'The new team.' }) input: CreateTeamInput): Promise<Team> {
    return createTeam(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => Team, { description: 'Renames a team.' })
  renameTeam(@Ctx() ctx: AccountContext, @Arg('input', () => RenameTeamInput, { description: 'Which team and its new name.' }) input: RenameTeamInput): Promise<Team> {
    return renameTeam(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => Boolean, { description: 'Deletes a team: TEAM_NOT_EMPTY while it has users or subscriptions, unless told where to move them.' })
  deleteTeam(@Ctx() ctx: AccountContext, @Arg('input', () => DeleteTeamInput, { description: 'Which team, and where its members go.' }) input: DeleteTeamInput): Promise<boolean> {
    return deleteTeam(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => Int, { description: 'Moves subscriptions into a team (or out of any); returns how many changed team.' })
  moveSubscriptionsToTeam(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => MoveSubscriptionsToTeamInput, { description: 'Which subscriptions and where to.' }) input: MoveSubscriptionsToTeamInput,
  ): Promise<number> {
    return moveSubscriptionsToTeam(ctx, input);
  }
}
