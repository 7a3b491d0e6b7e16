import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { vendorOnlyWebhookEvents, type WebhookEventType } from '@seatwise/schema';
import { publish, type Publishing } from '../jobs/event-bus.js';
import { WebhookEndpointRow } from './webhook-endpoint.entity.js';

/** What every webhook event carries: its id (one delivery per endpoint), type, account and data. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  /** The customer account it is about; vendor endpoints get every account's events. */
  accountId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** A change a webhook reports; the fan-out subscriber writes one delivery per matching endpoint. */
    'webhooks.event': WebhookEvent;
    /** One delivery (an event for an endpoint) to send; retried for more than a day. */
    'webhooks.deliver': { deliveryId: string };
  }
}

/**
 * Publishes a webhook event in the transaction of the change it reports (`tx` from `inTransaction`):
 * written to the outbox with the change, so a rolled-back change sends nothing and a committed one
 * is not lost. Data carries ids and facts, never secrets.
 */
export function publishWebhookEvent(tx: Publishing, type: WebhookEventType, accountId: string, data: Record<string, unknown>, occurredAt = new Date()): void {
  publish(tx, 'webhooks.event', { id: randomUUID(), type, accountId, occurredAt: occurredAt.toISOString(), data }, accountId);
}

/**
 * Which event types some enabled endpoint would receive for this account now (its own or the
 * vendor's), read once: a change that publishes thousands of events at once (a CSV import) writes
 * only those someone would get, instead of an outbox row per event that the fan-out then drops.
 */
export async function wantedWebhookEvents(em: EntityManager, accountId: string): Promise<(type: WebhookEventType) => boolean> {
  const endpoints = await em.find(WebhookEndpointRow, { enabled: true, $or: [{ account: null }, { account: accountId }] }, { filters: false });
  return (type) => endpoints.some((endpoint) => (endpoint.account === null || !vendorOnlyWebhookEvents.includes(type)) && (endpoint.allEvents || endpoint.events.includes(type)));
}
