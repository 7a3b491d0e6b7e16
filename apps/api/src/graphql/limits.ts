import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination.js';
import type { GraphqlConfig } from '../config.js';

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
 * How a graphql-armor rule refuses: reported as a validation error (not thrown), with the limit and
 * without armor's misleading "Syntax Error" prefix. Apollo stamps every validation error
 * GRAPHQL_VALIDATION_FAILED, so the real code travels as `limitCode` and format-error restores it.
 */
function refusal(code: string, limit: number) {
  return {
    n: limit,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limitCode: code, limit } }),
        ),
    ],
  };
}

/** Depth, aliases and directives per operation (graphql-armor); introspection is exempt from depth. */
export function limitRules(limits: GraphqlConfig): ValidationRule[] {
  return [
    maxDepthRule({ ...refusal(LimitCode.DEPTH, limits.maxDepth), ignoreIntrospection: true }),
    maxAliasesRule(refusal(LimitCode.ALIASES, limits.maxAliases)),
    maxDirectivesRule(refusal(LimitCode.DIRECTIVES, limits.maxDirectives)),
  ] as ValidationRule[];
}

/**
 * Cost = one per field plus its children; a paged field (one with `first`) costs its children once
 * per row asked for (the default page size when `first` is omitted, at most the largest page, so a
 * too-large `first` still gets its own BAD_USER_INPUT). Introspection costs nothing.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  const paged = field.args.some((arg) => arg.name === 'first');
  if (!paged) return 1 + childComplexity;
  const first = typeof args.first === 'number' && args.first > 0 ? Math.min(args.first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
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
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for fewer rows or fields.`, {
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
