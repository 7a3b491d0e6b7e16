import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role, UnassignSeatPayload } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { unassignSeat } from './seats.service.js';

@Resolver()
export class SeatsResolver {
  @Authorized([Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN])
  @Mutation(() => UnassignSeatPayload, { description: 'Takes a seat back from the person holding it ("Unassign"); admins only.' })
  unassignSeat(
    @Ctx() ctx: AccountContext,
    @Arg('assignmentId', () => ID, { description: 'The seat assignment to remove.' }) assignmentId: string,
  ): Promise<UnassignSeatPayload> {
    return unassignSeat(ctx, assignmentId);
  }
}
