import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The id's canonical spelling (lower case, as Seatwise generates and stores them), or null for
 * anything that is not a UUID. Upper case is read as lower case so that a lookup matches on
 * SQLite, which compares text, as it does on PostgreSQL's `uuid` type.
 */
export function canonicalUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return CANONICAL.test(lower) ? lower : null;
}

function parse(value: unknown, node?: ValueNode): string {
  const uuid = canonicalUuid(value);
  if (uuid === null) throw new GraphQLError(`Value is not a UUID (8-4-4-4-12 hexadecimal digits): ${JSON.stringify(value)}`, { nodes: node });
  return uuid;
}

/**
 * Every id a client sends is a UUID, so a malformed one is refused as bad input while the
 * request is read, before a resolver or a database sees it. graphql-scalars' `UUID` is not used:
 * it keeps upper case (a miss on SQLite) and lets a stray brace through (`…}`), which PostgreSQL
 * then rejects. Ids in results stay `ID`, which clients' caches key on.
 */
export const UUID = new GraphQLScalarType<string, string>({
  name: 'UUID',
  description:
    'A UUID in its 36-character form, e.g. `0b9e6f4c-1d2a-4b3c-8d9e-0f1a2b3c4d5e`; upper case is read as lower case. Every id a client passes is one.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc9562',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`A UUID is written as a string, not as ${ast.kind}.`, { nodes: ast });
    return parse(ast.value, ast);
  },
  extensions: { codegenScalarType: 'string' },
});
