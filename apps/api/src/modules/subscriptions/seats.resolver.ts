import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  AssignableSubscription,
  AssignSeatInput,
  BulkAssignSeatsInput,
  BulkAssignSeatsResult,
  Seat,
  UnassignSeatInput,
  UUID,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { assignSeat, bulkAssignSeats, listAssignableSubscriptions, unassignSeat, userSeats } from './seats.service.js';

@Resolver()
export class SeatsResolver {
  @Allow(Permission.ReadSeats)
  @Query(() => [AssignableSubscription], { description: 'Subscriptions whose seats can be assigned now (active, not expired), with free seats; admins only.' })
  assignableSubscriptions(@Ctx() ctx: AccountContext): Promise<AssignableSubscription[]> {
    return listAssignableSubscriptions(ctx);
  }

  @Allow(Permission.ReadSeats)
  @Query(() => [Seat], { description: 'The seats one user holds ("View Details"); admins only.' })
  userSeats(@Ctx() ctx: AccountContext, @Arg('userId', () => UUID, { description: 'The user.' }) userId: string): Promise<Seat[]> {
    return userSeats(ctx, userId);
  }

  @Allow(Permission.AssignSeats)
  @Mutation(() => Seat, {
    description: 'Assigns one seat ("Assign"). SEAT_LIMIT_REACHED when none is free, also under concurrent requests; SEAT_ALREADY_ASSIGNED when the user holds one.',
  })
  assignSeat(@Ctx() ctx: AccountContext, @Arg('input', () => AssignSeatInput, { description: 'Who gets a seat of what.' }) input: AssignSeatInput): Promise<Seat> {
    return assignSeat(ctx, input);
  }

  @Allow(Permission.AssignSeats)
  @Mutation(() => BulkAssignSeatsResult, { description: 'Assigns a seat of one subscription to several users, all or none (SEAT_LIMIT_REACHED).' })
  bulkAssignSeats(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => BulkAssignSeatsInput, { description: 'Who gets a seat of what.' }) input: BulkAssignSeatsInput,
  ): Promise<BulkAssignSeatsResult> {
    return bulkAssignSeats(ctx, input);
  }

  @Allow(Permission.AssignSeats)
  @Mutation(() => AssignableSubscription, { description: 'Takes a seat back ("Unassign"); returns its subscription with the freed seat.' })
  unassignSeat(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => UnassignSeatInput, { description: 'The assignment to remove.' }) input: UnassignSeatInput,
  ): Promise<AssignableSubscription> {
    return unassignSeat(ctx, input);
  }
}
