import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { GraphQLError } from 'graphql';
import type { Config } from './config.js';
import { contextFor, type RequestContext, type Services } from './context.js';
import { openDatabase, prepareDatabase } from './db/database.js';
import { AppError } from './errors.js';
import { accessPlugin } from './graphql/access.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { costLimitPlugin, limitRules } from './graphql/limits.js';
import { graphqlRequestGuards } from './graphql/request-guards.js';
import { buildGraphqlSchema } from './graphql/schema.js';
import { textInputPlugin } from './graphql/text-input.js';
import { downloadsRouter } from './http/downloads.js';
import { exportsRoute } from './http/exports.route.js';
import { reportExportsRoute } from './http/report-exports.route.js';
import { queueDueExports, reportExportRunner } from './modules/exports/export-runs.js';
import { subscribeExportMail } from './modules/exports/export-mail.js';
import { RUN_REPORT_EXPORT } from './modules/exports/report-exports.service.js';
import { restErrorHandler } from './http/http-errors.js';
import { serverRoutePrefixes } from './http/server-routes.js';
import { usageEventsRoute } from './http/usage-events.route.js';
import { scimRoute } from './http/scim.route.js';
import { ssoRoute } from './http/sso.route.js';
import { healthRoutes, type Readiness } from './http/health.js';
import { createMetrics } from './http/metrics.js';
import { noteAccount, requestLogging } from './http/request-log.js';
import { securityHeaders, withCspNonce } from './http/security-headers.js';
import { uploadsRoute } from './http/uploads.route.js';
import { subscribeCatalogueMail } from './modules/vendor/catalogue.events.js';
import { discardStaleUploads } from './modules/vendor/catalogue-uploads.service.js';
import { languageOfRequest, msg, say } from './i18n/messages.js';
import { createLogger, type Logger } from './logger.js';
import { registerMembershipHooks } from './modules/identity/memberships.port.js';
import { createRateLimits, deleteExpiredCounters } from './modules/identity/rate-limits.js';
import { deleteExpiredIdentityRows } from './modules/identity/expired-rows.js';
import { forgetSessions, sessionViewer } from './modules/identity/session.service.js';
import { JobWorker } from './modules/jobs/job-worker.js';
import { applyTermEnds, publishTermEndWebhook } from './modules/subscriptions/subscription-expiry.service.js';
import { recordTermEndInVendorAudit } from './modules/vendor/customer-contracts.service.js';
import { createMailer, type Mailer } from './modules/mail/mailer.js';
import { Outbox } from './modules/mail/outbox.js';
import { createOutboxSmsSender, type SmsSender } from './modules/mail/sms.js';
import { BUILD_INSTALL_PACKAGE } from './modules/products/install-packages.service.js';
import { EventBus } from './modules/jobs/event-bus.js';
import type { Schedule } from './modules/jobs/schedules.js';
import { sendDueNotifications, subscribeCreditAlerts } from './modules/notifications/due-notifications.js';
import { subscribeNotificationMail } from './modules/notifications/notification-mails.js';
import { unsubscribeRoute } from './http/unsubscribe.route.js';
import { keepSeatRoute } from './http/keep-seat.route.js';
import { subscribeReclaimMail } from './modules/reclaim/reclaim-mails.js';
import { runReclaimPolicies } from './modules/reclaim/reclaim-job.js';
import { subscribeIdentityMail, subscribeIdentitySms } from './modules/identity/identity.events.js';
import { installPackageBuilder } from './modules/products/package-builder.js';
import { subscribeInvitationMail } from './modules/users/invitation.events.js';
import { subscribeWebhooks } from './modules/webhooks/webhook-delivery.js';
import { subscribeSupportReplyMail } from './modules/vendor/support-reply.mail.js';
import { mailBrandOf } from './modules/brand/brand.service.js';
import { brandLogoRoute } from './http/brand-logo.route.js';
import { authenticateBearer } from './modules/tokens/bearer.js';
import { membershipHooks } from './modules/users/membership-hooks.js';
import { staffViewer } from './modules/identity/staff/staff-session.service.js';
import { authenticateVendorBearer } from './modules/vendor/vendor-tokens.service.js';
import { deleteExpiredKeys } from './modules/idempotency/idempotency.service.js';
import { retentionTask } from './retention.js';
import { oidcRoutes } from './http/oidc.route.js';
import { checkoutRoutes } from './http/checkout.route.js';
import { sweepExpiredLeases } from './modules/licensing/network-leases.service.js';
import { createOidcProvider } from './modules/oidc/oidc-provider.js';
import { deleteExpiredModels } from './modules/oidc/oidc-adapter.js';

export interface SeatwiseApp {
  app: Express;
  orm: MikroORM;
  logger: Logger;
  mail: Mailer;
  sms: SmsSender;
  outbox: Outbox;
  /** Runs background jobs when `config.jobWorker` is on (it polls the database). */
  worker: JobWorker;
  /** The after-commit event bus; it delivers when `config.jobWorker` is on. */
  events: EventBus;
  /** `draining` turns `/readyz` to 503 (`http/graceful-shutdown.ts`). */
  readiness: Readiness;
  close(): Promise<void>;
}

async function createContext(services: Services, req: Request, res: Response): Promise<RequestContext> {
  const em = services.orm.em.fork() as EntityManager;
  // A Bearer token wins over a session cookie: a client that names a token means it.
  // A vendor service token (sw_vnd_…) acts as the vendor, never in a customer account.
  const vendorToken = await refusingBadTokens(() => authenticateVendorBearer(em, req.headers.authorization));
  const viewer = vendorToken ? null : ((await refusingBadTokens(() => authenticateBearer(em, req.headers.authorization))) ?? (await sessionViewer(em, req)));
  noteAccount(req, res, viewer?.accountId);
  const ctx = contextFor(services, req, res, viewer, em);
  // Vendor staff have a session of their own and no account; a token or customer session wins.
  if (vendorToken) ctx.staff = vendorToken;
  else if (!viewer && !req.headers.authorization) ctx.staff = await staffViewer(em, req);
  return ctx;
}

/**
 * Every mutation may end a session or change who its person is (sign-out, ended sessions, a
 * removed membership, a new role, a suspended customer): once it has run, and before its answer
 * goes out, this instance forgets the sessions it remembers (`session.service.ts`).
 */
const forgetSessionsAfterMutations: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    let mutation = false;
    return {
      async didResolveOperation({ operation }) {
        mutation = operation?.operation === 'mutation';
      },
      async willSendResponse({ contextValue }) {
        if (mutation) forgetSessions(contextValue.em);
      },
    };
  },
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The same for the REST routes and SCIM: a request that may write forgets the remembered sessions
 * when its answer starts (GraphQL's own requests are the plugin's, as only a mutation writes).
 */
function forgetSessionsAfterWrites(orm: MikroORM) {
  return (req: Request, res: Response, next: () => void) => {
    if (!READS.has(req.method) && req.path !== '/graphql') {
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: unknown[]) {
        forgetSessions(orm.em as EntityManager);
        return (writeHead as (...rest: unknown[]) => Response).apply(this, args);
      } as typeof res.writeHead;
    }
    next();
  };
}

/** A bad token is refused before any operation runs: HTTP 401 with an UNAUTHENTICATED error. */
async function refusingBadTokens<T>(authenticate: () => Promise<T>): Promise<T> {
  try {
    return await authenticate();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new GraphQLError(error.localized(), { extensions: { code: error.code, http: { status: 401 } } });
  }
}

/** Serves the built SPA; its router also renders the playground at /graphql and /playground. */
function serveWeb(app: Express, config: Config) {
  if (!config.graphql.playground) {
    app.get(['/playground', '/playground/{*rest}'], (_req, res) => {
      res.status(404).type('text/plain').send(say(msg('The playground is turned off on this server (GRAPHQL_PLAYGROUND=1 turns it on).')));
    });
  }
  const index = join(config.webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('text/plain').send(say(msg('Seatwise API is running. The web app is not built: run `npm start` from the repository.')));
    });
    return;
  }
  const html = readFileSync(index, 'utf8');
  // The build writes .br and .gz copies beside each file (vite-plugin-compression2): the copy the
  // browser accepts is sent, with Vary: Accept-Encoding. Vite names every file under assets/ after
  // its content (`name-<8 characters>.ext`), so a changed file is a new URL and those can be cached
  // for good; any other file (the favicon, public/ files) is asked for again after an hour.
  const assets = join(config.webDist, 'assets');
  const hashed = /-[\w-]{8}\.\w+(\.br|\.gz)?$/;
  app.use(
    expressStaticGzip(config.webDist, {
      index: false,
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => {
          if (path.startsWith(assets) && hashed.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          else if (path === index) res.setHeader('Cache-Control', 'no-cache');
        },
      },
    }),
  );
  const sendIndex = (res: Response) => res.type('html').setHeader('Cache-Control', 'no-cache').send(withCspNonce(html, res));
  app.get(new RegExp(`^(?!${serverRoutePrefixes.join('|')})/`), (_req, res) => sendIndex(res));
  app.get('/graphql', (req, res, next) => {
    if (config.graphql.playground && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      sendIndex(res);
    } else {
      next();
    }
  });
}

/** Builds the whole server (tests use this); `main.ts` only listens. Checks and migrates the database first (prepareDatabase). */
export async function createApp(config: Config): Promise<SeatwiseApp> {
  const logger = createLogger(config.logLevel);
  // Identity reaches memberships through a port, as users builds on identity (ARCHITECTURE.md).
  registerMembershipHooks(membershipHooks);
  const orm = await openDatabase(config.database);
  await prepareDatabase(orm, config, logger);
  const outbox = new Outbox(config.mail.outboxDir);
  // Every mail wears the vendor's brand, read when it is sent.
  const brandOf = () => mailBrandOf(orm.em as EntityManager, config.publicUrl);
  const mail = createMailer(config.mail, outbox, logger, brandOf);
  // Subscribers register from their own modules before the first request.
  const events = new EventBus(orm, logger);
  subscribeIdentityMail(events, mail, config);
  subscribeInvitationMail(events, mail);
  subscribeCatalogueMail(events, mail, config);
  subscribeSupportReplyMail(events, mail);
  subscribeNotificationMail(events, mail, config);
  subscribeReclaimMail(events, mail, config);
  subscribeExportMail(events, mail, config);
  subscribeCreditAlerts(events);
  subscribeWebhooks(events, config, mail);
  const sms = createOutboxSmsSender(outbox, logger);
  const brandName = async () => (await brandOf()).name;
  subscribeIdentitySms(events, sms, brandName);
  const services: Services = {
    orm,
    brandName,
    config,
    outbox,
    events,
    mail,
    sms,
    limits: createRateLimits(orm, config),
    oidc: await createOidcProvider(orm, config),
  };

  const metrics = createMetrics(orm, config, logger);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildGraphqlSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: config.graphql.introspection,
    allowBatchedHttpRequests: config.graphql.maxBatch > 1,
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules: limitRules(config.graphql),
    // No cache hints are used, and Apollo's default cache-control plugin would wrap every field
    // resolver to collect them: a cost on each of the thousands of fields a report page returns.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), accessPlugin, textInputPlugin, costLimitPlugin(config.graphql.maxCost), metrics.apollo, forgetSessionsAfterMutations],
  });
  await apollo.start();
  const readiness: Readiness = { draining: false };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogging(logger), metrics.http, securityHeaders());
  app.use(languageOfRequest, forgetSessionsAfterWrites(orm));

  // Operations are POSTed: they go to Apollo before the REST routers and the SPA's, which a small
  // request would otherwise walk through one by one (issue 21, item 2). A GET (the playground's
  // page, or a query in the URL) takes the full way, past serveWeb.
  const graphql = [...graphqlRequestGuards(config.graphql), expressMiddleware(apollo, { context: ({ req, res }) => createContext(services, req, res) })];
  app.post('/graphql', ...graphql);
  app.use(healthRoutes(orm, config, logger, readiness, () => [worker, events]), metrics.route);

  app.use(brandLogoRoute(orm));
  app.use(unsubscribeRoute(orm, config));
  app.use(keepSeatRoute(orm, config));
  app.use(downloadsRouter(services, logger));
  app.use(usageEventsRoute(orm, config, events));
  app.use(uploadsRoute(services));
  app.use(exportsRoute(services));
  app.use(reportExportsRoute(services, logger));
  app.use(scimRoute(services, logger));
  app.use(ssoRoute(services, logger));
  app.use(oidcRoutes(services));
  app.use(await checkoutRoutes(services));
  app.use('/api', restErrorHandler(logger));

  serveWeb(app, config);
  app.use('/graphql', ...graphql);
  app.use(restErrorHandler(logger));

  // Each fires once per cron slot across all instances that run jobs (`jobs/schedules.ts`).
  const schedules: Schedule[] = [
    // The terms that ended at midnight in their customer's time zone.
    { name: 'subscriptions.term-ends', cron: '* * * * *', run: (em, now) =>
        applyTermEnds(em, now, (tx, end) => {
          recordTermEndInVendorAudit(tx, end);
          publishTermEndWebhook({ em: tx, events }, end, now);
        }),
    },
    // Catalogue uploads no byte reached for `uploads.staleHours` are discarded.
    { name: 'vendor.stale-uploads', cron: '7 * * * *', run: (em) => discardStaleUploads(em, config) },
    { name: 'idempotency.expired-keys', cron: '*/10 * * * *', run: () => deleteExpiredKeys(orm) },
    { name: 'identity.expired-counters', cron: '*/10 * * * *', run: () => deleteExpiredCounters(orm) },
    { name: 'identity.expired-rows', cron: '23 * * * *', run: (em) => deleteExpiredIdentityRows(em, new Date()) },
    // Network leases with no heartbeat for two intervals: ended and told to webhooks (checkouts already count them free).
    { name: 'licensing.expired-leases', cron: '* * * * *', run: (em, now) => sweepExpiredLeases({ em, events }, now).then(() => undefined) },
    { name: 'oidc.expired-models', cron: '*/10 * * * *', run: (em) => deleteExpiredModels(em, new Date()) },
    // Usage events, audit entries, finished jobs and event deliveries (the dead letter among them)
    // past the retention settings (docs/operations.md): the one clean-up of each of those tables.
    retentionTask(config, logger),
    // Renewals due and expiries to admins, and usage alerts, on each account's own day; each mail
    // once per (kind, subject, person) however often this runs (`notifications/due-notifications.ts`).
    { name: 'notifications.daily', cron: '0 6 * * *', run: (em, now) => sendDueNotifications({ em, events }, now, logger) },
    // Reclaim policies: idle seats announced, used ones' notices cancelled, those past their grace
    // period taken back; each notice and mail once however often this runs (`reclaim/reclaim-job.ts`).
    { name: 'reclaim.policies', cron: '17 * * * *', run: (em, now) => runReclaimPolicies({ em, events, config }, now, logger) },
    // Scheduled report exports whose local slot has come: each slot's run queued once (`exports/export-runs.ts`).
    { name: 'exports.due', cron: '* * * * *', run: (em, now) => queueDueExports(em, events, now) },
  ];
  const worker = new JobWorker(orm, logger, { [BUILD_INSTALL_PACKAGE]: installPackageBuilder(config), [RUN_REPORT_EXPORT]: reportExportRunner(services, logger) }, { schedules, now: config.now, scheduleCheckMs: config.scheduleCheckSeconds * 1000 });
  if (config.jobWorker) {
    worker.start();
    events.start();
  }

  return {
    app,
    orm,
    logger,
    mail: services.mail,
    sms: services.sms,
    outbox,
    worker,
    events,
    readiness,
    async close() {
      await worker.stop();
      await events.stop();
      await apollo.stop();
      services.mail.close();
      await orm.close(true);
    },
  };
}
