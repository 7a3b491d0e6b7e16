import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { chunks, placeholders, ROWS_PER_INSERT, valueRows } from '../../common/batches.js';
import { query, run } from '../../common/sql.js';
import { inTransaction } from '../../common/transaction.js';
import { WebhookEventType } from '@seatwise/schema';
import { type EventBus, type Publishing, publish } from '../jobs/event-bus.js';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import { InvalidInputError, type Message, msg } from '../../errors.js';
import { isoDate, isoOfDay, localDay } from '../../common/days.js';
import { accountDay } from '../accounts/account-day.js';
import { isRunning, type RunningFacts } from '../subscriptions/subscription-rules.js';
import { addToRollups, type DayUse } from './rollups.js';
import { batchProblems, isBatchProblem, usageBatch, type UsageEventInput } from './usage-batch.schema.js';

declare module '../jobs/event-bus.js' {
  interface EventMap {
    /** A batch consumed cloud credits of the account (the low-credit alert looks at the balances). */
    'usage.cloud-credits-consumed': { accountId: string };
  }
}

/** An event that was not stored; `message` is written in the request's language when the answer is sent. */
export interface RejectedEvent<Text = Message> {
  index: number;
  eventId: string;
  field: string;
  message: Text;
}

export interface IngestionResult<Text = Message> {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent<Text>[];
}

/** Clocks drift: an event may claim to be this far in the future. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

interface Resolved {
  input: UsageEventInput;
  occurredAt: Date;
  day: number;
  userId: string;
  productId: string;
  subscriptionId: string | null;
}


/** A malformed body names the first bad event and field: nothing of the batch is written. */
export function parseBatch(body: unknown): UsageEventInput[] {
  const parsed = usageBatch.safeParse(body);
  if (parsed.success) return parsed.data.events;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');
  if (!path) throw new InvalidInputError('body', batchProblems.body());
  // Seatwise's own sentences travel as keys (see usage-batch.schema.ts); zod's own stay in English.
  const problem = isBatchProblem(issue.message) ? batchProblems[issue.message](path) : msg('{field} {problem}', { field: path, problem: issue.message });
  throw new InvalidInputError(path, problem);
}

/**
 * Stores a batch of usage events for one account in one transaction (F-34). A resent event id is a
 * duplicate and changes nothing; an unknown person, product or subscription rejects that event only.
 * Each newly stored event is added to the roll-ups (see rollups.ts) on its day in the account's time
 * zone, so a late event lands on the day it happened.
 */
export async function ingestUsageEvents(em: EntityManager, accountId: string, body: unknown, now: Date, bus?: EventBus): Promise<IngestionResult> {
  const events = parseBatch(body);
  const { timeZone } = await accountDay(em, accountId, now);
  const lookups = await loadLookups(em, accountId, events);

  const rejected: RejectedEvent[] = [];
  const resolved: Resolved[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  events.forEach((input, index) => {
    const reject = (field: string, message: Message) => rejected.push({ index, eventId: input.id, field: `events[${index}].${field}`, message });
    if (seen.has(input.id)) {
      duplicates += 1;
      return;
    }
    seen.add(input.id);
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return reject('occurredAt', msg('lies in the future.'));
    const userId = lookups.users.get(input.user.toLowerCase());
    if (!userId) return reject('user', msg('No user with the email address {email} in this account.', { email: input.user }));
    const productId = lookups.products.get(input.product.toUpperCase());
    if (!productId) return reject('product', msg('No product with the code {code}.', { code: input.product }));
    const day = localDay(occurredAt, timeZone);
    const subscriptionId = input.subscription
      ? (lookups.serials.get(input.subscription) ?? null)
      : (lookups.seats.get(`${userId}/${productId}`) ?? (input.type === 'CLOUD_CREDITS' ? runningCloudSubscription(lookups, productId, day) : null));
    if (input.subscription && !subscriptionId) {
      return reject('subscription', msg('No subscription with the serial number {serialNumber} in this account.', { serialNumber: input.subscription }));
    }
    if (input.type === 'CLOUD_CREDITS' && !subscriptionId) {
      return reject('subscription', msg('No cloud subscription of this account includes {product}.', { product: input.product }));
    }
    resolved.push({ input, occurredAt, day, userId, productId, subscriptionId });
  });

  const accepted = await inTransaction({ em }, async (tx) => {
    const stored: Resolved[] = [];
    // In event id order, the unique key's: concurrent batches then wait for each other, never deadlock.
    const byId = [...resolved].sort((a, b) => (a.input.id < b.input.id ? -1 : a.input.id > b.input.id ? 1 : 0));
    for (const chunk of chunks(byId, ROWS_PER_INSERT)) stored.push(...(await insertEvents(tx.em, accountId, chunk, now)));
    await addToRollups(tx.em, accountId, dayUses(stored), lookups.subscriptionsOf);
    const credits = stored.filter((event) => event.input.type === 'CLOUD_CREDITS');
    const touched = [...new Set(credits.map((event) => event.subscriptionId).filter((id): id is string => Boolean(id)))];
    const before = await creditBalances(tx.em, accountId, touched);
    await addCreditEntries(tx.em, accountId, credits, now);
    if (bus) await publishCreditsLow({ em: tx.em, events: bus }, accountId, before, await creditBalances(tx.em, accountId, touched), now);
    // The account's low-credit alert looks at the new balances after commit (notifications/due-notifications.ts).
    if (bus && touched.length) publish({ em: tx.em, events: bus }, 'usage.cloud-credits-consumed', { accountId }, accountId);
    return stored.length;
  });
  return { received: events.length, accepted, duplicates: duplicates + resolved.length - accepted, rejected };
}

interface Lookups {
  users: Map<string, string>;
  products: Map<string, string>;
  serials: Map<string, string>;
  /** `user/product` → subscription of the seat the person holds for it. */
  seats: Map<string, string>;
  /** product → the account's cloud subscriptions that include it, latest end first. */
  cloud: Map<string, (RunningFacts & { id: string })[]>;
  /** product → every subscription of the account that includes it. */
  subscriptionsOf: Map<string, string[]>;
}

async function loadLookups(em: EntityManager, accountId: string, events: UsageEventInput[]): Promise<Lookups> {
  const emails = [...new Set(events.map((event) => event.user.toLowerCase()))];
  const users = new Map<string, string>();
  const seats = new Map<string, string>();
  for (const chunk of chunks(emails, 1000)) {
    const rows = await query<{ id: string; email: string }>(
      em,
      `select m.user_id as id, m.email from memberships m where m.account_id = ? and m.email in (${placeholders(chunk.length)})`,
      [accountId, ...chunk],
    );
    for (const row of rows) users.set(row.email.toLowerCase(), row.id);
    if (!rows.length) continue;
    const held = await query<{ user_id: string; product_id: string; subscription_id: string }>(
      em,
      `select sa.user_id, sp.product_id, sa.subscription_id from seat_assignments sa
       join subscription_products sp on sp.account_id = sa.account_id and sp.subscription_id = sa.subscription_id
       where sa.account_id = ? and sa.user_id in (${placeholders(rows.length)})`,
      [accountId, ...rows.map((row) => row.id)],
    );
    for (const row of held) seats.set(`${row.user_id}/${row.product_id}`, row.subscription_id);
  }
  const [products, subscriptions] = await Promise.all([
    query<{ id: string; code: string }>(em, 'select id, code from products'),
    query<{ id: string; serial_number: string; licence_type: string; state: string; ends_on: string | Date; product_id: string | null }>(
      em,
      `select s.id, s.serial_number, s.licence_type, s.state, s.ends_on, sp.product_id from subscriptions s
       left join subscription_products sp on sp.account_id = s.account_id and sp.subscription_id = s.id
       where s.account_id = ? order by s.ends_on desc`,
      [accountId],
    ),
  ]);
  const cloud: Lookups['cloud'] = new Map();
  const subscriptionsOf = new Map<string, string[]>();
  for (const row of subscriptions) {
    if (!row.product_id) continue;
    if (row.licence_type === 'CLOUD') {
      cloud.set(row.product_id, [...(cloud.get(row.product_id) ?? []), { id: row.id, state: row.state, endsOn: isoDate(row.ends_on) }]);
    }
    subscriptionsOf.set(row.product_id, [...(subscriptionsOf.get(row.product_id) ?? []), row.id]);
  }
  return {
    users,
    products: new Map(products.map((row) => [row.code.toUpperCase(), row.id])),
    serials: new Map(subscriptions.map((row) => [row.serial_number, row.id])),
    seats,
    cloud,
    subscriptionsOf,
  };
}

/** Credits used on a day are drawn from a cloud subscription that was running on that day of the account. */
function runningCloudSubscription(lookups: Lookups, productId: string, day: number): string | null {
  const dayIso = isoOfDay(day);
  return lookups.cloud.get(productId)?.find((subscription) => isRunning(subscription, dayIso))?.id ?? null;
}

/** Inserts what is new; returns the events actually stored (a known event id is skipped by the unique key). */
async function insertEvents(em: EntityManager, accountId: string, events: Resolved[], now: Date): Promise<Resolved[]> {
  if (!events.length) return [];
  const platform = em.getPlatform();
  const receivedAt = platform.processDateProperty(now);
  const params: unknown[] = [];
  for (const event of events) {
    params.push(
      accountId, event.input.id, event.input.type, event.productId, event.userId, event.subscriptionId,
      event.input.type === 'CLOUD_CREDITS' ? (event.input.service ?? event.input.product.toLowerCase()) : (event.input.service ?? null),
      platform.processDateProperty(event.occurredAt),
      event.input.minutes ?? null, event.input.credits ?? null, receivedAt,
    );
  }
  const rows = await query<{ event_id: string }>(
    em,
    `insert into usage_events (account_id, event_id, kind, product_id, user_id, subscription_id, service, occurred_at, minutes, credits, received_at)
     values ${valueRows(events.length, 11)}
     on conflict (account_id, event_id) do nothing returning event_id`,
    params,
  );
  const stored = new Set(rows.map((row) => row.event_id));
  return events.filter((event) => stored.has(event.input.id));
}

/** One entry per person, product and day: what the batch adds to the roll-ups. */
function dayUses(events: Resolved[]): DayUse[] {
  const days = new Map<string, DayUse>();
  for (const event of events) {
    const key = `${event.userId}/${event.productId}/${event.day}`;
    const entry = days.get(key) ?? { userId: event.userId, productId: event.productId, day: event.day, sessions: 0, minutes: 0, credits: 0 };
    if (event.input.type === 'PRODUCT_SESSION') entry.sessions += 1;
    entry.minutes += event.input.minutes ?? 0;
    entry.credits += event.input.credits ?? 0;
    days.set(key, entry);
  }
  return [...days.values()];
}

/** Cloud credits consumed also enter the subscription's credit ledger, which reports sum. */
async function addCreditEntries(em: EntityManager, accountId: string, events: Resolved[], now: Date) {
  const platform = em.getPlatform();
  for (const chunk of chunks(events, ROWS_PER_INSERT)) {
    await run(
      em,
      `insert into cloud_credit_entries (id, created_at, account_id, subscription_id, kind, amount, service, user_id, occurred_at, day)
       values ${chunk.map(() => "(?, ?, ?, ?, 'CONSUMPTION', ?, ?, ?, ?, ?)").join(', ')}`,
      chunk.flatMap((event) => [
        randomUUID(), platform.processDateProperty(now), accountId, event.subscriptionId, -(event.input.credits ?? 0),
        event.input.service ?? event.input.product.toLowerCase(), event.userId, platform.processDateProperty(event.occurredAt), event.day,
      ]),
    );
  }
}

/** Below this share of the credits bought, a subscription's credits are low (`cloud-credits.low`). */
export const CREDITS_LOW_SHARE = 0.1;

interface CreditBalance {
  bought: number;
  left: number;
}

/** Credits bought and left per subscription, from the ledger. */
async function creditBalances(em: EntityManager, accountId: string, subscriptionIds: string[]): Promise<Map<string, CreditBalance>> {
  const balances = new Map<string, CreditBalance>();
  if (!subscriptionIds.length) return balances;
  const rows = await query<{ subscription_id: string; bought: number | string | null; left_over: number | string | null }>(
    em,
    `select subscription_id, sum(case when kind = 'PURCHASE' then amount else 0 end) as bought, sum(amount) as left_over
     from cloud_credit_entries where account_id = ? and subscription_id in (${placeholders(subscriptionIds.length)}) group by subscription_id`,
    [accountId, ...subscriptionIds],
  );
  for (const row of rows) balances.set(row.subscription_id, { bought: Number(row.bought ?? 0), left: Number(row.left_over ?? 0) });
  return balances;
}

/** One `cloud-credits.low` per subscription whose balance this batch took below the low share. */
async function publishCreditsLow(tx: Publishing, accountId: string, before: Map<string, CreditBalance>, after: Map<string, CreditBalance>, now: Date) {
  for (const [subscriptionId, balance] of after) {
    const threshold = balance.bought * CREDITS_LOW_SHARE;
    const was = before.get(subscriptionId)?.left ?? 0;
    if (balance.bought > 0 && balance.left < threshold && was >= threshold) {
      publishWebhookEvent(tx, WebhookEventType.CLOUD_CREDITS_LOW, accountId, { subscriptionId, creditsBought: balance.bought, creditsLeft: balance.left }, now);
    }
  }
}
