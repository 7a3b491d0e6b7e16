import type { EntityManager } from '@mikro-orm/knex';
import { query } from '../../common/sql.js';
import { Account } from '../accounts/account.entity.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { CloudCreditEntry, CloudCreditEntryKind } from './cloud-credit-entry.entity.js';

/**
 * A purchase of cloud credits into a subscription's ledger, in the caller's transaction (`em`),
 * on the account's day `day`; returns the balance after it (the signed sum of the ledger, never
 * stored twice). Cloud Services Usage reads the same rows, so the purchase shows there at once.
 */
export async function addCreditPurchase(
  em: EntityManager,
  purchase: { accountId: string; subscriptionId: string; credits: number; at: Date; day: number },
): Promise<number> {
  em.create(CloudCreditEntry, {
    account: em.getReference(Account, purchase.accountId),
    subscription: em.getReference(Subscription, purchase.subscriptionId),
    kind: CloudCreditEntryKind.PURCHASE,
    amount: purchase.credits,
    occurredAt: purchase.at,
    day: purchase.day,
  });
  await em.flush();
  const [row] = await query<{ balance: number | string | null }>(
    em,
    'select sum(amount) as balance from cloud_credit_entries where account_id = ? and subscription_id = ?',
    [purchase.accountId, purchase.subscriptionId],
  );
  return Number(row?.balance ?? 0);
}

/** Credits bought (purchases and adjustments) and left, per subscription of the account that has any ledger rows. */
export async function creditBalancesOf(em: EntityManager, accountId: string): Promise<Map<string, { purchased: number; remaining: number }>> {
  const rows = await query<{ subscription_id: string; purchased: number | string | null; remaining: number | string | null }>(
    em,
    `select subscription_id, sum(case when kind <> 'CONSUMPTION' then amount else 0 end) as purchased, sum(amount) as remaining
     from cloud_credit_entries where account_id = ? group by subscription_id`,
    [accountId],
  );
  return new Map(rows.map((row) => [row.subscription_id, { purchased: Number(row.purchased ?? 0), remaining: Number(row.remaining ?? 0) }]));
}
