import type { EntityManager } from '@mikro-orm/knex';
import { valueRows } from '../../common/batches.js';
import { isoOfDay, localDay } from '../../common/days.js';
import { query } from '../../common/sql.js';
import { accountDay } from '../accounts/account-day.js';
import { SubscriptionProduct } from '../subscriptions/subscription-product.entity.js';
import { UsageEventKind } from './usage-event.entity.js';
import { addToRollups } from './rollups.js';

/** A product in use, as its own licence calls (a checkout, a heartbeat) say. */
export interface ProductUse {
  /** What the use belongs to, e.g. `lease:<id>`: one session per key and day of the account. */
  key: string;
  userId: string;
  productId: string;
  subscriptionId: string;
  at: Date;
}

/**
 * Records product sessions from the product's own checkouts and heartbeats (issue 17, item 4) into
 * the same usage data ingestion writes: a `PRODUCT_SESSION` event in `usage_events` and the roll-ups
 * Seat Usage, Insights and the reclaim candidates read. One event per key and day in the account's
 * time zone (`seatwise:<key>:<day>`), so the next heartbeat of the same day, a retried checkout or a
 * second instance answering the same call changes nothing; a lease running past midnight is a
 * session on the new day too. In the caller's transaction (`em`), so the use commits with the lease.
 * Returns how many sessions were new.
 */
export async function recordProductUse(em: EntityManager, accountId: string, uses: ProductUse[]): Promise<number> {
  if (!uses.length) return 0;
  const { timeZone } = await accountDay(em, accountId, uses[0]!.at);
  const platform = em.getPlatform();
  const rows = uses.map((use) => {
    const day = localDay(use.at, timeZone);
    return { ...use, day, eventId: `seatwise:${use.key}:${isoOfDay(day)}` };
  });
  const stored = new Set(
    (
      await query<{ event_id: string }>(
        em,
        `insert into usage_events (account_id, event_id, kind, product_id, user_id, subscription_id, service, occurred_at, minutes, credits, received_at)
         values ${valueRows(rows.length, 11)}
         on conflict (account_id, event_id) do nothing returning event_id`,
        rows.flatMap((row) => [
          accountId, row.eventId, UsageEventKind.PRODUCT_SESSION, row.productId, row.userId, row.subscriptionId, null,
          platform.processDateProperty(row.at), 0, null, platform.processDateProperty(row.at),
        ]),
      )
    ).map((row) => row.event_id),
  );
  const fresh = rows.filter((row) => stored.has(row.eventId));
  if (!fresh.length) return 0;
  const productIds = [...new Set(fresh.map((row) => row.productId))];
  const included = await em.find(SubscriptionProduct, { account: accountId, product: { $in: productIds } }, { filters: false });
  const subscriptionsOf = new Map<string, string[]>();
  for (const row of included) subscriptionsOf.set(row.product.id, [...(subscriptionsOf.get(row.product.id) ?? []), row.subscription.id]);
  const days = new Map<string, { userId: string; productId: string; day: number; sessions: number; minutes: number; credits: number }>();
  for (const row of fresh) {
    const key = `${row.userId}/${row.productId}/${row.day}`;
    const entry = days.get(key) ?? { userId: row.userId, productId: row.productId, day: row.day, sessions: 0, minutes: 0, credits: 0 };
    entry.sessions += 1;
    days.set(key, entry);
  }
  await addToRollups(em, accountId, [...days.values()], subscriptionsOf);
  return fresh.length;
}
