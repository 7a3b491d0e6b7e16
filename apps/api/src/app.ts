import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { pinoHttp } from 'pino-http';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Config } from './config.js';
import type { RequestContext } from './context.js';
import { migrate, openDatabase } from './db/database.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { buildGraphqlSchema } from './graphql/schema.js';
import { exportsRoute } from './http/exports.route.js';
import { restErrorHandler } from './http/http-errors.js';
import { usageEventsRoute } from './http/usage-events.route.js';
import { createLogger, type Logger } from './logger.js';
import { readSessionToken, resolveViewer } from './modules/identity/session.service.js';

export interface SeatwiseApp {
  app: Express;
  orm: MikroORM;
  logger: Logger;
  close(): Promise<void>;
}

async function createContext(orm: MikroORM, config: Config, req: Request, res: Response): Promise<RequestContext> {
  const em = orm.em.fork() as EntityManager;
  const token = readSessionToken(req);
  const viewer = token ? await resolveViewer(em, token) : null;
  if (viewer) em.setFilterParams('tenant', { accountId: viewer.accountId });
  return { em, viewer, config, req, res };
}

/** Serves the built SPA; its router also renders the playground at /graphql and /playground. */
function serveWeb(app: Express, config: Config) {
  const index = join(config.webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Seatwise API is running. The web app is not built: run `npm start` from the repository.');
    });
    return;
  }
  const html = readFileSync(index, 'utf8');
  app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
  const sendIndex = (res: Response) => res.type('html').setHeader('Cache-Control', 'no-cache').send(html);
  app.get(/^\/(?!graphql|healthz|api\/).*/, (_req, res) => sendIndex(res));
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      sendIndex(res);
    } else {
      next();
    }
  });
}

/** Builds the whole server (tests use this); `main.ts` only listens. Migrates the database first. */
export async function createApp(config: Config): Promise<SeatwiseApp> {
  const logger = createLogger(config.logLevel);
  const orm = await openDatabase(config.database);
  const applied = await migrate(orm);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');

  const apollo = new ApolloServer<RequestContext>({
    schema: await buildGraphqlSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // Successful requests log at debug level: the console shows problems, not traffic.
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
    }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: config.database.driver });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', database: config.database.driver });
    }
  });

  app.use(usageEventsRoute(orm, config));
  app.use(exportsRoute(orm, config));
  app.use('/api', restErrorHandler(logger));

  serveWeb(app, config);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: ({ req, res }) => createContext(orm, config, req, res) }),
  );

  return {
    app,
    orm,
    logger,
    async close() {
      await apollo.stop();
      await orm.close(true);
    },
  };
}
