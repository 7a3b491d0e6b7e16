import type { EntityManager } from '@mikro-orm/knex';
import { type Language, vendorOnlyWebhookEvents, WebhookDeliveryStatus, webhookEventNames } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { Config } from '../../config.js';
import { User as EndpointOwnerUser } from '../identity/user.entity.js';
import { openSecret } from '../identity/two-step/secret-box.js';
import { type EventBus, publish } from '../jobs/event-bus.js';
import type { Mailer } from '../mail/mailer.js';
import { WebhookAttemptRow } from './webhook-attempt.entity.js';
import { WebhookDeliveryRow } from './webhook-delivery.entity.js';
import { webhookDisabledMail } from './webhook-disabled.mail.js';
import { WebhookEndpointRow } from './webhook-endpoint.entity.js';
import type { WebhookEvent } from './webhook-events.js';
import { DEFAULT_TIMEOUT_MS, sendWebhook } from './webhook-sender.js';

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** An endpoint was turned off after persistent failure: its owner is mailed. */
    'webhooks.endpoint-disabled': { to: string; language: Language; firstName: string; url: string; link: string };
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The waits after each failed attempt: 9 attempts over 29 h 36 min, so a day's outage is covered. */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 12 * HOUR];

export interface WebhookDeliveryOptions {
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
}

/** The body every endpoint gets for an event: Standard Webhooks' `type`, `timestamp` and `data`. */
export const webhookBody = (event: WebhookEvent): string =>
  JSON.stringify({ type: webhookEventNames[event.type], timestamp: event.occurredAt, data: { accountId: event.accountId, ...event.data } });

/**
 * Fan-out: the endpoints that want the event (the account's own and the vendor's, enabled, subscribed
 * to its type) each get one delivery row and one `webhooks.deliver` in one transaction. Run again
 * after a crash, it adds only the deliveries still missing (one per event and endpoint).
 */
async function fanOut(em: EntityManager, events: EventBus, event: WebhookEvent): Promise<void> {
  const owners = vendorOnlyWebhookEvents.includes(event.type) ? [{ account: null }] : [{ account: null }, { account: event.accountId }];
  const endpoints = (await em.find(WebhookEndpointRow, { enabled: true, $or: owners })).filter((endpoint) => endpoint.allEvents || endpoint.events.includes(event.type));
  if (!endpoints.length) return;
  await inTransaction({ em, events }, async (tx) => {
    const done = new Set((await tx.em.find(WebhookDeliveryRow, { eventId: event.id }, { fields: ['endpoint'] })).map((row) => row.endpoint.id));
    const body = webhookBody(event);
    for (const endpoint of endpoints.filter((row) => !done.has(row.id))) {
      const delivery = tx.em.create(WebhookDeliveryRow, { endpoint, eventId: event.id, eventType: event.type, messageId: `msg_${event.id.replace(/-/g, '')}`, body });
      publish(tx, 'webhooks.deliver', { deliveryId: delivery.id }, endpoint.account?.id ?? null);
    }
    await tx.em.flush();
  });
}

/** Where the owner fixes and turns the endpoint on again. */
const pageOf = (config: Config, endpoint: WebhookEndpointRow) =>
  `${config.publicUrl}${endpoint.account ? '/developer/webhooks' : '/vendor/webhooks'}?endpoint=${endpoint.id}`;

/**
 * Subscribes the webhooks module (`app.ts`): the fan-out of `webhooks.event`, the sending of
 * `webhooks.deliver` with its own retries (`WEBHOOK_RETRY_DELAYS_MS`), and the owner's mail.
 * A failed attempt throws so the bus retries it after the next wait; the last one does not throw:
 * the delivery is FAILED, and the endpoint is turned off (its owner mailed) when nothing reached it
 * since the delivery was made, i.e. it failed for more than a day.
 */
export function subscribeWebhooks(events: EventBus, config: Config, mail: Mailer, options: WebhookDeliveryOptions = {}): void {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  events.subscribe('webhooks.event', 'webhooks', (event, { em }) => fanOut(em, events, event));
  events.subscribe(
    'webhooks.deliver',
    'webhooks',
    async ({ deliveryId }, { em, final, now }) => {
      const delivery = await em.findOne(WebhookDeliveryRow, { id: deliveryId }, { populate: ['endpoint'] });
      if (!delivery || delivery.status !== WebhookDeliveryStatus.PENDING) return;
      const endpoint = delivery.endpoint;
      if (!endpoint.enabled) {
        await em.nativeUpdate(WebhookDeliveryRow, { id: delivery.id }, { status: WebhookDeliveryStatus.FAILED, finishedAt: now });
        return;
      }
      const result = await sendWebhook(endpoint.url, openSecret(config, endpoint.secretSealed), delivery.messageId, delivery.body, { timeoutMs, allowPrivate: config.webhooksAllowPrivate });
      await inTransaction({ em: em.fork() as EntityManager, events }, async (tx) => {
        const row = await tx.em.findOneOrFail(WebhookDeliveryRow, { id: deliveryId }, { populate: ['endpoint'] });
        const target = row.endpoint;
        row.attempts += 1;
        tx.em.create(WebhookAttemptRow, {
          endpoint: target,
          delivery: row,
          attempt: row.attempts,
          statusCode: result.statusCode,
          succeeded: result.succeeded,
          error: result.error,
          responseExcerpt: result.excerpt,
          durationMs: result.durationMs,
          attemptedAt: now,
        });
        if (result.succeeded) {
          row.status = WebhookDeliveryStatus.SUCCEEDED;
          row.finishedAt = now;
          target.lastSuccessAt = now;
        } else if (final) {
          row.status = WebhookDeliveryStatus.FAILED;
          row.finishedAt = now;
          const reachedSince = target.lastSuccessAt && target.lastSuccessAt.getTime() >= row.createdAt.getTime();
          if (!reachedSince && target.enabled) {
            target.enabled = false;
            target.disabledForFailureAt = now;
            const owner = target.createdBy ? await tx.em.findOne(EndpointOwnerUser, { id: target.createdBy.id }) : null;
            if (owner) {
              publish(tx, 'webhooks.endpoint-disabled', { to: owner.email, language: owner.language, firstName: owner.firstName, url: target.url, link: pageOf(config, target) }, target.account?.id ?? null);
            }
          }
        }
        await tx.em.flush();
      });
      if (!result.succeeded && !final) throw new Error(result.statusCode === null ? (result.error ?? 'no answer') : `the endpoint answered ${result.statusCode}`);
    },
    { retryDelaysMs: options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS },
  );
  events.subscribe('webhooks.endpoint-disabled', 'mail', ({ to, language, ...data }) => mail.send(webhookDisabledMail, { to, language, data }));
}
