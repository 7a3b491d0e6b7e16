import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { Extensions } from 'type-graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageSizes } from '../common/pagination.js';
import type { GraphqlConfig } from '../config.js';
import { type Message, msg, say } from '../i18n/messages.js';

/** The stable codes of Q-03's refusals; each error also carries `extensions.limit`. */
export const LimitCode = {
  DEPTH: 'DEPTH_LIMIT_EXCEEDED',
  ALIASES: 'ALIAS_LIMIT_EXCEEDED',
  DIRECTIVES: 'DIRECTIVE_LIMIT_EXCEEDED',
  TOKENS: 'TOKEN_LIMIT_EXCEEDED',
  COST: 'COST_LIMIT_EXCEEDED',
  BATCH: 'BATCH_LIMIT_EXCEEDED',
  BODY: 'BODY_LIMIT_EXCEEDED',
} as const;

/**
 * How a graphql-armor rule refuses: reported as a validation error (not thrown), with the limit.
 * Armor's own sentence ("Syntax Error: Query depth limit of 10 exceeded, found 12.") only lends
 * the number found; the refusal is written in the request's language. Apollo stamps every
 * validation error GRAPHQL_VALIDATION_FAILED, so the real code travels as `limitCode` and
 * format-error restores it.
 */
function refusal(code: string, limit: number, describe: (found: number) => Message) {
  return {
    n: limit,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = /found (\d+)\.?$/.exec(error.message)?.[1];
        const message = found === undefined ? error.message.replace(/^Syntax Error: /, '') : say(describe(Number(found)));
        context?.reportError(new GraphQLError(message, { extensions: { limitCode: code, limit } }));
      },
    ],
  };
}

/** Depth, aliases and directives per operation (graphql-armor); introspection is exempt from depth. */
export function limitRules(limits: GraphqlConfig): ValidationRule[] {
  const { maxDepth, maxAliases, maxDirectives } = limits;
  return [
    maxDepthRule({
      ...refusal(LimitCode.DEPTH, maxDepth, (found) => msg('Query depth limit of {limit} exceeded, found {found}.', { limit: maxDepth, found })),
      ignoreIntrospection: true,
    }),
    maxAliasesRule(refusal(LimitCode.ALIASES, maxAliases, (found) => msg('Aliases limit of {limit} exceeded, found {found}.', { limit: maxAliases, found }))),
    maxDirectivesRule(
      refusal(LimitCode.DIRECTIVES, maxDirectives, (found) => msg('Directives limit of {limit} exceeded, found {found}.', { limit: maxDirectives, found })),
    ),
  ] as ValidationRule[];
}

/**
 * The price of a field that returns a whole file (`complexity` on its decorator): one plus a unit
 * per ten rows it can hold. A file row is written by one loop rather than resolved field by field,
 * and the audit log's 50,000 rows (5,001) still fit one export into the default limit of 10,000,
 * not two.
 */
export const exportCost = (rows: number) => 1 + Math.ceil(rows / 10);

/**
 * The page sizes of a list whose `first` is not a connection's (`pageSize` in pagination.ts), so
 * the cost limit prices the rows it can really return: `@Paged(SEAT_USAGE_PAGE)`.
 */
export const Paged = (sizes: PageSizes) => Extensions({ paging: sizes });

/**
 * A list without paging that cannot grow past `rows` by construction (say why in the field's
 * description): the cost limit prices it as that many rows. A list that can grow is a connection.
 */
export const Bounded = (rows: number) => Extensions({ bounded: rows });

/** The bound `@Bounded` declared on a field, if any. */
export const boundOf = (extensions: unknown): number | undefined => {
  const bounded = (extensions as { bounded?: unknown } | undefined)?.bounded;
  return typeof bounded === 'number' ? bounded : undefined;
};

const pagingOf = (extensions: unknown): PageSizes =>
  (extensions as { paging?: PageSizes } | undefined)?.paging ?? { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE };

/**
 * Cost = one per field plus its children; a paged field (one with `first`) costs its children once
 * per row asked for (its default page size when `first` is omitted, at most its largest page, so a
 * too-large `first` still gets its own BAD_USER_INPUT; `@Paged` declares both where they are not a
 * connection's). A `@Bounded` list costs its children once per row it can hold. A field that
 * declares its own price (an export, priced by its rows) costs that. Introspection costs nothing.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const declared: unknown = field.extensions?.complexity;
  if (typeof declared === 'number') return declared;
  const bound = boundOf(field.extensions);
  if (bound !== undefined) return 1 + bound * childComplexity;
  const paged = field.args.some((arg) => arg.name === 'first');
  if (!paged) return 1 + childComplexity;
  const paging = pagingOf(field.extensions);
  const first = typeof args.first === 'number' && args.first > 0 ? Math.min(args.first, paging.max) : paging.default;
  return 1 + first * childComplexity;
};

/** Refuses an operation whose cost exceeds the limit, before anything is resolved. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [costEstimator],
            });
          } catch {
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT
            // and the field they are in, before any resolver runs, so there is no cost to bound.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(say(msg('Query cost {cost} exceeds the limit of {limit}: ask for fewer rows or fields.', { cost, limit: maxCost })), {
              extensions: { code: LimitCode.COST, limit: maxCost, cost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** graphql-js stops parsing past `maxTokens`; its syntax error becomes TOKEN_LIMIT_EXCEEDED in format-error. */
export function tokenLimitOf(message: string): number | undefined {
  // graphql-js 16 says "more that"; later versions may fix the typo.
  const match = /Document contains more tha[nt] (\d+) tokens/.exec(message);
  return match ? Number(match[1]) : undefined;
}
