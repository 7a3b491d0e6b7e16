import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs, Trial, TrialConnection, TrialOffer, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { listTrialOffers, listTrials, startTrial } from './trials.service.js';

@Resolver()
export class TrialsResolver {
  @Allow(Permission.ReadProducts)
  @Query(() => [TrialOffer], { description: 'F-26 "Trials": products that can be tried, and whether you already started a trial.' })
  trialOffers(@Ctx() ctx: AccountContext): Promise<TrialOffer[]> {
    return listTrialOffers(ctx);
  }

  @Allow(Permission.ReadProducts)
  @Query(() => TrialConnection, { description: 'F-26 "Active Trials": your trials with days left (ended ones marked inactive), the latest started first.' })
  trials(
    @Ctx() ctx: AccountContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<TrialConnection> {
    return listTrials(ctx, page);
  }

  @Allow(Permission.UseProducts)
  @Mutation(() => Trial, { description: 'Start a trial of a product; once per person and product.' })
  startTrial(
    @Ctx() ctx: AccountContext,
    @Arg('productId', () => UUID, { description: 'The product to try.' }) productId: string,
  ): Promise<Trial> {
    return startTrial(ctx, productId);
  }
}
