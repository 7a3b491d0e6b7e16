import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NetworkSeats, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { networkSeats, releaseNetworkLease } from './network-leases.service.js';

/** Network seats served by Seatwise: who holds one now, and releasing one (admins). */
@Resolver()
export class NetworkLeasesResolver {
  @Allow(Permission.ReadSeats)
  @Query(() => NetworkSeats, { description: "A network subscription's seats now: who holds one (live leases, at most its seats), those in licence files, and how many are free." })
  networkSeats(@Arg('subscriptionId', () => UUID, { description: 'The network subscription.' }) subscriptionId: string, @Ctx() ctx: AccountContext): Promise<NetworkSeats> {
    return networkSeats(ctx, subscriptionId);
  }

  @Allow(Permission.AssignSeats)
  @Mutation(() => Boolean, { description: "Frees a network seat held by a running product now (audited): the product's next heartbeat is refused with LEASE_RELEASED. NOT_FOUND for a lease that has ended." })
  releaseNetworkLease(@Arg('id', () => UUID, { description: 'The lease.' }) id: string, @Ctx() ctx: AccountContext): Promise<boolean> {
    return releaseNetworkLease(ctx, id);
  }
}
