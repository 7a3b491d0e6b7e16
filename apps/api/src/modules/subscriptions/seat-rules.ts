import { isRunning, type RunningFacts } from './subscription-rules.js';

/**
 * Seats used of a subscription: the assignments on it, however long ago they were made (an
 * ended subscription keeps its assignments for history and reports). One definition for the seat
 * ceiling, the subscriptions list, Seat Usage and Insights; `seatsFree` is its JS half.
 */
export const seatsUsedSql = (subscription: string) =>
  `(select count(*) from seat_assignments sa where sa.account_id = ${subscription}.account_id and sa.subscription_id = ${subscription}.id)`;

/** Seats nobody holds; never negative, also when seats were reduced below the assignments. */
export const seatsFree = (seats: number, used: number) => Math.max(0, seats - used);

/** The same for the subscriptions row `alias`, in SQL. */
export const seatsFreeSql = (subscription: string) =>
  `(case when ${subscription}.seats > ${seatsUsedSql(subscription)} then ${subscription}.seats - ${seatsUsedSql(subscription)} else 0 end)`;

/** Seats of a subscription can be handed out while it runs (up to `seatsFree` of them). */
export const seatsAssignable = (subscription: RunningFacts, dayIso: string) => isRunning(subscription, dayIso);
