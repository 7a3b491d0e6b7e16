import { isIP } from 'node:net';
import {
  type HomeUseLicenceInput,
  type LicenceRequest as LicenceRequestType,
  type LicenceRequestConnection,
  type LicenceRequestFilter,
  type LicenceRequestKind as LicenceRequestKindType,
  type NetworkLicenceInput,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { inTransaction } from '../../common/transaction.js';
import { ForbiddenError, InvalidInputError, msg } from '../../errors.js';
import { User } from '../identity/user.entity.js';
import { accountToday } from '../accounts/account-day.js';
import { isAdminRole } from '../products/entitlement-rules.js';
import { seatsFree } from '../subscriptions/seat-rules.js';
import { isRunning } from '../subscriptions/subscription-rules.js';
import { findVersionGrant } from '../products/entitlements.js';
import { recordProductAudit } from '../audit/audit.service.js';
import { lockSubscription } from '../subscriptions/seats.service.js';
import { LicenceType, Subscription } from '../subscriptions/subscription.entity.js';
import { LicenceRequest, LicenceRequestKind } from './licence-request.entity.js';
import { NetworkLease } from './network-lease.entity.js';
import { signLicence } from './licence-file.js';
import { vendorPrivateKey, vendorPublicKey } from './vendor-key.js';
import { entityConnection, LATEST_FIRST, type PageArgs } from '../../common/keyset.js';

/** Six pairs of hex digits, bare (lmhostid's form) or with one separator used throughout. */
const MAC = /^[0-9A-F]{2}(?:([:-]?)[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}$/i;
const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** `0050569a1b2c`, `00-50-56-9a-1b-2c` → `00:50:56:9A:1B:2C`, the one form stored; null when it is not a MAC address. */
export function normaliseHostId(raw: string): string | null {
  const text = raw.trim();
  if (!MAC.test(text)) return null;
  return text.replace(/[:-]/g, '').toUpperCase().match(/../g)!.join(':');
}

function validHostName(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (text.length === 0 || text.length > 253) return null;
  if (isIP(text)) return text;
  return text.split('.').every((label) => HOST_LABEL.test(label)) ? text : null;
}

function toLicenceRequest(request: LicenceRequest): LicenceRequestType {
  return {
    id: request.id,
    kind: request.kind as unknown as LicenceRequestKindType,
    productName: request.product.name,
    version: request.version.version,
    serialNumber: request.subscription.serialNumber,
    requestedBy: `${request.requestedBy.firstName} ${request.requestedBy.lastName}`,
    createdAt: request.createdAt,
    serverHostName: request.serverHostName,
    hostId: request.hostId,
    seats: request.seats,
    licenceFile: request.licenceFile,
    expiresOn: request.expiresOn,
    revokedAt: request.revokedAt,
  };
}

const populate = ['product', 'version', 'subscription', 'requestedBy'] as const;

/** F-24 (b): home-use activation of a single-user licence the person holds a seat of. */
export async function requestHomeUseLicence(ctx: AccountContext, input: HomeUseLicenceInput): Promise<LicenceRequestType> {
  const found = await findVersionGrant(ctx, input.versionId);
  if (!found || found.grant.version.product.id !== input.productId) {
    throw new InvalidInputError('versionId', msg('This is not a version of the chosen product that you are entitled to.'));
  }
  const licence = found.entitlement.licences.find(
    (candidate) => candidate.holdsSeat && candidate.subscription.licenceType === LicenceType.SINGLE_USER && candidate.running,
  );
  if (!licence) {
    throw new InvalidInputError('productId', msg('Home use needs a seat of an active single-user licence of this product.'));
  }
  const request = await inTransaction(ctx, async (tx) => {
    const created = tx.em.create(LicenceRequest, {
      account: ctx.viewer.accountId,
      kind: LicenceRequestKind.HOME_USE,
      requestedBy: tx.em.getReference(User, ctx.viewer.userId),
      subscription: licence.subscription,
      product: found.grant.version.product,
      version: found.grant.version,
    });
    recordProductAudit(tx.em, {
      accountId: ctx.viewer.accountId,
      actorId: ctx.viewer.userId,
      action: 'licence.home-use',
      targetType: 'LicenceRequest',
      targetId: created.id,
      summary: msg('Home-use activation requested for {product} {version}', { product: found.grant.version.product.name, version: found.grant.version.version }),
      after: { serialNumber: licence.subscription.serialNumber },
    });
    return created;
  });
  await ctx.em.populate(request, populate);
  return toLicenceRequest(request);
}

/** F-24 (c): a network licence file signed with the vendor's Ed25519 key. Admins only. */
export async function requestNetworkLicence(ctx: AccountContext, input: NetworkLicenceInput): Promise<LicenceRequestType> {
  if (!isAdminRole(ctx.viewer.role)) throw new ForbiddenError(msg('Only admins can request network licences.'));
  const subscription = await ctx.em.findOne(Subscription, { id: input.subscriptionId }, { populate: ['products'] });
  if (!subscription) throw new InvalidInputError('subscriptionId', msg('This subscription does not exist in your account.'));
  if (subscription.licenceType !== LicenceType.NETWORK) {
    throw new InvalidInputError('subscriptionId', msg('{subscription} is not a network licence subscription.', { subscription: subscription.name }));
  }
  const { todayIso } = await accountToday(ctx);
  if (!isRunning(subscription, todayIso)) {
    throw new InvalidInputError('subscriptionId', msg('{subscription} has ended.', { subscription: subscription.name }));
  }
  const found = await findVersionGrant(ctx, input.versionId);
  const version = found?.grant.version;
  if (!version || !subscription.products.getItems().some((item) => item.product.id === version.product.id)) {
    throw new InvalidInputError('versionId', msg('Unknown version for the products of {subscription}.', { subscription: subscription.name }));
  }
  const serverHostName = validHostName(input.serverHostName);
  if (!serverHostName) {
    throw new InvalidInputError('serverHostName', msg('Enter the server host name: letters, digits, hyphens and dots, or an IP address.'));
  }
  const hostId = normaliseHostId(input.hostId);
  if (!hostId) throw new InvalidInputError('hostId', msg('The host ID must be a MAC address: 12 hex digits, e.g. 0050569A1B2C or 00:50:56:9A:1B:2C.'));
  if (!Number.isInteger(input.seats) || input.seats < 1) {
    throw new InvalidInputError('seats', msg('Seats must be a whole number, 1 or more.'));
  }

  const request = await inTransaction(ctx, async (tx) => {
    const { em } = tx;
    // Taken before anything is counted: a second request for the same subscription waits here until this one commits.
    const locked = await lockSubscription(tx, subscription.id);
    const held = await activeNetworkSeatHolders(em, subscription.id, todayIso);
    const replaced = held.filter((file) => file.hostId === hostId);
    // Seats held by running products (network leases served by Seatwise) are not free for a file either.
    const leases = await em.count(NetworkLease, { subscription: subscription.id, endedAt: null, expiresAt: { $gt: ctx.config.now() } });
    const free = seatsFree(locked.seats, sumSeats(held.filter((file) => file.hostId !== hostId)) + leases);
    if (input.seats > free) {
      const values = { free, seats: locked.seats, subscription: subscription.name };
      throw new InvalidInputError(
        'seats',
        free === 0
          ? leases > 0
            ? msg('No seat of {subscription} is free for a network licence: all {seats} are in licence files for other servers or held by running products.', values)
            : msg('No seat of {subscription} is free for a network licence: all {seats} are in licence files for other servers.', values)
          : msg('Only {free} of the {seats} seats of {subscription} are free for this server; ask for that many or fewer.', values),
      );
    }
    const now = new Date();
    for (const old of replaced) old.revokedAt = now;
    const created = em.create(LicenceRequest, {
      account: ctx.viewer.accountId,
      kind: LicenceRequestKind.NETWORK,
      requestedBy: em.getReference(User, ctx.viewer.userId),
      subscription,
      product: version.product,
      version,
      serverHostName,
      hostId,
      seats: input.seats,
      expiresOn: subscription.endsOn,
    });
    created.licenceFile = signLicence(vendorPrivateKey(ctx.config), {
      LICENCE_ID: created.id,
      ACCOUNT_ID: ctx.viewer.accountId,
      PRODUCT: `${version.product.code} ${version.product.name}`,
      VERSION: version.version,
      SERIAL_NUMBER: subscription.serialNumber,
      SERVER_HOST: serverHostName,
      HOST_ID: hostId,
      SEATS: String(input.seats),
      ISSUED_AT: now.toISOString(),
      EXPIRES_ON: subscription.endsOn,
    });
    recordProductAudit(em, {
      accountId: ctx.viewer.accountId,
      actorId: ctx.viewer.userId,
      action: 'licence.network',
      targetType: 'LicenceRequest',
      targetId: created.id,
      summary: msg('Network licence for {product} {version}: {seats} seats on {server} ({hostId})', { product: version.product.name, version: version.version, seats: input.seats, server: serverHostName, hostId }),
      after: { subscriptionId: subscription.id, serverHostName, hostId, seats: input.seats, replaces: replaced.map((old) => old.id) },
    });
    for (const old of replaced) {
      recordProductAudit(em, {
        accountId: ctx.viewer.accountId,
        actorId: ctx.viewer.userId,
        action: 'licence.network.revoked',
        targetType: 'LicenceRequest',
        targetId: old.id,
        summary: msg('Network licence file for {server} ({hostId}) revoked: replaced by {replacement}', { server: old.serverHostName ?? '', hostId, replacement: created.id }),
        after: { seats: old.seats, revokedAt: now.toISOString(), replacedBy: created.id },
      });
    }
    return created;
  });
  await ctx.em.populate(request, populate);
  return toLicenceRequest(request);
}

/**
 * Everything that holds seats of a network subscription today: its network licence files that are
 * neither revoked nor expired. The seat-total rule (never more than the subscription's seats) is
 * this list summed, plus the live leases served by Seatwise (`network-leases.service.ts`).
 * Exact only inside a transaction that holds `lockSubscription`.
 */
async function activeNetworkSeatHolders(em: AccountContext['em'], subscriptionId: string, today: string): Promise<LicenceRequest[]> {
  return em.find(LicenceRequest, {
    subscription: subscriptionId,
    kind: LicenceRequestKind.NETWORK,
    revokedAt: null,
    expiresOn: { $gte: today },
  });
}

const sumSeats = (holders: LicenceRequest[]) => holders.reduce((total, holder) => total + (holder.seats ?? 0), 0);

/** Seats of a network subscription in licence files today (see `activeNetworkSeatHolders`); exact only under `lockSubscription`. */
export async function seatsInLicenceFiles(em: AccountContext['em'], subscriptionId: string, today: string): Promise<number> {
  return sumSeats(await activeNetworkSeatHolders(em, subscriptionId, today));
}

/** Licence requests: a User sees their own, admins every request of the account. Newest first. */
export async function listLicenceRequests(ctx: AccountContext, page: PageArgs, filter?: LicenceRequestFilter | null): Promise<LicenceRequestConnection> {
  const where = {
    ...(isAdminRole(ctx.viewer.role) ? {} : { requestedBy: ctx.viewer.userId }),
    ...(filter?.productId ? { product: filter.productId } : {}),
  };
  return entityConnection(ctx.em, LicenceRequest, where, LATEST_FIRST, page, (requests) => requests.map(toLicenceRequest), { populate });
}

export function licenceVerificationKey(ctx: Pick<AccountContext, 'config'>): string {
  return vendorPublicKey(ctx.config);
}
