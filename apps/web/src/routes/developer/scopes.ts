import type { ApiScope, ApiTokenKind, Role } from '../../gql/graphql';

/** Every scope, in the order the form shows them; the server checks the same rules again. */
export const allScopes: ApiScope[] = [
  'READ_PROFILE',
  'WRITE_PROFILE',
  'READ_USERS',
  'WRITE_USERS',
  'READ_SEATS',
  'WRITE_SEATS',
  'READ_SUBSCRIPTIONS',
  'WRITE_SUBSCRIPTIONS',
  'READ_PRODUCTS',
  'WRITE_PRODUCTS',
  'READ_REPORTS',
  'READ_AUDIT',
  'INGEST_USAGE',
];

const personalOnly: ApiScope[] = ['READ_PROFILE', 'WRITE_PROFILE'];
const userRoleScopes: ApiScope[] = ['READ_PROFILE', 'WRITE_PROFILE', 'READ_PRODUCTS', 'WRITE_PRODUCTS'];

/** The scopes a token of this kind may have when created by someone with this role. */
export function scopesFor(kind: ApiTokenKind, role: Role): ApiScope[] {
  if (kind === 'SERVICE') return allScopes.filter((scope) => !personalOnly.includes(scope));
  return role === 'USER' ? userRoleScopes : allScopes;
}

/** `READ_USERS` → `read:users`, as the API documentation and error messages write it. */
export const scopeValue = (scope: ApiScope) => scope.toLowerCase().replace('_', ':');
