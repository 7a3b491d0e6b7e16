import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { PageArgs, ScheduledTaskRunConnection } from '@seatwise/schema';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { scheduledTaskRuns } from '../jobs/schedule-runs.queries.js';

/** The history of the server's cron schedules, for the console's Jobs page: operators only. */
@Resolver()
export class ScheduledTasksResolver {
  @AllowVendor(VendorPermission.MANAGE_JOBS)
  @Query(() => ScheduledTaskRunConnection, { description: "Firings of the server's scheduled tasks (one per slot across every instance), the latest first (operators only)." })
  scheduledTaskRuns(
    @Ctx() ctx: StaffContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ScheduledTaskRunConnection> {
    return scheduledTaskRuns(ctx.em, page);
  }
}
