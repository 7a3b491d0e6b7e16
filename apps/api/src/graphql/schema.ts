import type { GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker } from 'type-graphql';
import type { Role } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import { accessMiddleware, enforceAccess } from './access.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { ServerResolver } from '../modules/server/server.resolver.js';
import { TeamsResolver } from '../modules/teams/teams.resolver.js';
import { TokensResolver } from '../modules/tokens/tokens.resolver.js';
import { UsersResolver } from '../modules/users/users.resolver.js';

export const resolvers = [ServerResolver, IdentityResolver, UsersResolver, TeamsResolver, TokensResolver] as const;

/**
 * `@Authorized()` = signed in; `@Authorized([roles])` = signed in with one of those roles. With an
 * API token, the operation's declared scope is checked first (see `access.ts`), so a token learns
 * which scope it lacks before anything else.
 */
const authChecker: AuthChecker<RequestContext, Role> = ({ context, info }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  enforceAccess(context, info);
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw new ForbiddenError();
  return true;
};

export function buildGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, authChecker, globalMiddlewares: [accessMiddleware], validate: false });
}
