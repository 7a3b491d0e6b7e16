import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import { contextFor, type AccountContext, type Services } from '../context.js';
import type { Logger } from '../logger.js';
import { authenticateDirectory, scimBaseUrl } from '../modules/directory/directory-tokens.service.js';
import { resourceTypes, schemas, serviceProviderConfig } from '../modules/directory/scim-discovery.js';
import {
  createScimGroup,
  deleteScimGroup,
  getScimGroup,
  listScimGroups,
  patchScimGroup,
  replaceScimGroup,
} from '../modules/directory/scim-groups.service.js';
import { SCIM, SCIM_CONTENT_TYPE, ScimError } from '../modules/directory/scim-protocol.js';
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
} from '../modules/directory/scim-users.service.js';
import { bodyFault } from './http-errors.js';

type Handler = (ctx: AccountContext, req: Request, base: string) => Promise<{ status?: number; body?: unknown }>;

const send = (res: Response, status: number, body?: unknown) => {
  res.status(status);
  if (body === undefined) res.end();
  else res.type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
};

const body = (req: Request): Record<string, unknown> => {
  if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw new ScimError(400, 'invalidSyntax', 'The body must be a JSON object.');
  return req.body as Record<string, unknown>;
};
const query = (req: Request) => req.query as Record<string, unknown>;
const param = (req: Request) => String(req.params.id);

/**
 * SCIM 2.0 (RFC 7644) at `/scim/v2/`: the account of the bearer token is the tenant; every answer,
 * errors included (401, 404), is `application/scim+json` in the SCIM schemas.
 */
export function scimRoute(services: Services, logger: Logger): Router {
  const router = Router();
  const base = scimBaseUrl(services.config.publicUrl);
  // Identity providers send application/scim+json, some application/json.
  router.use('/scim/v2', express.json({ limit: '2mb', type: ['application/scim+json', 'application/json'] }));

  const handle = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const em = services.orm.em.fork() as EntityManager;
      const viewer = await authenticateDirectory(em, req.headers.authorization);
      const ctx = contextFor(services, req, res, viewer, em) as AccountContext;
      const result = await handler(ctx, req, base);
      send(res, result.status ?? 200, result.body);
    } catch (error) {
      next(error);
    }
  };

  const users = '/scim/v2/Users';
  const groups = '/scim/v2/Groups';
  router.get('/scim/v2/ServiceProviderConfig', handle(async () => ({ body: serviceProviderConfig(base) })));
  router.get('/scim/v2/ResourceTypes', handle(async () => ({ body: list(resourceTypes(base)) })));
  router.get('/scim/v2/ResourceTypes/:id', handle(async (_ctx, req) => ({ body: one(resourceTypes(base), param(req), 'ResourceType') })));
  router.get('/scim/v2/Schemas', handle(async () => ({ body: list(schemas(base)) })));
  router.get('/scim/v2/Schemas/:id', handle(async (_ctx, req) => ({ body: one(schemas(base), param(req), 'Schema') })));

  router.get(users, handle(async (ctx, req) => ({ body: await listScimUsers(ctx, base, query(req)) })));
  router.post(users, handle(async (ctx, req) => ({ status: 201, body: await createScimUser(ctx, base, body(req)) })));
  router.get(`${users}/:id`, handle(async (ctx, req) => ({ body: await getScimUser(ctx, base, param(req), query(req)) })));
  router.put(`${users}/:id`, handle(async (ctx, req) => ({ body: await replaceScimUser(ctx, base, param(req), body(req)) })));
  router.patch(`${users}/:id`, handle(async (ctx, req) => ({ body: await patchScimUser(ctx, base, param(req), body(req)) })));
  router.delete(`${users}/:id`, handle(async (ctx, req) => (await deleteScimUser(ctx, param(req)), { status: 204 })));

  router.get(groups, handle(async (ctx, req) => ({ body: await listScimGroups(ctx, base, query(req)) })));
  router.post(groups, handle(async (ctx, req) => ({ status: 201, body: await createScimGroup(ctx, base, body(req)) })));
  router.get(`${groups}/:id`, handle(async (ctx, req) => ({ body: await getScimGroup(ctx, base, param(req), query(req)) })));
  router.put(`${groups}/:id`, handle(async (ctx, req) => ({ body: await replaceScimGroup(ctx, base, param(req), body(req)) })));
  router.patch(
    `${groups}/:id`,
    handle(async (ctx, req) => {
      // The group comes back as it now stands (RFC 7644 §3.5.2 allows 200 with the resource).
      const result = await patchScimGroup(ctx, base, param(req), body(req), true);
      return { body: result ?? undefined, status: result ? 200 : 204 };
    }),
  );
  router.delete(`${groups}/:id`, handle(async (ctx, req) => (await deleteScimGroup(ctx, param(req)), { status: 204 })));

  // Bulk, /Me and anything else under /scim/v2 are not served: a SCIM 404, never the SPA.
  router.all('/scim/v2', (_req, res) => send(res, 404, new ScimError(404, 'invalidPath', 'Unknown SCIM endpoint.').body()));
  router.all('/scim/v2/{*rest}', (req, res) => send(res, 404, new ScimError(404, 'invalidPath', `Unknown SCIM endpoint ${req.path}.`).body()));

  router.use('/scim', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof ScimError) return send(res, error.status, error.body());
    const fault = bodyFault(error);
    if (fault) return send(res, fault === 'tooLarge' ? 413 : 400, new ScimError(fault === 'tooLarge' ? 413 : 400, 'invalidSyntax', 'The body is not valid JSON.').body());
    logger.error({ err: error }, 'SCIM request failed');
    send(res, 500, { schemas: [SCIM.error], status: '500', detail: 'The server failed to handle this request.' });
  });
  return router;
}

const list = (resources: unknown[]) => ({ schemas: [SCIM.list], totalResults: resources.length, startIndex: 1, itemsPerPage: resources.length, Resources: resources });

function one<T extends { id: string }>(resources: T[], id: string, what: string): T {
  const found = resources.find((resource) => resource.id === id);
  if (!found) throw new ScimError(404, null, `${what} ${id} not found.`);
  return found;
}
