import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors.js';
import { msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { LimitCode, tokenLimitOf } from './limits.js';

/** `Variable "$filter" got invalid value ... at "filter.roles[0]"` → `filter.roles[0]`. */
function fieldOfCoercionError(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  if (at) return at;
  return /Variable "\$([^"]+)"/.exec(message)?.[1];
}

/**
 * The one place errors become GraphQL errors: typed errors keep their code and field, GraphQL's
 * own input errors get the field they name, anything unexpected is logged and answered generically.
 * Messages for people are written in the request's language (`Accept-Language`).
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Plugins refuse with a GraphQLError that carries the typed error (see access.ts).
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError ? unwrapped.originalError : unwrapped;
    if (original instanceof AppError) {
      return {
        message: original.localized(),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...original.details,
        },
      };
    }
    const tokenLimit = tokenLimitOf(formatted.message);
    if (tokenLimit !== undefined) {
      return {
        message: say(msg('The document has more than {limit} tokens: send a smaller query.', { limit: tokenLimit })),
        extensions: { code: LimitCode.TOKENS, limit: tokenLimit },
      };
    }
    const limit = formatted.extensions?.limit;
    const limitCode = formatted.extensions?.limitCode ?? formatted.extensions?.code;
    if (typeof limitCode === 'string' && typeof limit === 'number') {
      const { limitCode: _, http: __, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: limitCode } };
    }
    const code = formatted.extensions?.code;
    if (code === 'BAD_USER_INPUT') {
      // A variable of the wrong type: a sentence for people in the request's language, and
      // graphql-js's own words for the developer in `detail`.
      const field = fieldOfCoercionError(formatted.message);
      return {
        ...formatted,
        message: say(field ? msg('The value given for {field} is not of the right type.', { field }) : msg('A value in the request is not of the right type.')),
        extensions: { code, ...(field ? { field } : {}), detail: formatted.message },
      };
    }
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { ...formatted, extensions: { code } };
    logger.error({ err: original }, 'unexpected error in a GraphQL operation');
    return {
      message: say(msg('Something went wrong on the server. It has been logged; please try again.')),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
