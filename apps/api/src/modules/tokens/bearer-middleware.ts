import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ApiScope } from '@seatwise/schema';
import type { RequestHandler, Response } from 'express';
import { AppError, msg } from '../../errors.js';
import { authorizeBearer, InvalidTokenError, type TokenPrincipal } from './bearer.js';

/** What a REST route behind `requireBearer` finds in `res.locals`. */
export interface BearerLocals {
  principal: TokenPrincipal;
  /** Forked per request, tenant filter bound to the token's account. */
  em: EntityManager;
}

export const bearerLocals = (res: Response) => res.locals as BearerLocals;

/**
 * For REST routes that other systems call (usage ingestion): needs `Authorization: Bearer` with
 * the given scope. Refusals have the GraphQL error shape, so clients read one format: 401
 * UNAUTHENTICATED (no, unknown, expired or revoked token) or 403 INSUFFICIENT_SCOPE.
 */
export function requireBearer(orm: MikroORM, scope: ApiScope): RequestHandler {
  return async (req, res, next) => {
    const em = orm.em.fork() as EntityManager;
    try {
      const principal = await authorizeBearer(em, req.headers.authorization, scope);
      if (!principal) throw new InvalidTokenError(msg('This endpoint needs an API token: send Authorization: Bearer <token>.'));
      Object.assign(res.locals, { principal, em } satisfies BearerLocals);
      next();
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      const status = error.code === 'UNAUTHENTICATED' ? 401 : 403;
      if (status === 401) res.set('WWW-Authenticate', 'Bearer');
      res.status(status).json({ errors: [{ message: error.localized(), extensions: { code: error.code, ...error.details } }] });
    }
  };
}
