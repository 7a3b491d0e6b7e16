import type { EntityManager } from '@mikro-orm/knex';
import { CustomerStatus, MembershipStatus, NotificationCategory, Role } from '@seatwise/schema';
import { dayOfIso, isoOfDay, localDay } from '../../common/days.js';
import { inTransaction } from '../../common/transaction.js';
import type { Logger } from '../../logger.js';
import { Account } from '../accounts/account.entity.js';
import type { EventBus } from '../jobs/event-bus.js';
import { SeatAssignment } from '../subscriptions/seat-assignment.entity.js';
import { isRunning } from '../subscriptions/subscription-rules.js';
import { LicenceType, Subscription, SubscriptionState } from '../subscriptions/subscription.entity.js';
import { creditBalancesOf } from '../usage/cloud-credits.service.js';
import { Membership } from '../users/membership.entity.js';
import type { NotificationMailData } from './notification-mails.js';
import { mutedAmong, notifyOnce, rearmNotification } from './notifications.service.js';

/** Days before a term's last day at which its admins are told, largest first. */
export const RENEWAL_NOTICE_DAYS = [90, 60, 30, 7] as const;

/** An expiry older than this on the account's day is not announced (a first run after long downtime, or a new deployment). */
const EXPIRY_NOTICE_WITHIN_DAYS = 7;

/**
 * The notice a term is due for on the account's day: the smallest of RENEWAL_NOTICE_DAYS not below
 * the days left, so a run missed on the 30th day before still sends the 30-day notice on the 29th;
 * null beyond 90 days.
 */
export function renewalNoticeFor(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  return [...RENEWAL_NOTICE_DAYS].reverse().find((notice) => daysLeft <= notice) ?? null;
}

interface DueContext {
  em: EntityManager;
  events: EventBus;
}

/**
 * The daily notifications (schedule `notifications.daily`): for each active account, on its own
 * day, renewals due and expiries to its admins, and the usage alerts (cloud credits below the
 * account's threshold, a subscription with every seat assigned). Each is claimed per (kind,
 * subject, person) in `notifications_sent`, so a second run, or a second instance running at the
 * same time, sends nothing more. Returns the number of mails queued.
 */
export async function sendDueNotifications(ctx: DueContext, now: Date, logger?: Logger): Promise<number> {
  const accounts = await ctx.em.find(Account, { status: CustomerStatus.ACTIVE }, { orderBy: { id: 'asc' } });
  let queued = 0;
  for (const account of accounts) {
    try {
      queued += await inTransaction({ em: ctx.em.fork() as EntityManager, events: ctx.events }, (tx) => accountNotifications(tx, account, now));
    } catch (error) {
      // One account's failure does not hold the others back; the next run tries it again.
      logger?.error({ err: error, account: account.id }, 'notifications of an account failed');
      if (!logger) throw error;
    }
  }
  return queued;
}

/** What one pass looks at: everything (the daily run), or only the cloud credits (after usage came in). */
type Scope = 'all' | 'credits';

async function accountNotifications(tx: DueContext, account: Account, now: Date, scope: Scope = 'all'): Promise<number> {
  const today = localDay(now, account.timeZone);
  const todayIso = isoOfDay(today);
  const filters = { filters: false } as const;
  const admins = await tx.em.find(
    Membership,
    { account: account.id, status: MembershipStatus.ACTIVE, role: { $in: [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN] } },
    { ...filters, orderBy: { user: 'asc' } },
  );
  const adminIds = admins.map((admin) => admin.user.id);
  if (!adminIds.length) return 0;
  const muted = {
    [NotificationCategory.SUBSCRIPTION_RENEWALS]: await mutedAmong(tx.em, adminIds, NotificationCategory.SUBSCRIPTION_RENEWALS),
    [NotificationCategory.USAGE_ALERTS]: await mutedAmong(tx.em, adminIds, NotificationCategory.USAGE_ALERTS),
  };
  let queued = 0;
  const tell = async (category: keyof typeof muted, kind: string, subject: string, mail: NotificationMailData) => {
    for (const userId of adminIds) {
      // Someone who turned the category off is not claimed for: turned on again, they hear of what is still due.
      if (muted[category].has(userId)) continue;
      if (await notifyOnce(tx, { kind, subject, userId }, account.id, mail)) queued += 1;
    }
  };

  const subscriptions = await tx.em.find(Subscription, { account: account.id }, { ...filters, orderBy: { name: 'asc', id: 'asc' } });
  const balances = account.creditAlertThreshold === null ? null : await creditBalancesOf(tx.em, account.id);
  for (const subscription of subscriptions) {
    const term = `${subscription.id}@${subscription.endsOn}`;
    const names = { subscription: subscription.name, account: account.name };
    if (isRunning(subscription, todayIso)) {
      const days = dayOfIso(subscription.endsOn)! - today;
      const notice = scope === 'all' ? renewalNoticeFor(days) : null;
      if (notice !== null) {
        await tell(NotificationCategory.SUBSCRIPTION_RENEWALS, `renewal.${notice}`, term, {
          kind: 'renewal',
          ...names,
          endsOn: subscription.endsOn,
          days,
          autoRenews: subscription.renewal === 'AUTO' && !subscription.cancelAtTermEnd,
        });
      }

      if (scope === 'all' && subscription.licenceType !== LicenceType.CLOUD && subscription.seats > 0) {
        const used = await tx.em.count(SeatAssignment, { account: account.id, subscription: subscription.id }, filters);
        if (used >= subscription.seats) await tell(NotificationCategory.USAGE_ALERTS, 'fully-assigned', subscription.id, { kind: 'fully-assigned', ...names, seats: subscription.seats });
        else await rearmNotification(tx.em, 'fully-assigned', subscription.id);
      }

      const balance = balances?.get(subscription.id);
      if (balance && account.creditAlertThreshold !== null) {
        if (balance.remaining < account.creditAlertThreshold) {
          await tell(NotificationCategory.USAGE_ALERTS, 'credits-low', subscription.id, {
            kind: 'credits-low',
            ...names,
            remaining: balance.remaining,
            threshold: account.creditAlertThreshold,
          });
        } else {
          await rearmNotification(tx.em, 'credits-low', subscription.id);
        }
      }
    } else if (
      scope === 'all' &&
      subscription.state === SubscriptionState.ACTIVE &&
      subscription.expiredAt !== null &&
      today - dayOfIso(subscription.endsOn)! <= EXPIRY_NOTICE_WITHIN_DAYS
    ) {
      await tell(NotificationCategory.SUBSCRIPTION_RENEWALS, 'expired', term, { kind: 'expired', ...names, endsOn: subscription.endsOn });
    }
  }
  return queued;
}

/**
 * Usage that came in (`usage.cloud-credits-consumed`, published by the ingestion in its
 * transaction) is checked against the account's threshold at once, not at the next daily run; the
 * claims are the same, so the daily run sends nothing twice.
 */
export function subscribeCreditAlerts(events: EventBus): void {
  events.subscribe('usage.cloud-credits-consumed', 'credit-alerts', async ({ accountId }, { em, now }) => {
    const account = await em.findOne(Account, { id: accountId });
    if (!account || account.status !== CustomerStatus.ACTIVE || account.creditAlertThreshold === null) return;
    await inTransaction({ em, events }, (tx) => accountNotifications(tx, account, now, 'credits'));
  });
}
