import express, { type Request, Router } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { ApiScope } from '@seatwise/schema';
import type { Config } from '../config.js';
import type { EventBus } from '../modules/jobs/event-bus.js';
import { say } from '../i18n/messages.js';
import { authorizeBearer } from '../modules/tokens/bearer.js';
import { ingestUsageEvents } from '../modules/usage/ingestion.service.js';
import { requireAdmin } from './request-viewer.js';

/**
 * Who may send usage for which account: another system with an API token of the account that has
 * the scope `ingest:usage` (`Authorization: Bearer`), or a signed-in admin (the replay script and
 * the SPA use the session).
 */
async function authenticateIngestion(orm: MikroORM, req: Request): Promise<{ em: EntityManager; accountId: string }> {
  if (req.headers.authorization) {
    const em = orm.em.fork() as EntityManager;
    const principal = await authorizeBearer(em, req.headers.authorization, ApiScope.INGEST_USAGE);
    if (principal) return { em, accountId: principal.accountId };
  }
  const { em, viewer } = await requireAdmin(orm, req);
  return { em, accountId: viewer.accountId };
}

/** `POST /api/usage-events` (F-34): `{ "events": [...] }`, up to 10,000 per request. */
export function usageEventsRoute(orm: MikroORM, config: Config, events?: EventBus): Router {
  const router = Router();
  router.post('/api/usage-events', express.json({ limit: '16mb' }), async (req, res, next) => {
    try {
      const { em, accountId } = await authenticateIngestion(orm, req);
      const result = await ingestUsageEvents(em, accountId, req.body, config.now(), events);
      // Each rejected event's reason, in the language the client asked for.
      res.json({ ...result, rejected: result.rejected.map((event) => ({ ...event, message: say(event.message) })) });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
