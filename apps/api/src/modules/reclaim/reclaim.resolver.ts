import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  CreateReclaimPolicyInput,
  PageArgs,
  ReclaimDryRun,
  ReclaimMonth,
  ReclaimPolicy,
  ReclaimPolicyConnection,
  SetReclaimPolicyEnabledInput,
  UpdateReclaimPolicyInput,
  UUID,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Bounded } from '../../graphql/limits.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import {
  createReclaimPolicy,
  RECLAIM_MONTHS_MAX,
  reclaimDryRun,
  reclaimedSeatsByMonth,
  reclaimPolicies,
  reclaimPolicy,
  setReclaimPolicyEnabled,
  updateReclaimPolicy,
} from './reclaim-policies.service.js';

/** Reclaim policies (issue 19, item 1): admins only, each in its own account. */
@Resolver()
export class ReclaimResolver {
  @Allow(Permission.ReadReclaimPolicies)
  @Query(() => ReclaimPolicyConnection, { description: "The account's reclaim policies, the oldest first; admins only." })
  reclaimPolicies(@Ctx() ctx: AccountContext, @Args(() => PageArgs) page: PageArgs): Promise<ReclaimPolicyConnection> {
    return reclaimPolicies(ctx, page);
  }

  @Allow(Permission.ReadReclaimPolicies)
  @Query(() => ReclaimPolicy, { description: 'One reclaim policy of the account (NOT_FOUND for another account\'s).' })
  reclaimPolicy(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The policy.' }) id: string): Promise<ReclaimPolicy> {
    return reclaimPolicy(ctx, id);
  }

  @Allow(Permission.ReadReclaimPolicies)
  @Query(() => ReclaimDryRun, { description: 'What the policy would do today, on or off: who would be told and lose which seat, and why. Nothing is written.' })
  reclaimDryRun(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The policy.' }) id: string): Promise<ReclaimDryRun> {
    return reclaimDryRun(ctx, id);
  }

  @Allow(Permission.ReadReclaimPolicies)
  @Bounded(RECLAIM_MONTHS_MAX)
  @Query(() => [ReclaimMonth], { description: `Seats reclaimed by policies and restored by undo, per month of the account's calendar, net of restores; the latest months (1 to ${RECLAIM_MONTHS_MAX}), oldest first.` })
  reclaimedSeatsByMonth(
    @Ctx() ctx: AccountContext,
    @Arg('months', () => Int, { defaultValue: 12, description: `How many months, 1 to ${RECLAIM_MONTHS_MAX} (default 12).` }) months: number,
  ): Promise<ReclaimMonth[]> {
    return reclaimedSeatsByMonth(ctx, months);
  }

  @Allow(Permission.ManageReclaimPolicies)
  @Mutation(() => ReclaimPolicy, { description: 'Creates a reclaim policy, off until switched on (see its dry run first).' })
  createReclaimPolicy(@Ctx() ctx: AccountContext, @Arg('input', () => CreateReclaimPolicyInput, { description: 'The policy.' }) input: CreateReclaimPolicyInput): Promise<ReclaimPolicy> {
    return createReclaimPolicy(ctx, input);
  }

  @Allow(Permission.ManageReclaimPolicies)
  @Mutation(() => ReclaimPolicy, { description: 'Changes a reclaim policy (STALE_CHANGE when it changed since `version`).' })
  updateReclaimPolicy(@Ctx() ctx: AccountContext, @Arg('input', () => UpdateReclaimPolicyInput, { description: 'The changes.' }) input: UpdateReclaimPolicyInput): Promise<ReclaimPolicy> {
    return updateReclaimPolicy(ctx, input);
  }

  @Allow(Permission.ManageReclaimPolicies)
  @Mutation(() => ReclaimPolicy, { description: 'Switches a reclaim policy on or off; off closes its pending notices (STALE_CHANGE when it changed since `version`).' })
  setReclaimPolicyEnabled(@Ctx() ctx: AccountContext, @Arg('input', () => SetReclaimPolicyEnabledInput, { description: 'The policy and on or off.' }) input: SetReclaimPolicyEnabledInput): Promise<ReclaimPolicy> {
    return setReclaimPolicyEnabled(ctx, input);
  }
}
