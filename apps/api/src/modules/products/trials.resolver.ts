import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiScope, Trial, TrialOffer, UUID } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { RequireScope } from '../../graphql/access.js';
import { listTrialOffers, listTrials, startTrial } from './trials.service.js';

@Resolver()
export class TrialsResolver {
  @Authorized()
  @RequireScope(ApiScope.READ_PRODUCTS)
  @Query(() => [TrialOffer], { description: 'F-26 "Trials": products that can be tried, and whether you already started a trial.' })
  trialOffers(@Ctx() ctx: AccountContext): Promise<TrialOffer[]> {
    return listTrialOffers(ctx);
  }

  @Authorized()
  @RequireScope(ApiScope.READ_PRODUCTS)
  @Query(() => [Trial], { description: 'F-26 "Active Trials": your trials with days left (ended ones marked inactive).' })
  trials(@Ctx() ctx: AccountContext): Promise<Trial[]> {
    return listTrials(ctx);
  }

  @Authorized()
  @RequireScope(ApiScope.WRITE_PRODUCTS)
  @Mutation(() => Trial, { description: 'Start a trial of a product; once per person and product.' })
  startTrial(
    @Ctx() ctx: AccountContext,
    @Arg('productId', () => UUID, { description: 'The product to try.' }) productId: string,
  ): Promise<Trial> {
    return startTrial(ctx, productId);
  }
}
