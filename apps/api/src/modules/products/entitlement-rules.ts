import { createHash } from 'node:crypto';
import { Role } from '@seatwise/schema';
import { LicenceType, type Subscription, SubscriptionTerm } from '../subscriptions/subscription.entity.js';
import { isRunning } from '../subscriptions/subscription-rules.js';

/**
 * The rules of who may reach which software, in one place, so the lists, the download route and
 * the licence requests agree:
 * - an admin is entitled to every product of the account's subscriptions; a User only to the
 *   products of subscriptions in which they hold a seat;
 * - a subscription entitles while it runs (subscriptions/subscription-rules.ts: on the account's
 *   day, not cancelled and not past its end date);
 * - it covers the current version and, except on a monthly term, the two previous ones; cloud
 *   licences cover services, which have no versions to download;
 * - home use is for people holding a seat of a single-user licence; network licence files are for
 *   admins, from network subscriptions, up to the subscription's seats.
 */
export const PREVIOUS_VERSIONS_ALLOWED = 2;

export const isAdminRole = (role: Role) => role === Role.PRIMARY_ADMIN || role === Role.SECONDARY_ADMIN;

/** How many versions, newest first, a subscription covers on a day (0 = none downloadable). */
export function versionsCovered(subscription: Pick<Subscription, 'state' | 'endsOn' | 'licenceType' | 'term'>, dayIso: string): number {
  if (!isRunning(subscription, dayIso) || subscription.licenceType === LicenceType.CLOUD) return 0;
  return subscription.term === SubscriptionTerm.MONTHLY ? 1 : 1 + PREVIOUS_VERSIONS_ALLOWED;
}

/** A product key in the vendor's style: three digits for the product, a letter for the release year, a check digit. */
export function productKey(productCode: string, version: string): string {
  const digits = String(parseInt(createHash('sha256').update(productCode).digest('hex').slice(0, 6), 16) % 1000).padStart(3, '0');
  const year = Number.parseInt(version, 10);
  const letter = Number.isFinite(year) ? String.fromCharCode(65 + ((year - 2000) % 26)) : 'X';
  return `${digits}${letter}1`;
}
