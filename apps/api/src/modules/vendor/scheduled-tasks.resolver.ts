import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
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
    @Arg('name', () => String, { nullable: true, description: 'Only this task, e.g. `exports.due`.' }) name?: string | null,
  ): Promise<ScheduledTaskRunConnection> {
    return scheduledTaskRuns(ctx.em, { ...page, name });
  }
}
