import type { FailedDeliveryConnection } from '@seatwise/schema';
import { afterCommit, inTransaction } from '../../common/transaction.js';
import { NotFoundError } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { failedDeliveries, findFailedDelivery, retryFailedDelivery } from '../jobs/event-bus.js';
import { failedJobs, findFailedJob, retryFailedJob } from '../jobs/job-queue.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

/** The deliveries that failed for good (mail, text messages), for the console's Jobs page. */
export function listFailedDeliveries(ctx: StaffContext, first: number | null | undefined, after: string | null | undefined): Promise<FailedDeliveryConnection> {
  return failedDeliveries(ctx.em, { first, after });
}

/** Queues a failed delivery again from a fresh attempt count, in the audit log; the bus is woken once it committed. */
export async function retryDelivery(ctx: StaffContext, id: string): Promise<boolean> {
  await inTransaction(ctx, async (tx) => {
    const failed = await findFailedDelivery(tx.em, id);
    if (!failed || !(await retryFailedDelivery(tx.em, id))) throw new NotFoundError('Failed delivery', 'id');
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'delivery.retry',
      summary: `Queued the failed delivery of ${failed.event} (${failed.subscriber}) again`,
      details: { deliveryId: id, error: failed.error },
    });
    await tx.em.flush();
    afterCommit(tx, () => ctx.events.wake());
  });
  return true;
}

/** The jobs that failed for good (install-package builds and other queued work), for the console's Jobs page. */
export function listFailedJobs(ctx: StaffContext, first: number | null | undefined, after: string | null | undefined): Promise<FailedDeliveryConnection> {
  return failedJobs(ctx.em, { first, after });
}

/** Queues a failed job again from a fresh attempt count, in the audit log. */
export async function retryJob(ctx: StaffContext, id: string): Promise<boolean> {
  await inTransaction(ctx, async (tx) => {
    const failed = await findFailedJob(tx.em, id);
    if (!failed || !(await retryFailedJob(tx.em, id))) throw new NotFoundError('Failed job', 'id');
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'job.retry',
      summary: `Queued the failed job ${failed.event} again`,
      details: { jobId: id, error: failed.error },
    });
    await tx.em.flush();
  });
  return true;
}
