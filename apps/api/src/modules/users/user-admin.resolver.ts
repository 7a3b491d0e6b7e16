import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { ApiScope, ChangeRoleInput, MoveUsersToTeamInput, RemoveUserInput, Role, TransferPrimaryAdminInput, User } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { RequireScope, SessionOnly } from '../../graphql/access.js';
import { changeRole, moveUsersToTeam, removeUser, transferPrimaryAdmin } from './user-admin.service.js';

const ADMINS = [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN];

@Resolver()
export class UserAdminResolver {
  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => User, {
    description: '"Change role" between User and Secondary admin. FORBIDDEN on the primary admin; CONFLICT when `version` is stale.',
  })
  changeRole(@Ctx() ctx: AccountContext, @Arg('input', () => ChangeRoleInput, { description: 'Who and which role.' }) input: ChangeRoleInput): Promise<User> {
    return changeRole(ctx, input);
  }

  @Authorized([Role.PRIMARY_ADMIN])
  @SessionOnly()
  @Mutation(() => User, {
    description: 'Hands the primary admin role to an active user; the caller (the primary admin) confirms with their password and becomes a secondary admin.',
  })
  transferPrimaryAdmin(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => TransferPrimaryAdminInput, { description: 'Who takes over, and the confirmation.' }) input: TransferPrimaryAdminInput,
  ): Promise<User> {
    return transferPrimaryAdmin(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => User, {
    description: 'Removes a user from the account: seats released, pending invitations revoked, sessions ended, history kept. Not the primary admin, not yourself.',
  })
  removeUser(@Ctx() ctx: AccountContext, @Arg('input', () => RemoveUserInput, { description: 'Who to remove.' }) input: RemoveUserInput): Promise<User> {
    return removeUser(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_USERS)
  @Mutation(() => Int, { description: 'Moves users into a team (or out of any); returns how many changed team.' })
  moveUsersToTeam(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => MoveUsersToTeamInput, { description: 'Who and where to.' }) input: MoveUsersToTeamInput,
  ): Promise<number> {
    return moveUsersToTeam(ctx, input);
  }
}
