import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Contract, ContractConnection, Subscription, SubscriptionConnection, SubscriptionsFilter, SubscriptionsOrder, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { contractConnection, getContract, getSubscription, subscriptionConnection } from './subscriptions.service.js';

@Resolver()
export class SubscriptionsResolver {
  @Allow(Permission.ReadSubscriptions)
  @Query(() => SubscriptionConnection, { description: '"Subscriptions and Contracts" (F-50): the account\'s subscriptions, in pages; admins only.' })
  subscriptions(
    @Ctx() ctx: AccountContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
    @Arg('filter', () => SubscriptionsFilter, { nullable: true, description: 'Which subscriptions to include.' })
    filter?: SubscriptionsFilter,
    @Arg('orderBy', () => SubscriptionsOrder, { nullable: true, description: 'Sort order; by renewal date when omitted.' })
    orderBy?: SubscriptionsOrder,
  ): Promise<SubscriptionConnection> {
    return subscriptionConnection(ctx, { first, after, filter, orderBy });
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => Subscription, { description: 'One subscription with its products; admins only. NOT_FOUND for any other id.' })
  subscription(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The subscription id.' }) id: string): Promise<Subscription> {
    return getSubscription(ctx, id);
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => ContractConnection, { description: "The account's contracts with their subscriptions, by end date, in pages; admins only." })
  contracts(
    @Ctx() ctx: AccountContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
    @Arg('filter', () => SubscriptionsFilter, { nullable: true, description: 'Contracts with a subscription matching this.' })
    filter?: SubscriptionsFilter,
  ): Promise<ContractConnection> {
    return contractConnection(ctx, { first, after, filter });
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => Contract, { description: 'Contract details (F-51); admins only. NOT_FOUND for any other id.' })
  contract(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The contract id.' }) id: string): Promise<Contract> {
    return getContract(ctx, id);
  }
}
