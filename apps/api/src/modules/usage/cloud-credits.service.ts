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
