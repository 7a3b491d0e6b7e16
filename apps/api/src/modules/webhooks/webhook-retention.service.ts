import type { EntityManager } from '@mikro-orm/knex';
import { WebhookDeliveryStatus } from '@seatwise/schema';
import { deleteInBatches, RETENTION_BATCH } from '../../common/retention.js';

/**
 * Deletes webhook deliveries that finished (delivered, or given up) before `cutoff`, their attempts
 * with them (the delivery log's rows cascade); pending ones stay whatever their age. The retention
 * task runs it with the jobs' setting (`SEATWISE_RETAIN_JOBS_DAYS`): deliveries are background work.
 */
export async function deleteFinishedWebhookDeliveriesBefore(em: EntityManager, cutoff: Date): Promise<number> {
  return deleteInBatches(
    em,
    `delete from webhook_deliveries where id in (select id from webhook_deliveries where status in (?, ?) and finished_at < ? limit ${RETENTION_BATCH})`,
    [WebhookDeliveryStatus.SUCCEEDED, WebhookDeliveryStatus.FAILED, em.getPlatform().processDateProperty(cutoff)],
  );
}
