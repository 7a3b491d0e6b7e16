import { WebhookEventType } from '@seatwise/schema';
import type { Publishing } from '../jobs/event-bus.js';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import type { EntityManager } from '@mikro-orm/knex';
import { SubscriptionEventKind } from '@seatwise/schema';
import { isoOfDay, localDay } from '../../common/days.js';
import { query, run } from '../../common/sql.js';
import { inTransaction } from '../../common/transaction.js';
import { accountDay } from '../accounts/account-day.js';
import { type Account } from '../accounts/account.entity.js';
import { recordAccountAudit } from '../audit/audit.service.js';
import { SubscriptionEventRow } from './subscription-event.entity.js';
import { isRunning, nextTermEnd, nextTermStart } from './subscription-rules.js';
import { Subscription, SubscriptionState } from './subscription.entity.js';
import { applyRenewal } from './subscription-changes.service.js';

/** What the end of a term did to one subscription. */
export interface TermEnd {
  accountId: string;
  accountName: string;
  subscriptionId: string;
  name: string;
  outcome: 'EXPIRED' | 'CANCELLED' | 'RENEWED';
  endedOn: string;
  /** The new last day, when it renewed by itself. */
  renewedTo: string | null;
}

/**
 * The end of every term whose last day is over in its account's time zone: a MANUAL subscription
 * expires, one cancelled at term end becomes CANCELLED, an AUTO one renews for another term (with
 * the seats scheduled for its renewal). A subscription stops running at its midnight by the rule
 * alone (subscription-rules.ts); this records it: `expired_at`, the customer's event and audit
 * entry, and what `alsoRecord` adds in the same transaction (the vendor's audit log).
 *
 * Each subscription is claimed by one conditional UPDATE (`expired_at is null and version = ?`),
 * so any number of workers may run this at once: each end is applied exactly once, and a vendor's
 * change at the same moment makes one of the two a stale change. Assignments are kept.
 */
export async function applyTermEnds(
  em: EntityManager,
  now: Date,
  alsoRecord?: (tx: EntityManager, end: TermEnd) => void,
): Promise<TermEnd[]> {
  // No zone is more than a day ahead of UTC: anything that could have ended is before tomorrow in UTC.
  const horizon = isoOfDay(localDay(now, 'UTC') + 1);
  const candidates = await query<{ id: string; account_id: string; version: number | string }>(
    em,
    `select s.id, s.account_id, s.version from subscriptions s
     where s.state = ? and s.expired_at is null and s.ends_on < ? order by s.account_id, s.id limit 500`,
    [SubscriptionState.ACTIVE, horizon],
  );
  const applied: TermEnd[] = [];
  for (const candidate of candidates) {
    const day = await accountDay(em, candidate.account_id, now);
    const fork = em.fork();
    const subscription = await fork.findOne(Subscription, { id: candidate.id }, { filters: false, populate: ['contract', 'account'] });
    if (!subscription || isRunning(subscription, day.todayIso)) continue;
    const end = await inTransaction({ em: fork }, async (tx) => {
      const claimed = await run(
        tx.em,
        'update subscriptions set expired_at = ?, version = version + 1 where id = ? and expired_at is null and version = ? and state = ?',
        [tx.em.getPlatform().processDateProperty(now), subscription.id, Number(candidate.version), SubscriptionState.ACTIVE],
      );
      if (claimed !== 1) return null;
      await tx.em.refresh(subscription, { filters: false });
      const endedOn = subscription.endsOn;
      let outcome: TermEnd['outcome'] = 'EXPIRED';
      let renewedTo: string | null = null;
      // The new term's first day, when it renews: the day after the last term it ran through.
      let startedOn: string | null = null;
      const startsBefore = subscription.startsOn;
      if (subscription.cancelAtTermEnd) {
        outcome = 'CANCELLED';
        subscription.state = SubscriptionState.CANCELLED;
        subscription.cancelAtTermEnd = false;
      } else if (subscription.renewal === 'AUTO') {
        outcome = 'RENEWED';
        // Renewed for as many terms as it takes to run today (a worker that was down for months).
        let previous = endedOn;
        let next = nextTermEnd(endedOn, subscription.term);
        while (next < day.todayIso) {
          previous = next;
          next = nextTermEnd(next, subscription.term);
        }
        renewedTo = next;
        startedOn = nextTermStart(previous);
        applyRenewal(subscription, startedOn, next);
        if (subscription.contract.endsOn < next) subscription.contract.endsOn = next;
      } else if (subscription.scheduledSeats !== null) {
        // The scheduled seats apply at the renewal date, renewed or not.
        subscription.seats = subscription.scheduledSeats;
        subscription.scheduledSeats = null;
      }
      const accountName = (subscription.account as Account).name;
      tx.em.create(SubscriptionEventRow, {
        account: subscription.account,
        subscription,
        kind: outcome === 'RENEWED' ? SubscriptionEventKind.RENEWED : outcome === 'CANCELLED' ? SubscriptionEventKind.CANCELLED : SubscriptionEventKind.EXPIRED,
        amount: subscription.seats,
        effectiveOn: renewedTo ?? endedOn,
      });
      const summary =
        outcome === 'RENEWED'
          ? `${subscription.name} renewed by itself to ${renewedTo}`
          : outcome === 'CANCELLED'
            ? `${subscription.name} ended on ${endedOn} as cancelled at term end`
            : `${subscription.name} expired at the end of ${endedOn}: its seats can no longer be used (assignments kept)`;
      recordAccountAudit(tx.em, candidate.account_id, null, {
        action: outcome === 'RENEWED' ? 'subscription.auto-renew' : 'subscription.expire',
        targetType: 'subscription',
        targetId: subscription.id,
        summary,
        ...(startedOn ? { before: { startsOn: startsBefore, endsOn: endedOn } } : {}),
        after: { outcome, endedOn, ...(startedOn ? { startsOn: startedOn } : {}), renewedTo, seats: subscription.seats },
      });
      const result: TermEnd = { accountId: candidate.account_id, accountName, subscriptionId: subscription.id, name: subscription.name, outcome, endedOn, renewedTo };
      alsoRecord?.(tx.em, result);
      await tx.em.flush();
      return result;
    });
    if (end) applied.push(end);
  }
  return applied;
}

/** The webhook event of a term end (`subscription.expired`, `.cancelled` or `.renewed`), in its transaction. */
export function publishTermEndWebhook(tx: Publishing, end: TermEnd, now: Date): void {
  const type = end.outcome === 'RENEWED' ? WebhookEventType.SUBSCRIPTION_RENEWED : end.outcome === 'CANCELLED' ? WebhookEventType.SUBSCRIPTION_CANCELLED : WebhookEventType.SUBSCRIPTION_EXPIRED;
  publishWebhookEvent(tx, type, end.accountId, { subscriptionId: end.subscriptionId, name: end.name, endedOn: end.endedOn, renewedTo: end.renewedTo, change: end.outcome, byItself: true }, now);
}
