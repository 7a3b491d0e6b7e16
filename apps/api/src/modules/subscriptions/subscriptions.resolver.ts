import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Contract, Subscription, SubscriptionsFilter, SubscriptionsOrder, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { getContract, getSubscription, listContracts, listSubscriptions } from './subscriptions.service.js';

@Resolver()
export class SubscriptionsResolver {
  @Allow(Permission.ReadSubscriptions)
  @Query(() => [Subscription], { description: '"Subscriptions and Contracts" (F-50): the account\'s subscriptions; admins only.' })
  subscriptions(
    @Ctx() ctx: AccountContext,
    @Arg('filter', () => SubscriptionsFilter, { nullable: true, description: 'Which subscriptions to include.' })
    filter?: SubscriptionsFilter,
    @Arg('orderBy', () => SubscriptionsOrder, { nullable: true, description: 'Sort order; by renewal date when omitted.' })
    orderBy?: SubscriptionsOrder,
  ): Promise<Subscription[]> {
    return listSubscriptions(ctx, { filter, orderBy });
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => Subscription, { description: 'One subscription with its products; admins only. NOT_FOUND for any other id.' })
  subscription(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The subscription id.' }) id: string): Promise<Subscription> {
    return getSubscription(ctx, id);
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => [Contract], { description: "The account's contracts with their subscriptions, by end date; admins only." })
  contracts(
    @Ctx() ctx: AccountContext,
    @Arg('filter', () => SubscriptionsFilter, { nullable: true, description: 'Contracts with a subscription matching this.' })
    filter?: SubscriptionsFilter,
  ): Promise<Contract[]> {
    return listContracts(ctx, filter);
  }

  @Allow(Permission.ReadSubscriptions)
  @Query(() => Contract, { description: 'Contract details (F-51); admins only. NOT_FOUND for any other id.' })
  contract(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The contract id.' }) id: string): Promise<Contract> {
    return getContract(ctx, id);
  }
}
