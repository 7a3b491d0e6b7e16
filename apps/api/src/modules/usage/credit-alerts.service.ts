import { type CloudCreditAlerts, CloudCreditWarningLevel, type SetCloudCreditAlertInput } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { Account } from '../accounts/account.entity.js';
import { accountToday } from '../accounts/account-day.js';
import { recordAudit } from '../audit/audit.service.js';
import { isRunning } from '../subscriptions/subscription-rules.js';
import { Subscription } from '../subscriptions/subscription.entity.js';
import { creditBalancesOf } from './cloud-credits.service.js';
import { CREDITS_LOW_SHARE } from './ingestion.service.js';

/** The largest threshold an admin can set. */
export const MAX_CREDIT_ALERT_THRESHOLD = 100_000_000;

/**
 * How a running subscription's credits are warned about: below zero; below the account's
 * threshold; without one, below the low share of those bought (what the CLOUD_CREDITS_LOW webhook
 * uses); else not at all.
 */
export function creditWarningOf(balance: { purchased: number; remaining: number }, threshold: number | null): CloudCreditWarningLevel | null {
  if (balance.remaining < 0) return CloudCreditWarningLevel.NEGATIVE;
  if (threshold !== null) return balance.remaining < threshold ? CloudCreditWarningLevel.LOW : null;
  return balance.purchased > 0 && balance.remaining < balance.purchased * CREDITS_LOW_SHARE ? CloudCreditWarningLevel.LOW : null;
}

/** The threshold and the running subscriptions warned about, lowest balance first (Cloud credits page, admin home). */
export async function cloudCreditAlerts(ctx: AccountContext): Promise<CloudCreditAlerts> {
  const account = await ctx.em.findOneOrFail(Account, { id: ctx.viewer.accountId });
  const balances = await creditBalancesOf(ctx.em, account.id);
  const { todayIso } = await accountToday(ctx);
  const subscriptions = balances.size ? await ctx.em.find(Subscription, { id: { $in: [...balances.keys()] } }) : [];
  const warnings = subscriptions
    .filter((subscription) => isRunning(subscription, todayIso))
    .flatMap((subscription) => {
      const balance = balances.get(subscription.id)!;
      const level = creditWarningOf(balance, account.creditAlertThreshold);
      return level ? [{ subscription: { id: subscription.id, name: subscription.name, serialNumber: subscription.serialNumber }, remaining: balance.remaining, level }] : [];
    })
    .sort((a, b) => a.remaining - b.remaining || a.subscription.name.localeCompare(b.subscription.name));
  return { threshold: account.creditAlertThreshold, warnings };
}

/** Sets or clears the threshold, audited; the next daily run alerts on what is below it. */
export async function setCloudCreditAlert(ctx: AccountContext, input: SetCloudCreditAlertInput): Promise<CloudCreditAlerts> {
  const threshold = input.threshold ?? null;
  if (threshold !== null && (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_CREDIT_ALERT_THRESHOLD)) {
    throw new InvalidInputError('threshold', msg('The alert threshold must be a whole number of credits from 0 to {max}.', { max: MAX_CREDIT_ALERT_THRESHOLD }));
  }
  await inTransaction(ctx, async (tx) => {
    const account = await tx.em.findOneOrFail(Account, { id: ctx.viewer.accountId });
    const before = account.creditAlertThreshold;
    account.creditAlertThreshold = threshold;
    recordAudit(tx, {
      action: 'cloud-credits.alert.change',
      targetType: 'account',
      targetId: account.id,
      summary: threshold === null ? msg('Turned the cloud-credit alert off') : msg('Set the cloud-credit alert to fewer than {threshold} credits left', { threshold }),
      before: { threshold: before },
      after: { threshold },
    });
  });
  return cloudCreditAlerts(ctx);
}
