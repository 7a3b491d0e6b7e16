import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import {
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
  vendorOnlyWebhookEvents,
  type WebhookAttempt,
  type WebhookAttemptConnection,
  WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
  WebhookEventType,
} from '@seatwise/schema';
import { entityConnection, type PageArgs } from '../../common/keyset.js';
import { inTransaction } from '../../common/transaction.js';
import type { Config } from '../../config.js';
import type { RequestContext } from '../../context.js';
import { Account } from '../accounts/account.entity.js';
import { User } from '../identity/user.entity.js';
import { sealSecret } from '../identity/two-step/secret-box.js';
import { publish } from '../jobs/event-bus.js';
import { WebhookAttemptRow } from './webhook-attempt.entity.js';
import { WebhookDeliveryRow } from './webhook-delivery.entity.js';
import { WebhookEndpointRow } from './webhook-endpoint.entity.js';
import { hostOf, internalAddressOf } from './webhook-address.js';
import { badUrl, deliveryNotFound, deliveryPending, endpointDisabled, endpointNotFound, internalAddress, noEvents, tooManyEndpoints, vendorOnlyEvent } from './webhooks.errors.js';
import './webhook-events.js';
import { type Message } from '../../i18n/messages.js';
import { msg } from '../../i18n/messages.js';

/** How many endpoints one owner (an account, or the vendor) may have: the list is bounded by this. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

export type WebhookAuditAction = 'webhook.create' | 'webhook.change' | 'webhook.rotate' | 'webhook.delete';

/**
 * Whose endpoints a call manages: a customer account's (its admins, `accountId`) or the vendor's
 * (`accountId` null, operators). `audit` writes the owner's audit entry into the change's unit of work.
 */
export interface EndpointOwner {
  accountId: string | null;
  userId: string;
  audit(em: EntityManager, action: WebhookAuditAction, endpoint: WebhookEndpointRow, summary: Message): void;
}

const ownerWhere = (owner: EndpointOwner) => ({ account: owner.accountId });

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An https address (http to localhost outside production), with no user name or password in it,
 * whose host is not and does not resolve to a private or internal address (webhook-address.ts;
 * `SEATWISE_WEBHOOKS_ALLOW_PRIVATE=1` lets loopback and private networks through for tests and the
 * demo). The delivery checks the address again after resolving the name then.
 */
export async function checkWebhookUrl(config: Pick<Config, 'production' | 'webhooksAllowPrivate'>, value: string): Promise<string> {
  const text = value.trim();
  if (text.length > 500) throw badUrl();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUrl();
  }
  if (url.username || url.password) throw badUrl();
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local && !config.production)) throw badUrl();
  const host = hostOf(url);
  const internal = await internalAddressOf(host, config.webhooksAllowPrivate);
  if (internal) throw internalAddress(host, internal.address);
  return url.toString();
}

function checkEvents(owner: EndpointOwner, allEvents: boolean, events: readonly string[]): string[] {
  const known = new Set<string>(Object.values(WebhookEventType));
  const chosen = [...new Set(events)].filter((event) => known.has(event));
  if (owner.accountId && chosen.some((event) => vendorOnlyWebhookEvents.includes(event as WebhookEventType))) throw vendorOnlyEvent();
  if (!allEvents && chosen.length === 0) throw noEvents();
  return allEvents ? [] : chosen;
}

/** A new secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export const toWebhookEndpoint = (row: WebhookEndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  allEvents: row.allEvents,
  events: row.events as WebhookEventType[],
  enabled: row.enabled,
  disabledForFailureAt: row.disabledForFailureAt,
  createdAt: row.createdAt,
  secretCreatedAt: row.secretCreatedAt,
});

async function requireEndpoint(em: EntityManager, owner: EndpointOwner, id: string): Promise<WebhookEndpointRow> {
  const row = await em.findOne(WebhookEndpointRow, { id, ...ownerWhere(owner) });
  if (!row) throw endpointNotFound();
  return row;
}

/** The owner's endpoints, oldest first (at most `MAX_WEBHOOK_ENDPOINTS`). */
export async function listWebhookEndpoints(ctx: RequestContext, owner: EndpointOwner): Promise<WebhookEndpoint[]> {
  const rows = await ctx.em.find(WebhookEndpointRow, ownerWhere(owner), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_WEBHOOK_ENDPOINTS });
  return rows.map(toWebhookEndpoint);
}

export async function getWebhookEndpoint(ctx: RequestContext, owner: EndpointOwner, id: string): Promise<WebhookEndpoint> {
  return toWebhookEndpoint(await requireEndpoint(ctx.em, owner, id));
}

export async function createWebhookEndpoint(ctx: RequestContext, owner: EndpointOwner, input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
  const url = await checkWebhookUrl(ctx.config, input.url);
  const allEvents = input.allEvents ?? !input.events?.length;
  const events = checkEvents(owner, allEvents, input.events ?? []);
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const count = await tx.em.count(WebhookEndpointRow, ownerWhere(owner));
    if (count >= MAX_WEBHOOK_ENDPOINTS) throw tooManyEndpoints(MAX_WEBHOOK_ENDPOINTS);
    const row = tx.em.create(WebhookEndpointRow, {
      account: owner.accountId ? tx.em.getReference(Account, owner.accountId) : null,
      url,
      description: (input.description ?? '').trim().slice(0, 200),
      allEvents,
      events,
      secretSealed: sealSecret(tx.config, secret),
      createdBy: tx.em.getReference(User, owner.userId),
    });
    owner.audit(tx.em, 'webhook.create', row, msg('Added the webhook endpoint {url}', { url }));
    await tx.em.flush();
    return { endpoint: toWebhookEndpoint(row), secret };
  });
}

export async function updateWebhookEndpoint(ctx: RequestContext, owner: EndpointOwner, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
  // Checked (and resolved) before the transaction: no lock is held while DNS answers.
  const url = input.url != null ? await checkWebhookUrl(ctx.config, input.url) : null;
  return inTransaction(ctx, async (tx) => {
    const row = await requireEndpoint(tx.em, owner, input.id);
    const before = { url: row.url, enabled: row.enabled, allEvents: row.allEvents, events: row.events };
    if (url != null) row.url = url;
    if (input.description != null) row.description = input.description.trim().slice(0, 200);
    if (input.allEvents != null || input.events != null) {
      const allEvents = input.allEvents ?? row.allEvents;
      row.events = checkEvents(owner, allEvents, input.events ?? row.events);
      row.allEvents = allEvents;
    }
    if (input.enabled != null) {
      row.enabled = input.enabled;
      if (input.enabled) row.disabledForFailureAt = null;
    }
    const changes = Object.entries(before)
      .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(row[key as keyof typeof before]))
      .map(([key]) => key);
    owner.audit(
      tx.em,
      'webhook.change',
      row,
      changes.length ? msg('Changed the webhook endpoint {url} ({changes})', { url: row.url, changes: changes.join(', ') }) : msg('Changed the webhook endpoint {url}', { url: row.url }),
    );
    await tx.em.flush();
    return toWebhookEndpoint(row);
  });
}

/** A new secret; the old one stops signing at once. */
export async function rotateWebhookSecret(ctx: RequestContext, owner: EndpointOwner, id: string): Promise<WebhookEndpointWithSecret> {
  const secret = newWebhookSecret();
  return inTransaction(ctx, async (tx) => {
    const row = await requireEndpoint(tx.em, owner, id);
    row.secretSealed = sealSecret(tx.config, secret);
    row.secretCreatedAt = new Date();
    owner.audit(tx.em, 'webhook.rotate', row, msg('Rotated the secret of the webhook endpoint {url}', { url: row.url }));
    await tx.em.flush();
    return { endpoint: toWebhookEndpoint(row), secret };
  });
}

/** Deletes the endpoint with its deliveries and log; returns it as it was. */
export async function deleteWebhookEndpoint(ctx: RequestContext, owner: EndpointOwner, id: string): Promise<WebhookEndpoint> {
  return inTransaction(ctx, async (tx) => {
    const row = await requireEndpoint(tx.em, owner, id);
    const endpoint = toWebhookEndpoint(row);
    owner.audit(tx.em, 'webhook.delete', row, msg('Deleted the webhook endpoint {url}', { url: row.url }));
    await tx.em.nativeDelete(WebhookAttemptRow, { endpoint: row.id });
    await tx.em.nativeDelete(WebhookDeliveryRow, { endpoint: row.id });
    tx.em.remove(row);
    await tx.em.flush();
    return endpoint;
  });
}

const toAttempt = (row: WebhookAttemptRow): WebhookAttempt => ({
  id: row.id,
  deliveryId: row.delivery.id,
  messageId: row.delivery.messageId,
  eventType: row.delivery.eventType as WebhookEventType,
  attempt: row.attempt,
  statusCode: row.statusCode,
  succeeded: row.succeeded,
  error: row.error,
  responseExcerpt: row.responseExcerpt,
  durationMs: row.durationMs,
  attemptedAt: row.attemptedAt,
  deliveryStatus: row.delivery.status as WebhookDeliveryStatus,
});

/** The endpoint's delivery log, the latest attempt first. */
export async function webhookAttempts(ctx: RequestContext, owner: EndpointOwner, endpointId: string, page: PageArgs): Promise<WebhookAttemptConnection> {
  const endpoint = await requireEndpoint(ctx.em, owner, endpointId);
  return entityConnection(ctx.em, WebhookAttemptRow, { endpoint: endpoint.id }, { path: ['attemptedAt'], direction: 'desc', date: true }, page, (rows) => rows.map(toAttempt), {
    populate: ['delivery'],
  });
}

/**
 * Sends a finished delivery again, with a fresh series of retries and the same `webhook-id`
 * (receivers that already processed it can tell). Refused while it is still being tried or
 * while its endpoint is off.
 */
export async function redeliverWebhook(ctx: RequestContext, owner: EndpointOwner, deliveryId: string): Promise<WebhookEndpoint> {
  return inTransaction(ctx, async (tx) => {
    const delivery = await tx.em.findOne(WebhookDeliveryRow, { id: deliveryId, endpoint: ownerWhere(owner) }, { populate: ['endpoint'] });
    if (!delivery) throw deliveryNotFound();
    if (!delivery.endpoint.enabled) throw endpointDisabled();
    const claimed = await tx.em.nativeUpdate(
      WebhookDeliveryRow,
      { id: delivery.id, status: { $ne: WebhookDeliveryStatus.PENDING } },
      { status: WebhookDeliveryStatus.PENDING, finishedAt: null },
    );
    if (claimed !== 1) throw deliveryPending();
    publish(tx, 'webhooks.deliver', { deliveryId: delivery.id }, delivery.endpoint.account?.id ?? null);
    return toWebhookEndpoint(delivery.endpoint);
  });
}
