import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { FailedDeliveryConnection, UUID } from '@seatwise/schema';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { listFailedDeliveries, listFailedJobs, retryDelivery, retryJob } from './dead-letter.service.js';

/** The dead letter of background work, for the console's Jobs page: operators in the console only. */
@Resolver()
export class DeadLetterResolver {
  @AllowVendor(VendorPermission.MANAGE_JOBS)
  @Query(() => FailedDeliveryConnection, {
    description: 'Background deliveries (mail, text messages) that failed after their last attempt, the most recently given up first (operators only).',
  })
  failedDeliveries(
    @Ctx() ctx: StaffContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
  ): Promise<FailedDeliveryConnection> {
    return listFailedDeliveries(ctx, first, after);
  }

  @AllowVendor(VendorPermission.MANAGE_JOBS)
  @Mutation(() => Boolean, { description: 'Queues a failed delivery again, from a fresh count of attempts; it leaves the list at once.' })
  retryFailedDelivery(@Arg('id', () => UUID, { description: 'The failed delivery.' }) id: string, @Ctx() ctx: StaffContext): Promise<boolean> {
    return retryDelivery(ctx, id);
  }

  @AllowVendor(VendorPermission.MANAGE_JOBS)
  @Query(() => FailedDeliveryConnection, {
    description:
      'Queued jobs (install-package builds and other background work) that failed after their last attempt, the most recently given up first; `event` is the job kind, `subscriber` is `jobs` (operators only).',
  })
  failedJobs(
    @Ctx() ctx: StaffContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (25 when omitted).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
  ): Promise<FailedDeliveryConnection> {
    return listFailedJobs(ctx, first, after);
  }

  @AllowVendor(VendorPermission.MANAGE_JOBS)
  @Mutation(() => Boolean, { description: 'Queues a failed job again, from a fresh count of attempts; it leaves the list at once.' })
  retryFailedJob(@Arg('id', () => UUID, { description: 'The failed job.' }) id: string, @Ctx() ctx: StaffContext): Promise<boolean> {
    return retryJob(ctx, id);
  }
}
