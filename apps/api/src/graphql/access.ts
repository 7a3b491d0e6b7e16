import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, type GraphQLField, GraphQLError, Kind } from 'graphql';
import type { ApiScope, VendorScope } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import { AppError, msg } from '../errors.js';
import { selectedFieldNames } from './selection.js';

/**
 * How an API token may reach an operation, derived from its permission (`@Allow` in
 * `permissions.ts`) and kept in the field's extensions:
 * - `scope`: a token needs this scope (a signed-in person needs none: their role decides);
 * - `session`: for people only (sign-in, password, 2FA, token management): refused to any token;
 * - `public`: anyone, tokens included, whatever their scopes.
 * An operation that declares nothing is refused to every token, and a test names it.
 */
export type OperationAccess = { scope: ApiScope | VendorScope } | { session: true } | { public: true };

/**
 * The scopes of the request's token and whose token it is: a customer account's (`ctx.viewer.token`)
 * or the vendor's (`ctx.staff.token`). A scope of the other side is never on it.
 */
export interface ScopedToken {
  side: 'account' | 'vendor';
  scopes: readonly string[];
}

export function tokenOf(ctx: Pick<RequestContext, 'viewer' | 'staff'>): ScopedToken | null {
  if (ctx.viewer?.token) return { side: 'account', scopes: ctx.viewer.token.scopes };
  if (ctx.staff?.token) return { side: 'vendor', scopes: ctx.staff.token.scopes };
  return null;
}

const isVendorScope = (scope: string) => scope.startsWith('vendor:');

export function accessOf(field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): OperationAccess | undefined {
  return (field.extensions as { access?: OperationAccess } | undefined)?.access;
}

/** Why a token may not call this root field, or null when it may. */
export function accessRefusal(token: ScopedToken, fieldName: string, access: OperationAccess | undefined): AppError | null {
  if (!access) {
    return new AppError('INSUFFICIENT_SCOPE', msg('{operation} cannot be called with an API token.', { operation: fieldName }), undefined, {
      operation: fieldName,
    });
  }
  if ('public' in access) return null;
  if ('session' in access) {
    return new AppError(
      'SESSION_REQUIRED',
      msg('{operation} is for people signed in to Seatwise; API tokens cannot call it.', { operation: fieldName }),
      undefined,
      { operation: fieldName },
    );
  }
  if (token.scopes.includes(access.scope)) return null;
  if (token.side === 'account' && isVendorScope(access.scope)) {
    return new AppError('VENDOR_STAFF_ONLY', msg('This is an operation of the Vendor console: people and API tokens of customer accounts cannot use it.'), undefined, {
      operation: fieldName,
    });
  }
  if (token.side === 'vendor' && !isVendorScope(access.scope)) {
    return new AppError('CUSTOMER_ACCOUNT_ONLY', msg('{operation} is an operation of a customer account; vendor API tokens cannot call it.', { operation: fieldName }), undefined, {
      operation: fieldName,
    });
  }
  return new AppError('INSUFFICIENT_SCOPE', msg('This token lacks the scope {scope}, which {operation} needs.', { scope: access.scope, operation: fieldName }), undefined, {
    operation: fieldName,
    requiredScope: access.scope,
  });
}

/**
 * Checks every root field of an operation against the request's API token before anything runs:
 * an operation that selects one field the token may not call is refused as a whole (HTTP 403).
 * Sessions and anonymous requests pass; their roles are checked by the `authChecker` (`schema.ts`).
 */
export const accessPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document, schema }) {
        const token = tokenOf(contextValue);
        if (!token || !operation) return;
        const root = schema.getRootType(operation.operation);
        const fragments = Object.fromEntries(
          document.definitions
            .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
            .map((node) => [node.name.value, node]),
        );
        // The root fields the operation selects, through fragments and inline fragments.
        for (const name of new Set(selectedFieldNames(operation.selectionSet, fragments))) {
          if (name.startsWith('__')) continue;
          const field = root?.getFields()[name];
          const refusal = accessRefusal(token, name, field ? accessOf(field) : undefined);
          if (refusal) throw new GraphQLError(refusal.localized(), { originalError: refusal, extensions: { http: { status: 403 } } });
        }
      },
    };
  },
};
