import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config.js';
import { UnauthenticatedError } from '../errors.js';
import type { Logger } from '../logger.js';
import { queueStats } from '../modules/jobs/queue-stats.queries.js';

/** Root fields whose errors are failed sign-ins (a wrong password, a wrong second-step code). */
const SIGN_IN_FIELDS = new Set(['signIn', 'completeSignIn']);
/** Operation names are chosen by clients: past this many distinct ones, the rest count as `other`. */
const MAX_OPERATION_NAMES = 200;

/** The route label of a request: a fixed, small set (never ids or tokens from the path). */
function routeOf(req: Request): string {
  // originalUrl: a router mounted at a path (GraphQL's) leaves `req.url` without it.
  const path = req.originalUrl.split('?', 1)[0]!;
  if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
  const api = /^\/api\/[a-z-]+/.exec(path);
  if (api) return api[0];
  return path.startsWith('/assets/') ? '/assets' : 'spa';
}

export interface Metrics {
  /** Counts and times every request (mount first). */
  http: (req: Request, res: Response, next: NextFunction) => void;
  /** GraphQL operations by name, type and error code; failed sign-ins. */
  apollo: ApolloServerPlugin;
  /** `GET /metrics` in Prometheus' text format, for a bearer of `METRICS_TOKEN`; 404 without one configured. */
  route: Router;
}

/**
 * The instance's Prometheus metrics, in a registry of its own (tests run several apps in one
 * process). Process metrics come from prom-client's defaults; the pool and the queue are read when
 * scraped.
 */
export function createMetrics(orm: MikroORM, config: Config, logger: Logger): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'seatwise_' });
  const registers = [registry];

  const requests = new Counter({ name: 'seatwise_http_requests_total', help: 'HTTP requests answered, by method, route and status.', labelNames: ['method', 'route', 'status'], registers });
  const requestSeconds = new Histogram({
    name: 'seatwise_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const operations = new Counter({
    name: 'seatwise_graphql_operations_total',
    help: 'GraphQL operations, by operation name, type and outcome (OK or the first error code).',
    labelNames: ['operation', 'type', 'code'],
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'seatwise_graphql_operation_duration_seconds',
    help: 'Time to run a GraphQL operation, by operation name and type.',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const signInFailures = new Counter({ name: 'seatwise_sign_in_failures_total', help: 'Refused sign-ins (signIn, completeSignIn), by error code.', labelNames: ['code'], registers });

  new Gauge({
    name: 'seatwise_db_pool_connections',
    help: 'Database pool connections, by state (used, free, pending acquires).',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = (orm.em as EntityManager).getKnex().client.pool as { numUsed(): number; numFree(): number; numPendingAcquires(): number } | undefined;
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'free' }, pool.numFree());
      this.set({ state: 'pending' }, pool.numPendingAcquires());
    },
  });
  const depth = new Gauge({ name: 'seatwise_queue_depth', help: 'Rows of the job queue and the event outbox, by queue and status (QUEUED, RUNNING).', labelNames: ['queue', 'status'], registers });
  new Gauge({
    name: 'seatwise_queue_oldest_queued_seconds',
    help: 'Age of the oldest queued row, by queue (0 when none waits).',
    labelNames: ['queue'],
    registers,
    async collect() {
      try {
        for (const stats of await queueStats(orm.em.fork() as EntityManager)) {
          depth.set({ queue: stats.queue, status: 'QUEUED' }, stats.queued);
          depth.set({ queue: stats.queue, status: 'RUNNING' }, stats.running);
          this.set({ queue: stats.queue }, stats.oldestQueuedSeconds);
        }
      } catch (error) {
        logger.error({ err: error }, 'reading the queue for /metrics failed');
      }
    },
  });

  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return '(anonymous)';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };

  const apollo: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const labels = { operation: operationLabel(operation?.name?.value ?? operationName), type: operation?.operation ?? 'unknown' };
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const code = errors.length ? String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
          operations.inc({ ...labels, code });
          operationSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          for (const error of errors) {
            if (typeof error.path?.[0] === 'string' && SIGN_IN_FIELDS.has(error.path[0])) signInFailures.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          }
        },
      };
    },
  };

  const http = (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeOf(req);
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      requestSeconds.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  const route = Router();
  const expected = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : null;
  route.get('/metrics', async (req, res, next) => {
    // Without a token configured there are no metrics to protect: the path is not found.
    if (!expected) return next();
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return next(new UnauthenticatedError());
    }
    res.type(registry.contentType).send(await registry.metrics());
  });

  return { http, apollo, route };
}
