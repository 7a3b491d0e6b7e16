import { type NetworkLease as NetworkLeaseNode, type NetworkSeats, WebhookEventType } from '@seatwise/schema';
import { inAccount, query, sql } from '../../common/sql.js';
import { inTransaction } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg, NotFoundError } from '../../errors.js';
import type { Publishing } from '../jobs/event-bus.js';
import { accountToday } from '../accounts/account-day.js';
import { recordAudit } from '../audit/audit.service.js';
import { isOffered } from '../catalog/catalog-rules.js';
import { Product } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';
import { versionsCovered } from '../products/entitlement-rules.js';
import { lockSubscription } from '../subscriptions/seats.service.js';
import { SubscriptionProduct } from '../subscriptions/subscription-product.entity.js';
import { isRunning } from '../subscriptions/subscription-rules.js';
import { LicenceType, Subscription } from '../subscriptions/subscription.entity.js';
import { recordProductUse } from '../usage/product-sessions.service.js';
import { Membership } from '../users/membership.entity.js';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import { seatsInLicenceFiles } from './licensing.service.js';
import { LeaseEnd, NetworkLease } from './network-lease.entity.js';
import { leaseNotFound, leaseRefusals } from './network-lease.errors.js';

/** What a product sends to take a network seat: the same body as a named-user checkout. */
export interface NetworkCheckoutInput {
  product: string;
  version: string;
  machine: { fingerprint: string; name: string; platform: string };
}

/** A network seat taken (or kept) by a checkout or a heartbeat. */
export interface NetworkLeaseGrant {
  leaseId: string;
  subscriptionId: string;
  product: string;
  version: string;
  machine: string;
  expiresAt: Date;
  heartbeatSeconds: number;
  /** The same machine already held the seat: its lease was extended, no seat more was taken. */
  renewed: boolean;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lease id of a heartbeat or checkin body, or BAD_USER_INPUT; an id that is no UUID is nobody's lease. */
export function readLeaseId(body: unknown): string {
  const leaseId = ((body ?? {}) as Record<string, unknown>).leaseId;
  if (typeof leaseId !== 'string' || !leaseId.trim()) throw leaseRefusals.BAD_LEASE();
  if (!UUID_PATTERN.test(leaseId.trim())) throw leaseRefusals.LEASE_NOT_FOUND();
  return leaseId.trim().toLowerCase();
}

const heartbeatMs = (ctx: Pick<AccountContext, 'config'>) => ctx.config.lease.heartbeatSeconds * 1000;
/** A lease frees itself two heartbeat intervals after its last heartbeat. */
const expiryAfter = (ctx: Pick<AccountContext, 'config'>, at: Date) => new Date(at.getTime() + 2 * heartbeatMs(ctx));

/**
 * The rule of a live lease, in the two places it is read: not ended, and not past `expiresAt` by
 * the server's clock. Reads (the admin's list, the counts) apply it at read time, so a lease with no
 * heartbeat is free the moment it expires; `endExpiredLeases` records the ending afterwards.
 */
export const isLive = (lease: Pick<NetworkLease, 'endedAt' | 'expiresAt'>, now: Date) => lease.endedAt === null && lease.expiresAt.getTime() > now.getTime();

interface EndedRow {
  id: string;
  account_id: string;
  user_id: string;
  product_id: string;
  subscription_id: string;
}

/** `licence.released` for leases that ended, in the caller's transaction. */
async function publishReleased(tx: Publishing, rows: EndedRow[], reason: LeaseEnd, now: Date) {
  if (!rows.length) return;
  const codes = new Map((await tx.em.find(Product, { id: { $in: [...new Set(rows.map((row) => row.product_id))] } })).map((product) => [product.id, product.code]));
  for (const row of rows) {
    publishWebhookEvent(tx, WebhookEventType.LICENCE_RELEASED, row.account_id, {
      leaseId: row.id,
      userId: row.user_id,
      product: codes.get(row.product_id),
      subscriptionId: row.subscription_id,
      licenceType: LicenceType.NETWORK,
      reason,
    }, now);
  }
}

/**
 * Records the end of the leases of these subscriptions whose last heartbeat is two intervals past,
 * as at their expiry. Under the subscriptions' locks (a checkout): on PostgreSQL the update waits for
 * a heartbeat in flight on the same row and then sees it, so a lease that was just extended is not
 * ended, and the count that follows (a new statement) sees the extension.
 */
async function endExpiredLeases(tx: AccountContext, subscriptionIds: string[], now: Date): Promise<void> {
  const rows = await query<EndedRow>(
    tx.em,
    sql`update network_leases set ended_at = expires_at, end_reason = ${LeaseEnd.EXPIRED}
        where ${inAccount(tx)} and subscription_id in (${subscriptionIds}) and ended_at is null and expires_at <= ${now}
        returning id, account_id, user_id, product_id, subscription_id`,
  );
  await publishReleased(tx, rows, LeaseEnd.EXPIRED, now);
}

/**
 * The scheduled sweep: ends every lease of every account whose last heartbeat is two intervals
 * past, and tells webhooks. A checkout does not wait for it: it applies the same rule itself.
 */
export async function sweepExpiredLeases(tx: Publishing, now: Date): Promise<number> {
  return inTransaction(tx, async (inner) => {
    const rows = await query<EndedRow>(
      inner.em,
      `update network_leases set ended_at = expires_at, end_reason = ? where ended_at is null and expires_at <= ?
       returning id, account_id, user_id, product_id, subscription_id`,
      [LeaseEnd.EXPIRED, now],
    );
    await publishReleased(inner, rows, LeaseEnd.EXPIRED, now);
    return rows.length;
  });
}

/** The running network subscriptions of the account that cover this product version, or the refusal that says why none does. */
async function coveringSubscriptions(ctx: AccountContext, input: NetworkCheckoutInput): Promise<{ product: Product; candidates: { subscription: Subscription }[]; todayIso: string }> {
  const product = await ctx.em.findOne(Product, { code: input.product }, { populate: ['versions'] });
  if (!product) throw leaseRefusals.PRODUCT_NOT_FOUND();
  const items = await ctx.em.find(SubscriptionProduct, { product: product.id, subscription: { licenceType: LicenceType.NETWORK } }, { populate: ['subscription'] });
  if (!items.length) throw leaseRefusals.NO_NETWORK_LICENCE();
  const { todayIso } = await accountToday(ctx);
  const running = items.map((item) => item.subscription).filter((subscription) => isRunning(subscription, todayIso));
  if (!running.length) throw leaseRefusals.SUBSCRIPTION_EXPIRED();
  const newestFirst = [...product.versions].filter(isOffered).sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
  const index = newestFirst.findIndex((version) => version.version === input.version);
  const covering = running.filter((subscription) => index >= 0 && index < versionsCovered(subscription, todayIso));
  if (!covering.length) throw leaseRefusals.VERSION_NOT_COVERED();
  // The longest-running first: its seats are taken before a subscription about to end.
  covering.sort((a, b) => b.endsOn.localeCompare(a.endsOn) || a.id.localeCompare(b.id));
  return { product, candidates: covering.map((subscription) => ({ subscription })), todayIso };
}

/**
 * A network checkout (issue 17, item 3): any person of the account may take a seat of a running
 * network subscription that covers the version, while fewer than its seats are held by live leases
 * and network licence files together. The same person's same machine gets its own lease back,
 * extended. The count is taken under the subscription's lock, so checkouts on any number of
 * instances at once never hold more leases than seats. Records the product session (item 4).
 */
export async function checkoutNetworkLease(ctx: AccountContext, input: NetworkCheckoutInput): Promise<NetworkLeaseGrant> {
  const { product, candidates, todayIso } = await coveringSubscriptions(ctx, input);
  const now = ctx.config.now();
  const expiresAt = expiryAfter(ctx, now);
  const ids = candidates.map((candidate) => candidate.subscription.id);

  const outcome = await inTransaction(ctx, async (tx) => {
    // Locks in id order, so two checkouts over the same subscriptions never wait for each other in a circle.
    const seats = new Map<string, number>();
    for (const id of [...ids].sort()) seats.set(id, (await lockSubscription(tx, id)).seats);
    await endExpiredLeases(tx, ids, now);

    const grant = (lease: NetworkLease, renewed: boolean): NetworkLeaseGrant => ({
      leaseId: lease.id,
      subscriptionId: lease.subscription.id,
      product: product.code,
      version: lease.version,
      machine: lease.fingerprint,
      expiresAt: lease.expiresAt,
      heartbeatSeconds: ctx.config.lease.heartbeatSeconds,
      renewed,
    });
    const use = (lease: NetworkLease) =>
      recordProductUse(tx.em, ctx.viewer.accountId, [{ key: `lease:${lease.id}`, userId: ctx.viewer.userId, productId: product.id, subscriptionId: lease.subscription.id, at: now }]);

    const mine = await tx.em.findOne(NetworkLease, { user: ctx.viewer.userId, product: product.id, fingerprint: input.machine.fingerprint, subscription: { $in: ids }, endedAt: null });
    if (mine) {
      Object.assign(mine, { lastHeartbeatAt: now, expiresAt, version: input.version, machineName: input.machine.name, platform: input.machine.platform });
      await tx.em.flush();
      await use(mine);
      return { granted: grant(mine, true), refused: undefined };
    }

    const held = { seats: 0, leases: 0, inLicenceFiles: 0, freeAgainAt: null as Date | null };
    for (const { subscription } of candidates) {
      const total = seats.get(subscription.id)!;
      const leases = await tx.em.count(NetworkLease, { subscription: subscription.id, endedAt: null });
      const inFiles = await seatsInLicenceFiles(tx.em, subscription.id, todayIso);
      if (leases + inFiles < total) {
        const lease = tx.em.create(NetworkLease, {
          account: ctx.viewer.accountId,
          subscription,
          product,
          user: ctx.viewer.userId,
          fingerprint: input.machine.fingerprint,
          machineName: input.machine.name,
          platform: input.machine.platform,
          version: input.version,
          lastHeartbeatAt: now,
          expiresAt,
        });
        publishWebhookEvent(tx, WebhookEventType.LICENCE_CHECKED_OUT, ctx.viewer.accountId, {
          leaseId: lease.id,
          userId: ctx.viewer.userId,
          product: product.code,
          version: input.version,
          subscriptionId: subscription.id,
          licenceType: LicenceType.NETWORK,
          machine: { name: input.machine.name, platform: input.machine.platform },
        }, now);
        await tx.em.flush();
        await use(lease);
        return { granted: grant(lease, false), refused: undefined };
      }
      held.seats += total;
      held.leases += leases;
      held.inLicenceFiles += inFiles;
    }
    const [next] = await tx.em.find(NetworkLease, { subscription: { $in: ids }, endedAt: null }, { orderBy: { expiresAt: 'asc' }, limit: 1 });
    held.freeAgainAt = next?.expiresAt ?? null;
    return { refused: held, granted: undefined };
  });
  if (outcome.refused) throw leaseRefusals.NO_FREE_SEAT(outcome.refused);
  return outcome.granted!;
}

/** Why the person's lease cannot be extended or checked in: unknown, expired, or ended by a checkin or an admin. */
async function refusalFor(ctx: AccountContext, leaseId: string, now: Date) {
  const lease = await ctx.em.findOne(NetworkLease, { id: leaseId, user: ctx.viewer.userId });
  if (!lease) return leaseRefusals.LEASE_NOT_FOUND();
  if (lease.endReason === LeaseEnd.EXPIRED || (lease.endedAt === null && !isLive(lease, now))) return leaseRefusals.LEASE_EXPIRED();
  return leaseRefusals.LEASE_RELEASED();
}

/**
 * A heartbeat: extends the person's live lease to two intervals from now. One conditional update,
 * no lock: extending a lease changes no count. A lease already past its expiry is not revived (its
 * seat may be someone else's by now): LEASE_EXPIRED, check out again. A subscription that ended
 * since ends the lease. Records the day's product session when the lease runs into a new day.
 */
export async function heartbeatNetworkLease(ctx: AccountContext, leaseId: string): Promise<NetworkLeaseGrant> {
  const now = ctx.config.now();
  const expiresAt = expiryAfter(ctx, now);
  const outcome = await inTransaction(ctx, async (tx) => {
    const [row] = await query<{ subscription_id: string; product_id: string; version: string; fingerprint: string }>(
      tx.em,
      sql`update network_leases set last_heartbeat_at = ${now}, expires_at = ${expiresAt}
          where id = ${leaseId} and ${inAccount(tx)} and user_id = ${ctx.viewer.userId} and ended_at is null and expires_at > ${now}
          returning subscription_id, product_id, version, fingerprint`,
    );
    if (!row) return { refused: await refusalFor(tx, leaseId, now) };
    const subscription = await tx.em.findOneOrFail(Subscription, { id: row.subscription_id });
    const { todayIso } = await accountToday(tx);
    if (!isRunning(subscription, todayIso)) {
      const ended = await query<EndedRow>(
        tx.em,
        sql`update network_leases set ended_at = ${now}, end_reason = ${LeaseEnd.EXPIRED} where id = ${leaseId} and ${inAccount(tx)} and ended_at is null
            returning id, account_id, user_id, product_id, subscription_id`,
      );
      await publishReleased(tx, ended, LeaseEnd.EXPIRED, now);
      return { refused: leaseRefusals.SUBSCRIPTION_EXPIRED() };
    }
    await recordProductUse(tx.em, ctx.viewer.accountId, [{ key: `lease:${leaseId}`, userId: ctx.viewer.userId, productId: row.product_id, subscriptionId: row.subscription_id, at: now }]);
    const product = await tx.em.findOneOrFail(Product, { id: row.product_id });
    return {
      granted: {
        leaseId,
        subscriptionId: row.subscription_id,
        product: product.code,
        version: row.version,
        machine: row.fingerprint,
        expiresAt,
        heartbeatSeconds: ctx.config.lease.heartbeatSeconds,
        renewed: true,
      } satisfies NetworkLeaseGrant,
    };
  });
  // The refusal is thrown after the commit: the ending of a lease whose subscription ended stays.
  if ('refused' in outcome) throw outcome.refused;
  return outcome.granted;
}

/** A checkin: frees the person's seat now. Checking in a lease already checked in answers the same. */
export async function checkinNetworkLease(ctx: AccountContext, leaseId: string): Promise<{ leaseId: string; endedAt: Date }> {
  const now = ctx.config.now();
  const outcome = await inTransaction(ctx, async (tx) => {
    const rows = await query<EndedRow>(
      tx.em,
      sql`update network_leases set ended_at = ${now}, end_reason = ${LeaseEnd.CHECKIN}
          where id = ${leaseId} and ${inAccount(tx)} and user_id = ${ctx.viewer.userId} and ended_at is null and expires_at > ${now}
          returning id, account_id, user_id, product_id, subscription_id`,
    );
    if (rows.length) {
      await publishReleased(tx, rows, LeaseEnd.CHECKIN, now);
      return { endedAt: now };
    }
    const lease = await tx.em.findOne(NetworkLease, { id: leaseId, user: ctx.viewer.userId });
    if (lease?.endReason === LeaseEnd.CHECKIN && lease.endedAt) return { endedAt: lease.endedAt };
    return { refused: await refusalFor(tx, leaseId, now) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return { leaseId, endedAt: outcome.endedAt };
}

const personName = (membership: Membership | undefined) => (membership ? `${membership.firstName} ${membership.lastName}`.trim() || membership.email : '');

/** Who holds a seat of the network subscription now (admins): live leases only, the oldest checkout first. */
export async function networkSeats(ctx: AccountContext, subscriptionId: string): Promise<NetworkSeats> {
  const subscription = await ctx.em.findOne(Subscription, { id: subscriptionId });
  if (!subscription) throw new NotFoundError('Subscription', 'subscriptionId');
  if (subscription.licenceType !== LicenceType.NETWORK) {
    throw new InvalidInputError('subscriptionId', msg('{subscription} is not a network licence subscription.', { subscription: subscription.name }));
  }
  const now = ctx.config.now();
  const { todayIso } = await accountToday(ctx);
  const leases = await ctx.em.find(NetworkLease, { subscription: subscriptionId, endedAt: null, expiresAt: { $gt: now } }, { populate: ['product'], orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const people = new Map(
    (leases.length ? await ctx.em.find(Membership, { user: { $in: [...new Set(leases.map((lease) => lease.user.id))] } }) : []).map((membership) => [membership.user.id, membership]),
  );
  const inLicenceFiles = await seatsInLicenceFiles(ctx.em, subscriptionId, todayIso);
  return {
    subscriptionId,
    subscriptionName: subscription.name,
    seats: subscription.seats,
    inLicenceFiles,
    free: Math.max(0, subscription.seats - inLicenceFiles - leases.length),
    heartbeatSeconds: ctx.config.lease.heartbeatSeconds,
    leases: leases.map((lease): NetworkLeaseNode => ({
      id: lease.id,
      userId: lease.user.id,
      personName: personName(people.get(lease.user.id)),
      email: people.get(lease.user.id)?.email ?? '',
      productName: lease.product.name,
      version: lease.version,
      machineName: lease.machineName,
      platform: lease.platform,
      checkedOutAt: lease.createdAt,
      lastHeartbeatAt: lease.lastHeartbeatAt,
      expiresAt: lease.expiresAt,
    })),
  };
}

/** An admin frees a network seat now: the product's next heartbeat is refused (LEASE_RELEASED). Audited. */
export async function releaseNetworkLease(ctx: AccountContext, leaseId: string): Promise<boolean> {
  const now = ctx.config.now();
  return inTransaction(ctx, async (tx) => {
    const lease = await tx.em.findOne(NetworkLease, { id: leaseId, endedAt: null, expiresAt: { $gt: now } }, { populate: ['product', 'subscription'] });
    if (!lease) throw leaseNotFound();
    const membership = await tx.em.findOne(Membership, { user: lease.user.id });
    Object.assign(lease, { endedAt: now, endReason: LeaseEnd.RELEASED_BY_ADMIN, endedBy: tx.em.getReference(User, ctx.viewer.userId) });
    recordAudit(tx, {
      action: 'licence.lease.release',
      targetType: 'NetworkLease',
      targetId: lease.id,
      summary: msg('Network seat of {subscription} released from {machine} ({person})', { subscription: lease.subscription.name, machine: lease.machineName, person: membership?.email ?? lease.user.id }),
      before: { userId: lease.user.id, machineName: lease.machineName, platform: lease.platform, version: lease.version, checkedOutAt: lease.createdAt.toISOString() },
      after: { endedAt: now.toISOString(), reason: LeaseEnd.RELEASED_BY_ADMIN },
    });
    await publishReleased(tx, [{ id: lease.id, account_id: ctx.viewer.accountId, user_id: lease.user.id, product_id: lease.product.id, subscription_id: lease.subscription.id }], LeaseEnd.RELEASED_BY_ADMIN, now);
    await tx.em.flush();
    return true;
  });
}
