import express, { type Request, Router } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Config } from '../config.js';
import { ingestUsageEvents } from '../modules/usage/ingestion.service.js';
import { requireAdmin } from './request-viewer.js';

/**
 * Who may send usage for which account. For now a signed-in admin's session; the account's
 * ingestion token (a service API token with scope `ingest:usage`, `Authorization: Bearer`) plugs
 * in here and nowhere else.
 */
async function authenticateIngestion(orm: MikroORM, req: Request): Promise<{ em: EntityManager; accountId: string }> {
  const { em, viewer } = await requireAdmin(orm, req);
  return { em, accountId: viewer.accountId };
}

/** `POST /api/usage-events` (F-34): `{ "events": [...] }`, up to 10,000 per request. */
export function usageEventsRoute(orm: MikroORM, config: Config): Router {
  const router = Router();
  router.post('/api/usage-events', express.json({ limit: '16mb' }), async (req, res, next) => {
    try {
      const { em, accountId } = await authenticateIngestion(orm, req);
      res.json(await ingestUsageEvents(em, accountId, req.body, config.now()));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
