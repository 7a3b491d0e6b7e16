import { BREAK, GraphQLError, type GraphQLFormattedError, isValueNode, Kind, parse, type ValueNode, visit } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, InvalidInputsError } from '../errors.js';
import { msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { LimitCode, tokenLimitOf } from './limits.js';

/** `Variable "$filter" got invalid value ... at "filter.roles[0]"` → `filter.roles[0]`. */
function fieldOfCoercionError(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  if (at) return at;
  return /Variable "\$([^"]+)"/.exec(message)?.[1];
}

/** Where `start` lies inside an argument's value: `input` + `{ userIds: ["x"] }` → `input.userIds[0]`. */
function pathTo(value: ValueNode, start: number, path: string): string | undefined {
  if (value.loc?.start === start) return path;
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathTo(item, start, `${path}[${index}]`);
      if (found) return found;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathTo(field.value, start, `${path}.${field.name.value}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The argument path of a literal that validation refused (`user(id: "12345")` → `id`); undefined
 * for any other validation error. Only such refusals point at a value written in the document, and
 * only at that value, so the document is read again to find the argument around it.
 */
function fieldOfLiteral(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || !error.source) return undefined;
  const node = error.nodes?.[0];
  if (!node?.loc || node.kind === Kind.VARIABLE || !isValueNode(node)) return undefined;
  const { start } = node.loc;
  let field: string | undefined;
  visit(parse(error.source), {
    Argument(argument) {
      field = pathTo(argument.value, start, argument.name.value);
      return field === undefined ? undefined : BREAK;
    },
  });
  return field;
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
          ...(original instanceof InvalidInputsError ? { errors: original.localizedErrors() } : {}),
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
    // A literal that its type refuses (`user(id: "12345")`) is bad input as much as a variable is.
    const literalField = code === 'GRAPHQL_VALIDATION_FAILED' ? fieldOfLiteral(unwrapped) : undefined;
    if (code === 'BAD_USER_INPUT' || literalField !== undefined) {
      // A variable or a literal of the wrong type: a sentence for people in the request's
      // language, and graphql-js's own words for the developer in `detail`.
      const field = literalField ?? fieldOfCoercionError(formatted.message);
      return {
        ...formatted,
        message: say(field ? msg('The value given for {field} is not of the right type.', { field }) : msg('A value in the request is not of the right type.')),
        extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}), detail: formatted.message },
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
