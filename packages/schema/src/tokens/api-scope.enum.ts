import { registerEnumType } from 'type-graphql';
import { type ApiScope as ApiScopeName, apiScopeRules, apiScopes } from '../client/token-scopes.js';

type ScopeValues = { readonly [Name in ApiScopeName]: (typeof apiScopeRules)[Name]['value'] };

/**
 * The server's view of the scopes in `client/token-scopes.ts` (their one definition): each by its
 * value (`ApiScope.READ_USERS` is `read:users`), as tokens store it and messages write it. GraphQL
 * still names it READ_USERS.
 */
export const ApiScope = Object.fromEntries(apiScopes.map((name) => [name, apiScopeRules[name].value])) as ScopeValues;
export type ApiScope = ScopeValues[ApiScopeName];

const names = new Map<string, ApiScopeName>(apiScopes.map((name) => [apiScopeRules[name].value, name]));

/** `read:users` → `READ_USERS`, the key of the scope's rules in `apiScopeRules`. */
export function apiScopeName(scope: ApiScope): ApiScopeName {
  return names.get(scope)!;
}

registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'A permission an API token can be given; each operation names the one it needs.',
  valuesConfig: Object.fromEntries(apiScopes.map((name) => [name, { description: apiScopeRules[name].description }])),
});
