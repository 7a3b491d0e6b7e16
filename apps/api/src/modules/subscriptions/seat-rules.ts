import { isRunning, type RunningFacts, runningSql } from './subscription-rules.js';

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

/**
 * The person of the memberships row `member` holds a seat covering one of `products` (ids; a
 * collection's seat covers each of its products) on a running subscription: the users list's
 * product filter. Its `?` are the account's day (YYYY-MM-DD), then one per product id.
 */
export const holdsProductSeatSql = (member: string, products: number) =>
  `exists (select 1 from seat_assignments hs` +
  ` join subscriptions hsub on hsub.id = hs.subscription_id and hsub.account_id = hs.account_id` +
  ` join subscription_products hsp on hsp.subscription_id = hs.subscription_id and hsp.account_id = hs.account_id` +
  ` where hs.account_id = ${member}.account_id and hs.user_id = ${member}.user_id and ${runningSql('hsub')}` +
  ` and hsp.product_id in (${Array.from({ length: products }, () => '?').join(', ')}))`;
