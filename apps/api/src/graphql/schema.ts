import type { GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker } from 'type-graphql';
import type { Role } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { AdminHomeResolver } from '../modules/home/admin-home.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { ReportsResolver } from '../modules/reports/reports.resolver.js';
import { SeatsResolver } from '../modules/seats/seats.resolver.js';
import { ServerResolver } from '../modules/server/server.resolver.js';
import { SubscriptionsResolver } from '../modules/subscriptions/subscriptions.resolver.js';
import { TeamsResolver } from '../modules/teams/teams.resolver.js';
import { UsersResolver } from '../modules/users/users.resolver.js';

export const resolvers = [
  ServerResolver,
  IdentityResolver,
  UsersResolver,
  TeamsResolver,
  AdminHomeResolver,
  SubscriptionsResolver,
  ReportsResolver,
  SeatsResolver,
] as const;

/** `@Authorized()` = signed in; `@Authorized([roles])` = signed in with one of those roles. */
const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw new ForbiddenError();
  return true;
};

export function buildGraphqlSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, authChecker, validate: false });
}
