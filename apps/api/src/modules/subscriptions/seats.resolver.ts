import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  ApiScope,
  AssignableSubscription,
  AssignSeatInput,
  BulkAssignSeatsInput,
  BulkAssignSeatsResult,
  Role,
  Seat,
  UnassignSeatInput,
  UUID,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { RequireScope } from '../../graphql/access.js';
import { assignSeat, bulkAssignSeats, listAssignableSubscriptions, unassignSeat, userSeats } from './seats.service.js';

const ADMINS = [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN];

@Resolver()
export class SeatsResolver {
  @Authorized(ADMINS)
  @RequireScope(ApiScope.READ_SEATS)
  @Query(() => [AssignableSubscription], { description: 'Subscriptions whose seats can be assigned now (active, not expired), with free seats; admins only.' })
  assignableSubscriptions(@Ctx() ctx: AccountContext): Promise<AssignableSubscription[]> {
    return listAssignableSubscriptions(ctx);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.READ_SEATS)
  @Query(() => [Seat], { description: 'The seats one user holds ("View Details"); admins only.' })
  userSeats(@Ctx() ctx: AccountContext, @Arg('userId', () => UUID, { description: 'The user.' }) userId: string): Promise<Seat[]> {
    return userSeats(ctx, userId);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_SEATS)
  @Mutation(() => Seat, {
    description: 'Assigns one seat ("Assign"). SEAT_LIMIT_REACHED when none is free, also under concurrent requests; SEAT_ALREADY_ASSIGNED when the user holds one.',
  })
  assignSeat(@Ctx() ctx: AccountContext, @Arg('input', () => AssignSeatInput, { description: 'Who gets a seat of what.' }) input: AssignSeatInput): Promise<Seat> {
    return assignSeat(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_SEATS)
  @Mutation(() => BulkAssignSeatsResult, { description: 'Assigns a seat of one subscription to several users, all or none (SEAT_LIMIT_REACHED).' })
  bulkAssignSeats(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => BulkAssignSeatsInput, { description: 'Who gets a seat of what.' }) input: BulkAssignSeatsInput,
  ): Promise<BulkAssignSeatsResult> {
    return bulkAssignSeats(ctx, input);
  }

  @Authorized(ADMINS)
  @RequireScope(ApiScope.WRITE_SEATS)
  @Mutation(() => AssignableSubscription, { description: 'Takes a seat back ("Unassign"); returns its subscription with the freed seat.' })
  unassignSeat(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => UnassignSeatInput, { description: 'The assignment to remove.' }) input: UnassignSeatInput,
  ): Promise<AssignableSubscription> {
    return unassignSeat(ctx, input);
  }
}
