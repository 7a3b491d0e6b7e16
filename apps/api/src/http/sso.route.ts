import { type Request, type Response, Router } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import { contextFor, type Services } from '../context.js';
import type { Logger } from '../logger.js';
import { completeSingleSignOn } from '../modules/directory/sso-sign-in.service.js';
import { SsoSignInError } from '../modules/directory/sso.errors.js';

/** Where the provider sends the browser back (the redirect URI admins register at it). */
export const SSO_CALLBACK_PATH = '/api/sso/callback';

/**
 * The provider's answer to a single sign-on: on success the session cookie is set and the browser
 * goes to the SPA's start; a refusal goes to the sign-in page with its code (`?sso=<CODE>`), which
 * the page words in the person's language.
 */
export function ssoRoute(services: Services, logger: Logger): Router {
  const router = Router();
  router.get(SSO_CALLBACK_PATH, async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const ctx = contextFor(services, req, res, null, services.orm.em.fork() as EntityManager);
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    try {
      await completeSingleSignOn(ctx, search);
      res.redirect(303, '/');
    } catch (error) {
      if (!(error instanceof SsoSignInError)) logger.error({ err: error }, 'single sign-on failed');
      else req.log?.info({ refusal: error.code, detail: error.message }, 'single sign-on refused');
      const code = error instanceof SsoSignInError ? error.code : 'SSO_PROVIDER_ERROR';
      res.redirect(303, `/sign-in?sso=${encodeURIComponent(code)}`);
    }
  });
  return router;
}
