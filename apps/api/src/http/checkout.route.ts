import express, { type Response, Router } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import { contextFor, type Services } from '../context.js';
import { AppError } from '../errors.js';
import { checkoutRefusals } from '../modules/oidc/checkout.errors.js';
import { checkout, leaseSigner, readCheckoutInput } from '../modules/oidc/checkout.service.js';
import { personOf } from '../modules/oidc/oidc-accounts.js';
import { sendError } from './http-errors.js';

function refuse(res: Response, error: AppError) {
  if (error.code === 'UNAUTHENTICATED') res.status(401).setHeader('WWW-Authenticate', 'Bearer');
  else if (error.code !== 'BAD_USER_INPUT') res.status(403);
  if (res.statusCode === 401 || res.statusCode === 403) {
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
 */
export async function checkoutRoutes(services: Services): Promise<Router> {
  const signer = await leaseSigner(services.orm, services.config);
  const router = Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(signer.jwks);
  });
  router.post('/api/licences/checkout', express.json({ limit: '8kb' }), async (req, res, next) => {
    try {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ? await services.oidc.AccessToken.find(bearer).catch(() => undefined) : undefined;
      if (!token || token.isExpired || !token.accountId || !token.clientId) throw checkoutRefusals.INVALID_TOKEN();
      const em = services.orm.em.fork() as EntityManager;
      const person = await personOf(em, token.accountId);
      if (!person) throw checkoutRefusals.INVALID_TOKEN();
      const input = readCheckoutInput(req.body);
      const ctx = contextFor(services, req, res, { userId: person.userId, accountId: person.accountId, role: person.role as never, sessionId: null, token: null }, em);
      const lease = await checkout(ctx as Parameters<typeof checkout>[0], signer, token.clientId, token.accountId, input);
      res.json(lease);
    } catch (error) {
      if (error instanceof AppError) refuse(res, error);
      else next(error);
    }
  });
  return router;
}
