import { Router } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** What `/readyz` asks of the background loops: whether they are polling. */
export interface Loop {
  readonly running: boolean;
}

/** The instance's state for the balancer: `draining` from the first SIGTERM on (`graceful-shutdown.ts`). */
export interface Readiness {
  draining: boolean;
}

interface Check {
  ok: boolean;
  detail?: string;
}

/**
 * `/healthz`: the process answers (liveness; it touches nothing, so a slow database never gets a
 * live process restarted). `/readyz`: this instance should get traffic: the database answers, no
 * migration is pending, the job worker and event bus poll (when `SEATWISE_JOB_WORKER=1`), and it
 * is not shutting down. 503 with the failing checks otherwise.
 */
export function healthRoutes(orm: MikroORM, config: Config, logger: Logger, readiness: Readiness, loops: () => Loop[]): Router {
  const router = Router();
  // While shutting down, no connection is kept for another request: the client's next one goes to
  // a fresh connection, which the balancer sends to another instance.
  router.use((_req, res, next) => {
    if (readiness.draining) res.setHeader('Connection', 'close');
    next();
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', database: config.database.driver });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, Check> = {};
    try {
      await orm.em.getConnection().execute('select 1');
      checks.database = { ok: true };
      const pending = await orm.getMigrator().getPendingMigrations();
      checks.migrations = pending.length ? { ok: false, detail: `${pending.length} pending` } : { ok: true };
    } catch (error) {
      logger.error({ err: error }, 'readiness check: the database did not answer');
      checks.database = { ok: false, detail: 'unreachable' };
    }
    if (config.jobWorker) checks.worker = loops().every((loop) => loop.running) ? { ok: true } : { ok: false, detail: 'stopped' };
    checks.shutdown = readiness.draining ? { ok: false, detail: 'draining' } : { ok: true };
    const ready = Object.values(checks).every((check) => check.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database: config.database.driver, checks });
  });
  return router;
}
