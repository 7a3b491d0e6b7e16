import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import { type AccountContext, contextFor, type Services } from '../context.js';
import { AppError } from '../errors.js';
import { checkoutRefusals } from '../modules/oidc/checkout.errors.js';
import { checkout, leaseSigner, readCheckoutInput } from '../modules/oidc/checkout.service.js';
import { checkinNetworkLease, checkoutNetworkLease, heartbeatNetworkLease, type NetworkLeaseGrant, readLeaseId } from '../modules/licensing/network-leases.service.js';
import { personOf } from '../modules/oidc/oidc-accounts.js';
import { LicenceType } from '../modules/subscriptions/subscription.entity.js';
import { sendError } from './http-errors.js';

/** Network lease refusals that are not 403: a seat taken (409), a lease unknown (404) or over (410). */
const leaseStatus: Record<string, number> = { NO_FREE_SEAT: 409, LEASE_NOT_FOUND: 404, LEASE_EXPIRED: 410, LEASE_RELEASED: 410 };

function refuse(res: Response, error: AppError) {
  if (error.code === 'UNAUTHENTICATED') res.status(401).setHeader('WWW-Authenticate', 'Bearer');
  else if (leaseStatus[error.code]) res.status(leaseStatus[error.code]!);
  else if (error.code !== 'BAD_USER_INPUT') res.status(403);
  if (error.code !== 'BAD_USER_INPUT') {
    res.json({ error: { code: error.code, message: error.localized(), ...(error.field ? { field: error.field } : {}), ...(error.details ?? {}) } });
  } else {
    sendError(res, error);
  }
}

/**
 * Named-user checkout (issue 17, item 2):
 * - `POST /api/licences/checkout` with the product's OpenID access token (`Authorization: Bearer`)
 *   and `{ product, version, machine: { fingerprint, name, platform } }`: `200 { lease, expiresAt,
 *   graceUntil }`, or a refusal `{ error: { code, message } }` (NO_SEAT, SUBSCRIPTION_EXPIRED,
 *   VERSION_NOT_COVERED, TOO_MANY_MACHINES, PRODUCT_NOT_FOUND) in the request's language.
 * - `GET /.well-known/jwks.json`: the public keys leases are signed with, for offline checks.
 *
 * Network leases (issue 17, item 3), with the same token:
 * - `POST /api/licences/network/checkout` with the checkout's body: `200 { leaseId, lease, expiresAt,
 *   heartbeatSeconds, subscriptionId, renewed }`, or 409 NO_FREE_SEAT (with `seats`, `leases`,
 *   `inLicenceFiles`, `freeAgainAt`), 403 NO_NETWORK_LICENCE, SUBSCRIPTION_EXPIRED, VERSION_NOT_COVERED.
 * - `POST /api/licences/network/heartbeat` with `{ leaseId }`: the lease extended (a new `lease`,
 *   `expiresAt`), or 410 LEASE_EXPIRED / LEASE_RELEASED, 404 LEASE_NOT_FOUND.
 * - `POST /api/licences/network/checkin` with `{ leaseId }`: `200 { leaseId, endedAt }`, the seat free.
 */
export async function checkoutRoutes(services: Services): Promise<Router> {
  const signer = await leaseSigner(services.orm, services.config);
  const router = Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(signer.jwks);
  });
  /** The person and account of the product's access token, as a request context; or INVALID_TOKEN. */
  const productContext = async (req: Request, res: Response) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ? await services.oidc.AccessToken.find(bearer).catch(() => undefined) : undefined;
    if (!token || token.isExpired || !token.accountId || !token.clientId) throw checkoutRefusals.INVALID_TOKEN();
    const em = services.orm.em.fork() as EntityManager;
    const person = await personOf(em, token.accountId);
    if (!person) throw checkoutRefusals.INVALID_TOKEN();
    const ctx = contextFor(services, req, res, { userId: person.userId, accountId: person.accountId, role: person.role as never, sessionId: null, token: null }, em);
    return { ctx: ctx as AccountContext, clientId: token.clientId, subject: token.accountId };
  };
  const answer = (handler: (req: Request, res: Response) => Promise<unknown>) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.json(await handler(req, res));
    } catch (error) {
      if (error instanceof AppError) refuse(res, error);
      else next(error);
    }
  };
  const json = express.json({ limit: '8kb' });

  router.post('/api/licences/checkout', json, answer(async (req, res) => {
    const { ctx, clientId, subject } = await productContext(req, res);
    return checkout(ctx, signer, clientId, subject, readCheckoutInput(req.body));
  }));

  /** A network lease as the product gets it: the grant, and a JWT of it that expires with it. */
  const signedLease = async (ctx: AccountContext, clientId: string, subject: string, grant: NetworkLeaseGrant) => ({
    leaseId: grant.leaseId,
    lease: await signer.sign(
      {
        sub: subject,
        account_id: ctx.viewer.accountId,
        person_id: ctx.viewer.userId,
        product: grant.product,
        version: grant.version,
        machine: grant.machine,
        lease_id: grant.leaseId,
        subscription_id: grant.subscriptionId,
        licence_type: LicenceType.NETWORK,
        heartbeat_seconds: grant.heartbeatSeconds,
      },
      clientId,
      grant.expiresAt,
    ),
    expiresAt: grant.expiresAt,
    heartbeatSeconds: grant.heartbeatSeconds,
    subscriptionId: grant.subscriptionId,
    renewed: grant.renewed,
  });
  router.post('/api/licences/network/checkout', json, answer(async (req, res) => {
    const { ctx, clientId, subject } = await productContext(req, res);
    return signedLease(ctx, clientId, subject, await checkoutNetworkLease(ctx, readCheckoutInput(req.body)));
  }));
  router.post('/api/licences/network/heartbeat', json, answer(async (req, res) => {
    const { ctx, clientId, subject } = await productContext(req, res);
    return signedLease(ctx, clientId, subject, await heartbeatNetworkLease(ctx, readLeaseId(req.body)));
  }));
  router.post('/api/licences/network/checkin', json, answer(async (req, res) => {
    const { ctx } = await productContext(req, res);
    return checkinNetworkLease(ctx, readLeaseId(req.body));
  }));
  return router;
}
