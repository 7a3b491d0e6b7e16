import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { EntityManager } from '@mikro-orm/knex';
import type { Services } from '../context.js';
import { AppError, UnauthenticatedError } from '../errors.js';
import { msg, say } from '../i18n/messages.js';
import { sessionViewer } from '../modules/identity/session.service.js';
import { finishInteraction } from '../modules/oidc/connected-apps.service.js';
import { OIDC_PATH } from '../modules/oidc/oidc-provider.js';
import { sendError } from './http-errors.js';

/**
 * The OpenID provider in the API (`modules/oidc/oidc-provider.ts`, mounted at `/oidc`) and the
 * routes around it that are Seatwise's own:
 * - `GET /oidc/interaction/:uid`: a product's sign-in waits for the person; the SPA's
 *   `/connect/:uid` shows it (signing in first, with 2-step, when needed).
 * - `POST /oidc/interaction/:uid/confirm` `{ "allow": true }`: the SPA finishes it for the person of
 *   the session cookie and is told where the browser goes next (`{ "redirectTo" }`). JSON only, so
 *   another site's form cannot post it.
 * - `GET /oidc/device`: the verification URI of the device flow, the SPA's `/device` page.
 * - device authorization requests and token polls are limited per client IP (`deviceFlowByIp`).
 */
export function oidcRoutes(services: Services): Router {
  const router = Router();

  const limited = async (req: Request, res: Response, next: NextFunction) => {
    try {
      await services.limits.deviceFlowByIp.consume(req.ip ?? 'unknown');
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      res.setHeader('Retry-After', String(Math.ceil(rejection.msBeforeNext / 1000)));
      res.status(429).json({ error: 'slow_down', error_description: say(msg('Too many requests from this address. Wait a few minutes and try again.')) });
    }
  };
  router.post(`${OIDC_PATH}/device/auth`, limited);
  router.post(`${OIDC_PATH}/token`, limited);

  router.get(`${OIDC_PATH}/device`, (req, res) => {
    const code = typeof req.query.user_code === 'string' ? req.query.user_code.slice(0, 20) : '';
    res.redirect(303, code ? `/device?code=${encodeURIComponent(code)}` : '/device');
  });

  router.get(`${OIDC_PATH}/interaction/:uid`, (req, res) => {
    res.redirect(303, `/connect/${encodeURIComponent(req.params.uid)}`);
  });

  router.post(`${OIDC_PATH}/interaction/:uid/confirm`, express.json({ limit: '4kb', type: 'application/json' }), async (req, res, next) => {
    try {
      if (!req.is('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('Send this as JSON.'));
      const viewer = await sessionViewer(services.orm.em.fork() as EntityManager, req);
      if (!viewer) throw new UnauthenticatedError();
      const allow = (req.body as { allow?: unknown } | undefined)?.allow === true;
      res.json({ redirectTo: await finishInteraction(services.oidc, viewer, req.params.uid, allow) });
    } catch (error) {
      if (error instanceof AppError) sendError(res, error);
      else next(error);
    }
  });

  router.use(OIDC_PATH, services.oidc.callback());
  return router;
}
