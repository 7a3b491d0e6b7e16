import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  BulkChangeRoleInput,
  BulkUnassignProductInput,
  BulkUsersInput,
  BulkUsersResult,
  PageArgs,
  SeatLedgerEntryConnection,
  SeatLedgerFilter,
  UndoSeatChangeInput,
  UndoSeatChangeResult,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { bulkChangeRole, bulkRemoveUsers, bulkResendInvitations, bulkUnassignProduct } from './bulk-users.service.js';
import { seatLedger, undoSeatChange } from './seat-undo.service.js';

/** Bulk actions on selected people of the Users list, the seat ledger and its undo. */
@Resolver()
export class BulkUsersResolver {
  @Allow(Permission.AssignSeats)
  @Mutation(() => BulkUsersResult, {
    description:
      'Takes back every seat covering a product (a collection\'s too) from selected people, in one transaction, one outcome per person (NOTHING_TO_DO when they hold none); `actionId` undoes it.',
  })
  bulkUnassignProduct(@Ctx() ctx: AccountContext, @Arg('input', () => BulkUnassignProductInput, { description: 'Who and which product.' }) input: BulkUnassignProductInput): Promise<BulkUsersResult> {
    return bulkUnassignProduct(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => BulkUsersResult, {
    description: 'Removes selected people from the account as `removeUser` does (never the primary admin or yourself: FORBIDDEN, BAD_USER_INPUT per person); `actionId` undoes it.',
  })
  bulkRemoveUsers(@Ctx() ctx: AccountContext, @Arg('input', () => BulkUsersInput, { description: 'Who to remove.' }) input: BulkUsersInput): Promise<BulkUsersResult> {
    return bulkRemoveUsers(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => BulkUsersResult, {
    description: 'Gives selected people a role as `changeRole` does: User or Secondary admin, never to or from the primary admin (FORBIDDEN for them, one outcome per person).',
  })
  bulkChangeRole(@Ctx() ctx: AccountContext, @Arg('input', () => BulkChangeRoleInput, { description: 'Who and which role.' }) input: BulkChangeRoleInput): Promise<BulkUsersResult> {
    return bulkChangeRole(ctx, input);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => BulkUsersResult, { description: 'Sends the pending invitation of selected people again (NOTHING_TO_DO for those who accepted).' })
  bulkResendInvitations(@Ctx() ctx: AccountContext, @Arg('input', () => BulkUsersInput, { description: 'Whose invitations.' }) input: BulkUsersInput): Promise<BulkUsersResult> {
    return bulkResendInvitations(ctx, input);
  }

  @Allow(Permission.ReadSeats)
  @Query(() => SeatLedgerEntryConnection, { description: 'The seat ledger: every seat assigned, unassigned or restored and every removal, with who did it, the latest first; admins only.' })
  seatLedger(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SeatLedgerFilter, { nullable: true, description: 'One person or one action.' }) filter?: SeatLedgerFilter | null,
  ): Promise<SeatLedgerEntryConnection> {
    return seatLedger(ctx, filter, page);
  }

  @Allow(Permission.ManageUsers)
  @Mutation(() => UndoSeatChangeResult, {
    description:
      'Undoes an unassignment or a removal within 14 days: the person back with role and team, the same seats if still free. SEAT_TAKEN names a seat taken meanwhile; ALREADY_UNDONE, UNDO_EXPIRED, NOT_UNDOABLE.',
  })
  undoSeatChange(@Ctx() ctx: AccountContext, @Arg('input', () => UndoSeatChangeInput, { description: 'The action or the entry.' }) input: UndoSeatChangeInput): Promise<UndoSeatChangeResult> {
    return undoSeatChange(ctx, input);
  }
}
