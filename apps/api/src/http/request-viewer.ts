import type { Request } from 'express';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Viewer } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { ADMIN_ROLES } from '../graphql/permissions.js';
import { sessionViewer } from '../modules/identity/session.service.js';

/** The signed-in admin behind a REST request (session cookie), with an entity manager bound to their account. */
export async function requireAdmin(orm: MikroORM, req: Request): Promise<{ em: EntityManager; viewer: Viewer }> {
  const em = orm.em.fork() as EntityManager;
  const viewer = await sessionViewer(em, req);
  if (!viewer) throw new UnauthenticatedError();
  if (!ADMIN_ROLES.includes(viewer.role)) throw new ForbiddenError();
  em.setFilterParams('tenant', { accountId: viewer.accountId });
  return { em, viewer };
}
