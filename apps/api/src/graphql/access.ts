import type { GraphQLField, GraphQLResolveInfo } from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
import { type ApiScope } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import { AppError } from '../errors.js';

/**
 * How an operation may be reached by an API token, declared next to its resolver:
 * - `scope`: a token needs this scope (a signed-in person needs none: their role decides);
 * - `session`: for people only (sign-in, password, 2FA, token management): refused to any token;
 * - `public`: anyone, tokens included, whatever their scopes.
 * An operation that declares nothing is refused to every token, and a test names it.
 */
export type OperationAccess = { scope: ApiScope } | { session: true } | { public: true };

const accessExtension = (access: OperationAccess) => Extensions({ access });

/** The token scope this operation needs, e.g. `@RequireScope(ApiScope.READ_USERS)`. */
export const RequireScope = (scope: ApiScope) => accessExtension({ scope });
/** For people signed in with a session only; API tokens are refused. */
export const SessionOnly = () => accessExtension({ session: true });
/** Open to everyone, tokens with any scopes included. */
export const Public = () => accessExtension({ public: true });

export function accessOf(field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): OperationAccess | undefined {
  return (field.extensions as { access?: OperationAccess } | undefined)?.access;
}

/** Refuses a root operation to a token that may not call it; sessions and anonymous requests pass. */
export function enforceAccess(ctx: RequestContext, info: GraphQLResolveInfo): void {
  const token = ctx.viewer?.token;
  if (!token || info.path.prev !== undefined) return;
  const field = info.parentType.getFields()[info.fieldName];
  const access = field ? accessOf(field) : undefined;
  if (!access) {
    throw new AppError('INSUFFICIENT_SCOPE', `${info.fieldName} cannot be called with an API token.`, undefined, {
      operation: info.fieldName,
    });
  }
  if ('public' in access) return;
  if ('session' in access) {
    throw new AppError(
      'SESSION_REQUIRED',
      `${info.fieldName} is for people signed in to Seatwise; API tokens cannot call it.`,
      undefined,
      { operation: info.fieldName },
    );
  }
  if (!token.scopes.includes(access.scope)) {
    throw new AppError(
      'INSUFFICIENT_SCOPE',
      `This token lacks the scope ${access.scope}, which ${info.fieldName} needs.`,
      undefined,
      { operation: info.fieldName, requiredScope: access.scope },
    );
  }
}

/** Runs for every resolver; only root fields are checked, so nested fields cost one comparison. */
export const accessMiddleware: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  enforceAccess(context, info);
  return next();
};
