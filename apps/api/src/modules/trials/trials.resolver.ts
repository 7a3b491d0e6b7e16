import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Trial, TrialOffer } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { listTrialOffers, listTrials, startTrial } from './trials.service.js';

@Resolver()
export class TrialsResolver {
  @Authorized()
  @Query(() => [TrialOffer], { description: 'F-26 "Trials": products that can be tried, and whether you already started a trial.' })
  trialOffers(@Ctx() ctx: AccountContext): Promise<TrialOffer[]> {
    return listTrialOffers(ctx);
  }

  @Authorized()
  @Query(() => [Trial], { description: 'F-26 "Active Trials": your trials with days left (ended ones marked inactive).' })
  trials(@Ctx() ctx: AccountContext): Promise<Trial[]> {
    return listTrials(ctx);
  }

  @Authorized()
  @Mutation(() => Trial, { description: 'Start a trial of a product; once per person and product.' })
  startTrial(
    @Ctx() ctx: AccountContext,
    @Arg('productId', () => ID, { description: 'The product to try.' }) productId: string,
  ): Promise<Trial> {
    return startTrial(ctx, productId);
  }
}
