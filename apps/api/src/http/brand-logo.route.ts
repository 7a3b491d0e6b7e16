import { Router } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { brandLogo, LOGO_PATH } from '../modules/brand/brand.service.js';

/**
 * `GET /api/brand/logo` (V-07): the vendor's logo, public like the sign-in page that shows it.
 * Its address carries the image's hash (`?v=`), so a versioned request may be cached for a year;
 * without it a client revalidates by ETag. `nosniff` and a sandboxing CSP keep the bytes an image.
 */
export function brandLogoRoute(orm: MikroORM): Router {
  const router = Router();
  router.get(LOGO_PATH, async (req, res, next) => {
    try {
      const logo = await brandLogo({ em: orm.em.fork() as EntityManager });
      if (!logo) {
        res.status(404).setHeader('Cache-Control', 'no-cache').json({ error: { code: 'NOT_FOUND', message: 'No logo is set.', field: null } });
        return;
      }
      const etag = `"${logo.hash.slice(0, 32)}"`;
      const versioned = req.query.v === logo.hash.slice(0, 16);
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.type(logo.type).send(logo.bytes);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
