import { SubscriptionStatus } from '@seatwise/schema';
import { dayOfIso, isoOfDay } from '../../common/days.js';
import { SubscriptionState } from './subscription.entity.js';

/**
 * A running subscription: not cancelled, and its end date not yet past on the account's day
 * (accounts/account-day.ts). It is the one rule behind seats that can be handed out, what people
 * are entitled to, licence files, reports, the home page and where usage is counted; the JS
 * predicate and the SQL fragment below say the same thing, and test/business-rules.test.ts holds
 * every caller to it. A subscription cancelled "at the end of its term" stays ACTIVE until then.
 */
export interface RunningFacts {
  state: string;
  /** YYYY-MM-DD, the last day it runs. */
  endsOn: string;
}

export const isRunning = (subscription: RunningFacts, dayIso: string): boolean =>
  subscription.state === SubscriptionState.ACTIVE && subscription.endsOn >= dayIso;

/** The same rule for the subscriptions row `alias`; its one `?` is the day (YYYY-MM-DD). */
export const runningSql = (alias: string) => `${alias}.state = '${SubscriptionState.ACTIVE}' and ${alias}.ends_on >= ?`;

/**
 * The same rule over a range of days, for reports of the past: a subscription ran on some day of a
 * range when it ran on the range's first day, because the rule only looks forward (running on a day
 * means running on every day before it). Its one `?` is the range's first day (YYYY-MM-DD). A
 * subscription that has since ended is still one that ran in a range before its end.
 */
export const ranDuringSql = (alias: string) => runningSql(alias);

/** Subscriptions renewing within this many days are "expiring". */
export const EXPIRING_WITHIN_DAYS = 90;

/**
 * The status people see, from the same rule: a running subscription is ACTIVE or, within
 * EXPIRING_WITHIN_DAYS of its end, EXPIRING; one that is not is CANCELLED or EXPIRED.
 */
export function statusOf(state: SubscriptionState, daysToRenewal: number): SubscriptionStatus {
  if (state === SubscriptionState.CANCELLED) return SubscriptionStatus.CANCELLED;
  if (daysToRenewal < 0) return SubscriptionStatus.EXPIRED;
  return daysToRenewal <= EXPIRING_WITHIN_DAYS ? SubscriptionStatus.EXPIRING : SubscriptionStatus.ACTIVE;
}

const TERM_MONTHS: Record<string, number> = { MONTHLY: 1, ANNUAL: 12, THREE_YEAR: 36 };

/**
 * The last day of the term that follows one ending on `endsOn` (YYYY-MM-DD): the same day of the
 * month one term later (the month's last day when it is shorter). Renewals, by the vendor or by
 * themselves at the end of the last day, use it.
 */
export function nextTermEnd(endsOn: string, term: string): string {
  const [year, month, day] = endsOn.split('-').map(Number) as [number, number, number];
  const months = year * 12 + (month - 1) + (TERM_MONTHS[term] ?? 12);
  const lastOfMonth = new Date(Date.UTC(Math.floor(months / 12), (months % 12) + 1, 0)).getUTCDate();
  return new Date(Date.UTC(Math.floor(months / 12), months % 12, Math.min(day, lastOfMonth))).toISOString().slice(0, 10);
}

/**
 * The first day of the term that follows one ending on `endsOn` (YYYY-MM-DD): the next day. A
 * renewal moves the subscription's `startsOn` there (its earlier terms stay in its events and the
 * audit log, and its contract keeps its own start).
 */
export function nextTermStart(endsOn: string): string {
  return isoOfDay(dayOfIso(endsOn)! + 1);
}
