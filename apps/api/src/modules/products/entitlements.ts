import { ProductKind } from '../catalog/product.entity.js';
import type { Product } from '../catalog/product.entity.js';
import { type ProductVersion } from '../catalog/product-version.entity.js';
import type { AccountContext } from '../../context.js';
import { SeatAssignment } from '../subscriptions/seat-assignment.entity.js';
import { LicenceType, type Subscription } from '../subscriptions/subscription.entity.js';
import { SubscriptionProduct } from '../subscriptions/subscription-product.entity.js';
import { Trial } from './trial.entity.js';
import { dayOfIso } from '../../common/days.js';
import { accountToday } from '../accounts/account-day.js';
import { seatsUsedSql } from '../subscriptions/seat-rules.js';
import { isRunning } from '../subscriptions/subscription-rules.js';
import { isAdminRole, versionsCovered } from './entitlement-rules.js';
import { isOffered } from '../catalog/catalog-rules.js';

export interface LicenceGrant {
  subscription: Subscription;
  seatsAssigned: number;
  holdsSeat: boolean;
  /** Running on the account's today (subscriptions/subscription-rules.ts). */
  running: boolean;
  /** Days from the account's today to the last day; negative once it has ended. */
  daysLeft: number;
}

export interface VersionGrant {
  version: ProductVersion;
  /** The subscription whose serial number activates it; null when only a trial covers it. */
  subscription: Subscription | null;
}

/** What one person may do with one product, worked out from subscriptions, seats and trials. */
export interface Entitlement {
  product: Product;
  licences: LicenceGrant[];
  /** Downloadable versions, newest first. */
  versions: VersionGrant[];
  trial: Trial | null;
  homeUseAllowed: boolean;
  networkLicenceAllowed: boolean;
}

/**
 * Every product the viewer is entitled to (listed even when every licence has ended, so its status
 * shows), plus products they only have an active trial of. Read in four queries for the account.
 */
export async function loadEntitlements(ctx: AccountContext): Promise<Entitlement[]> {
  const { em, viewer } = ctx;
  const now = ctx.config.now();
  const { today, todayIso } = await accountToday(ctx);
  const admin = isAdminRole(viewer.role);
  const items = await em.find(
    SubscriptionProduct,
    {},
    { populate: ['subscription', 'product', 'product.versions'], orderBy: { product: { name: 'asc' } } },
  );
  // Seats per subscription counted in the database: an account may hold tens of thousands of seats.
  const counts: { subscription_id: string; total: number | string }[] = await em
    .getKnex()
    .from('subscriptions as s')
    .where('s.account_id', viewer.accountId)
    .select('s.id as subscription_id', em.getKnex().raw(`${seatsUsedSql('s')} as total`));
  const assigned = new Map(counts.map((row) => [row.subscription_id, Number(row.total)]));
  const mine = new Set(
    (await em.find(SeatAssignment, { user: viewer.userId }, { fields: ['subscription'] })).map((seat) => seat.subscription.id),
  );
  const trials = await em.find(Trial, { user: viewer.userId }, { populate: ['product', 'product.versions'] });

  const byProduct = new Map<string, Entitlement>();
  const entry = (product: Product) => {
    let found = byProduct.get(product.id);
    if (!found) {
      found = { product, licences: [], versions: [], trial: null, homeUseAllowed: false, networkLicenceAllowed: false };
      byProduct.set(product.id, found);
    }
    return found;
  };
  for (const item of items) {
    const subscription = item.subscription;
    const holdsSeat = mine.has(subscription.id);
    if (!admin && !holdsSeat) continue;
    const entitlement = entry(item.product);
    const active = isRunning(subscription, todayIso);
    entitlement.licences.push({
      subscription,
      seatsAssigned: assigned.get(subscription.id) ?? 0,
      holdsSeat,
      running: active,
      daysLeft: dayOfIso(subscription.endsOn)! - today,
    });
    if (active && holdsSeat && subscription.licenceType === LicenceType.SINGLE_USER) entitlement.homeUseAllowed = true;
    if (active && admin && subscription.licenceType === LicenceType.NETWORK) entitlement.networkLicenceAllowed = true;
  }
  for (const trial of trials) entry(trial.product).trial = trial;

  for (const entitlement of byProduct.values()) {
    if (entitlement.product.kind !== ProductKind.SOFTWARE) continue;
    // Drafts and retired versions are the vendor's, not offered (catalog/catalog-rules.ts).
    const newestFirst = [...entitlement.product.versions].filter(isOffered).sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
    newestFirst.forEach((version, index) => {
      // The licence covering most versions gives the serial number; ties go to the longest-running one.
      const covering = entitlement.licences
        .map((licence) => licence.subscription)
        .filter((subscription) => index < versionsCovered(subscription, todayIso))
        .sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
      if (covering) entitlement.versions.push({ version, subscription: covering });
      else if (index === 0 && entitlement.trial && entitlement.trial.endsAt > now) {
        entitlement.versions.push({ version, subscription: null });
      }
    });
  }
  return [...byProduct.values()].sort((a, b) => a.product.name.localeCompare(b.product.name));
}

/** The viewer's grant for one product version, or null: what every download and request checks. */
export async function findVersionGrant(ctx: AccountContext, versionId: string): Promise<{ entitlement: Entitlement; grant: VersionGrant } | null> {
  for (const entitlement of await loadEntitlements(ctx)) {
    const grant = entitlement.versions.find((candidate) => candidate.version.id === versionId);
    if (grant) return { entitlement, grant };
  }
  return null;
}
