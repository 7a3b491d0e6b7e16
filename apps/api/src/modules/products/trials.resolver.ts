import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Trial, TrialConnection, TrialOffer, UUID } from '@seatwise/schema';
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
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 25).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
    after?: string,
  ): Promise<TrialConnection> {
    return listTrials(ctx, { first, after });
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
