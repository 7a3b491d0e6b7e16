import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/knex';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { type LicenceDeviceConnection, type LicenceDevice as LicenceDeviceNode, WebhookEventType } from '@seatwise/schema';
import { connectionOf, decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import type { Config } from '../../config.js';
import type { AccountContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { accountToday } from '../accounts/account-day.js';
import { recordAudit } from '../audit/audit.service.js';
import { isOffered } from '../catalog/catalog-rules.js';
import { Product } from '../catalog/product.entity.js';
import { versionsCovered } from '../products/entitlement-rules.js';
import { SeatAssignment } from '../subscriptions/seat-assignment.entity.js';
import { lockSubscription } from '../subscriptions/seats.service.js';
import { SubscriptionProduct } from '../subscriptions/subscription-product.entity.js';
import { isRunning } from '../subscriptions/subscription-rules.js';
import { LicenceType } from '../subscriptions/subscription.entity.js';
import { Membership } from '../users/membership.entity.js';
import { recordProductUse } from '../usage/product-sessions.service.js';
import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import { checkoutRefusals, deviceNotFound } from './checkout.errors.js';
import { LicenceDevice } from './licence-device.entity.js';
import { storedKeys } from './signing-keys.service.js';
import { msg } from '../../i18n/messages.js';

/** Machines a person may run a product on at once, per licence type of the seat's subscription. */
export const DEVICE_LIMITS: Readonly<Record<LicenceType, number>> = {
  [LicenceType.SINGLE_USER]: 3,
  [LicenceType.MULTI_USER]: 2,
  [LicenceType.NETWORK]: 1,
  [LicenceType.CLOUD]: 3,
};

interface LeaseKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function generateLeaseKeys(): Promise<LeaseKeys> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = randomUUID();
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
  };
}

export interface LeaseSigner {
  /** The public keys products check leases against offline (`/.well-known/jwks.json`). */
  jwks: { keys: JWK[] };
  sign(claims: Record<string, unknown>, audience: string, expiresAt: Date): Promise<string>;
}

/** The lease key: Ed25519, generated once and kept sealed (`signing_keys`, purpose `lease`). */
export async function leaseSigner(orm: MikroORM, config: Config): Promise<LeaseSigner> {
  const keys = await storedKeys(orm, config, 'lease', generateLeaseKeys);
  const key = await importJWK(keys.privateJwk, 'EdDSA');
  return {
    jwks: { keys: [keys.publicJwk] },
    sign: (claims, audience, expiresAt) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: keys.publicJwk.kid!, typ: 'seatwise-lease+jwt' })
        .setIssuer(config.publicUrl)
        .setAudience(audience)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key),
  };
}


export interface CheckoutInput {
  product: string;
  version: string;
  machine: { fingerprint: string; name: string; platform: string };
}

export interface Lease {
  lease: string;
  expiresAt: Date;
  graceUntil: Date;
  deviceId: string;
}

const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max ? value.trim() : null);

/** The body of a checkout, or BAD_MACHINE. */
export function readCheckoutInput(body: unknown): CheckoutInput {
  const input = (body ?? {}) as Record<string, unknown>;
  const machine = (input.machine ?? {}) as Record<string, unknown>;
  const parsed = {
    product: text(input.product, 20),
    version: text(input.version, 40),
    machine: { fingerprint: text(machine.fingerprint, 128), name: text(machine.name, 100), platform: text(machine.platform, 40) },
  };
  if (!parsed.product || !parsed.version || !parsed.machine.fingerprint || !parsed.machine.name || !parsed.machine.platform) throw checkoutRefusals.BAD_MACHINE();
  return parsed as CheckoutInput;
}

/**
 * A named-user checkout (issue 17, item 2): the person of the access token, in its account, may run
 * `product` at `version` on this machine when they hold a seat of a running subscription that
 * covers the version (the entitlement rules of `products/`), and the machine is one of the few
 * their licence type allows. The answer is a lease signed with EdDSA that the product checks
 * offline; it is valid for `lease.hours`, then `lease.graceDays` more while the product is offline.
 */
export async function checkout(ctx: AccountContext, signer: LeaseSigner, audience: string, subject: string, input: CheckoutInput): Promise<Lease> {
  const product = await ctx.em.findOne(Product, { code: input.product }, { populate: ['versions'] });
  if (!product) throw checkoutRefusals.PRODUCT_NOT_FOUND();
  // The person's seats on subscriptions that include the product: what `loadEntitlements` finds for
  // this one product, without working out every product and seat count of the account.
  const mine = (await ctx.em.find(SeatAssignment, { user: ctx.viewer.userId }, { fields: ['subscription'] })).map((seat) => seat.subscription.id);
  const held = mine.length ? (await ctx.em.find(SubscriptionProduct, { product: product.id, subscription: { $in: mine } }, { populate: ['subscription'] })).map((item) => item.subscription) : [];
  if (held.length === 0) throw checkoutRefusals.NO_SEAT();
  const { todayIso } = await accountToday(ctx);
  const running = held.filter((subscription) => isRunning(subscription, todayIso));
  if (running.length === 0) throw checkoutRefusals.SUBSCRIPTION_EXPIRED();
  const newestFirst = [...product.versions].filter(isOffered).sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
  const index = newestFirst.findIndex((version) => version.version === input.version);
  const covering = running.filter((subscription) => index >= 0 && index < versionsCovered(subscription, todayIso)).sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
  if (!covering) throw checkoutRefusals.VERSION_NOT_COVERED();
  const limit = DEVICE_LIMITS[covering.licenceType];

  const device = await inTransaction(ctx, async (tx) => {
    const where = { user: ctx.viewer.userId, product: product.id, fingerprint: input.machine.fingerprint };
    const seen = { name: input.machine.name, platform: input.machine.platform, lastVersion: input.version, lastCheckoutAt: new Date() };
    let found = await tx.em.findOne(LicenceDevice, where);
    if (found && found.releasedAt === null) {
      // A machine already counted renewing its lease changes no count: no lock, so renewals of one
      // subscription's many people do not wait for each other. (A revocation meanwhile stays: the
      // update does not touch `releasedAt`.)
      Object.assign(found, seen);
    } else {
      // The subscription's lock, taken before counting: two checkouts on new machines at the same
      // moment (on any instance) are counted one after the other, so the limit holds.
      await lockSubscription(tx, covering.id);
      found = await tx.em.findOne(LicenceDevice, where, { refresh: true });
      const newMachine = !found || found.releasedAt !== null;
      if (newMachine) {
        const others: FilterQuery<LicenceDevice> = { user: ctx.viewer.userId, product: product.id, releasedAt: null };
        if ((await tx.em.count(LicenceDevice, others)) >= limit) throw checkoutRefusals.TOO_MANY_MACHINES(limit);
      }
      found ??= tx.em.create(LicenceDevice, { account: ctx.viewer.accountId, ...where, ...seen });
      Object.assign(found, { ...seen, releasedAt: null });
      // A machine taking the licence is news to other systems; the same machine renewing its lease is not.
      if (newMachine) {
        publishWebhookEvent(tx, WebhookEventType.LICENCE_CHECKED_OUT, ctx.viewer.accountId, {
          deviceId: found.id,
          userId: ctx.viewer.userId,
          product: product.code,
          version: input.version,
          subscriptionId: covering.id,
          machine: { name: input.machine.name, platform: input.machine.platform },
        });
      }
    }
    // One flush: the device and its event commit together.
    await tx.em.flush();
    // The product in use today (issue 17, item 4): one session per machine and day of the account.
    await recordProductUse(tx.em, ctx.viewer.accountId, [{ key: `device:${found.id}`, userId: ctx.viewer.userId, productId: product.id, subscriptionId: covering.id, at: ctx.config.now() }]);
    return found;
  });

  const now = Date.now();
  const expiresAt = new Date(now + ctx.config.lease.hours * 60 * 60 * 1000);
  const graceUntil = new Date(expiresAt.getTime() + ctx.config.lease.graceDays * 24 * 60 * 60 * 1000);
  const lease = await signer.sign(
    {
      sub: subject,
      account_id: ctx.viewer.accountId,
      person_id: ctx.viewer.userId,
      product: product.code,
      version: input.version,
      machine: input.machine.fingerprint,
      device_id: device.id,
      subscription_id: covering.id,
      licence_type: covering.licenceType,
      grace_until: Math.floor(graceUntil.getTime() / 1000),
    },
    audience,
    expiresAt,
  );
  return { lease, expiresAt, graceUntil, deviceId: device.id };
}

const deviceNode = (device: LicenceDevice): LicenceDeviceNode => ({
  id: device.id,
  productName: device.product.name,
  name: device.name,
  platform: device.platform,
  lastVersion: device.lastVersion,
  firstCheckoutAt: device.createdAt,
  lastCheckoutAt: device.lastCheckoutAt,
});

/** The machines a person runs products on in this account (not released), latest checkout first. */
async function listDevices(ctx: AccountContext, userId: string, args: { first?: number | null; after?: string | null }): Promise<LicenceDeviceConnection> {
  const limit = pageSize(args.first);
  const live: FilterQuery<LicenceDevice> = { user: userId, releasedAt: null };
  const conditions: FilterQuery<LicenceDevice>[] = [live];
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const at = new Date(cursor.sortValue);
    conditions.push({ $or: [{ lastCheckoutAt: { $lt: at } }, { lastCheckoutAt: at, id: { $lt: cursor.id } }] });
  }
  const [rows, totalCount] = await Promise.all([
    ctx.em.find(LicenceDevice, { $and: conditions }, { populate: ['product'], orderBy: [{ lastCheckoutAt: 'desc' }, { id: 'desc' }], limit: limit + 1 }),
    ctx.em.count(LicenceDevice, live),
  ]);
  return connectionOf(rows, { limit, after: args.after, totalCount }, (row) => encodeCursor(row.lastCheckoutAt.toISOString(), row.id), deviceNode);
}

/** The viewer's own machines. */
export const listMyDevices = (ctx: AccountContext, args: { first?: number | null; after?: string | null }) => listDevices(ctx, ctx.viewer.userId, args);

/** A person's machines, for an admin of the account (NOT_FOUND for someone who is not a member of it). */
export async function listUserDevices(ctx: AccountContext, userId: string, args: { first?: number | null; after?: string | null }): Promise<LicenceDeviceConnection> {
  if (!(await ctx.em.count(Membership, { user: userId }))) throw new NotFoundError('User', 'userId');
  return listDevices(ctx, userId, args);
}

/** Frees one of the person's machines: it no longer counts against the device limit; its next checkout registers it again. */
export async function releaseDevice(ctx: AccountContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const device = await tx.em.findOne(LicenceDevice, { id, user: ctx.viewer.userId, releasedAt: null }, { populate: ['product'] });
    if (!device) throw deviceNotFound();
    device.releasedAt = new Date();
    publishWebhookEvent(tx, WebhookEventType.LICENCE_RELEASED, ctx.viewer.accountId, { deviceId: device.id, userId: ctx.viewer.userId, product: device.product.code });
    await tx.em.flush();
    return true;
  });
}

/**
 * An admin revokes a person's machine (audited): it stops counting against their device limit at
 * once; the lease already on it runs out at its expiry, and its next checkout registers it again
 * while the person still holds a seat.
 */
export async function revokeDevice(ctx: AccountContext, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const device = await tx.em.findOne(LicenceDevice, { id, releasedAt: null }, { populate: ['product'] });
    if (!device) throw deviceNotFound();
    const membership = await tx.em.findOne(Membership, { user: device.user.id });
    device.releasedAt = new Date();
    recordAudit(tx, {
      action: 'licence.device.revoke',
      targetType: 'LicenceDevice',
      targetId: device.id,
      summary: msg('Device {device} ({platform}) of {person} revoked for {product}', { device: device.name, platform: device.platform, person: membership?.email ?? device.user.id, product: device.product.name }),
      before: { userId: device.user.id, name: device.name, platform: device.platform, product: device.product.code, lastCheckoutAt: device.lastCheckoutAt.toISOString() },
      after: { releasedAt: device.releasedAt.toISOString() },
    });
    publishWebhookEvent(tx, WebhookEventType.LICENCE_RELEASED, ctx.viewer.accountId, { deviceId: device.id, userId: device.user.id, product: device.product.code, revokedBy: ctx.viewer.userId });
    await tx.em.flush();
    return true;
  });
}
