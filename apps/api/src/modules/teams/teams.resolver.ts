import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateTeamInput, DeleteTeamInput, MoveSubscriptionsToTeamInput, PageArgs, RenameTeamInput, Team, TeamConnection, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { createTeam, deleteTeam, moveSubscriptionsToTeam, renameTeam } from './teams.admin.service.js';
import { getTeam, listTeams } from './teams.service.js';

@Resolver()
export class TeamsResolver {
  @Allow(Permission.ReadUsers)
  @Query(() => TeamConnection, { description: "The account's teams, by name; admins only." })
  teams(@Ctx() ctx: AccountContext, @Args(() => PageArgs) page: PageArgs): Promise<TeamConnection> {
    return listTeams(ctx, page);
  }

  @Allow(Permission.ReadUsers)
  @Query(() => Team, { description: 'One team of the account, by id; admins only. NOT_FOUND for any other id.' })
  team(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The team id.' }) id: string): Promise<Team> {
    return getTeam(ctx, id);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Team, { description: 'Creates a team; the name must be unique in the account.' })
  createTeam(@Ctx() ctx: AccountContext, @Arg('input', () => CreateTeamInput, { description: 'The new team.' }) input: CreateTeamInput): Promise<Team> {
    return createTeam(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Team, { description: 'Renames a team.' })
  renameTeam(@Ctx() ctx: AccountContext, @Arg('input', () => RenameTeamInput, { description: 'Which team and its new name.' }) input: RenameTeamInput): Promise<Team> {
    return renameTeam(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Boolean, { description: 'Deletes a team: TEAM_NOT_EMPTY while it has users or subscriptions, unless told where to move them.' })
  deleteTeam(@Ctx() ctx: AccountContext, @Arg('input', () => DeleteTeamInput, { description: 'Which team, and where its members go.' }) input: DeleteTeamInput): Promise<boolean> {
    return deleteTeam(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Int, { description: 'Moves subscriptions into a team (or out of any); returns how many changed team.' })
  moveSubscriptionsToTeam(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => MoveSubscriptionsToTeamInput, { description: 'Which subscriptions and where to.' }) input: MoveSubscriptionsToTeamInput,
  ): Promise<number> {
    return moveSubscriptionsToTeam(ctx, input);
  }
}
