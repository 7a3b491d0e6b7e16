import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { ChangeRoleInput, MoveUsersToTeamInput, RemoveUserInput, TransferPrimaryAdminInput, User } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { changeRole, moveUsersToTeam, removeUser, transferPrimaryAdmin } from './user-admin.service.js';

@Resolver()
export class UserAdminResolver {
  @Allow(Permission.ManageUsers)
  @Mutation(() => User, {
    description: '"Change role" between User and Secondary admin. FORBIDDEN on the primary admin; CONFLICT when `version` is stale.',
  })
  changeRole(@Ctx() ctx: AccountContext, @Arg('input', () => ChangeRoleInput, { description: 'Who and which role.' }) input: ChangeRoleInput): Promise<User> {
    return changeRole(ctx, input);
  }

  @Allow(Permission.TransferPrimaryAdmin)
  @Mutation(() => User, {
    description: 'Hands the primary admin role to an active user; the caller (the primary admin) confirms with their password and becomes a secondary admin.',
  })
  transferPrimaryAdmin(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => TransferPrimaryAdminInput, { description: 'Who takes over, and the confirmation.' }) input: TransferPrimaryAdminInput,
  ): Promise<User> {
    return transferPrimaryAdmin(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => User, {
    description: 'Removes a user from the account: seats released, pending invitations revoked, sessions ended, history kept. Not the primary admin, not yourself.',
  })
  removeUser(@Ctx() ctx: AccountContext, @Arg('input', () => RemoveUserInput, { description: 'Who to remove.' }) input: RemoveUserInput): Promise<User> {
    return removeUser(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => Int, { description: 'Moves users into a team (or out of any); returns how many changed team.' })
  moveUsersToTeam(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => MoveUsersToTeamInput, { description: 'Who and where to.' }) input: MoveUsersToTeamInput,
  ): Promise<number> {
    return moveUsersToTeam(ctx, input);
  }
}
