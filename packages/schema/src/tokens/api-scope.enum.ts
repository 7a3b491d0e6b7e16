import { registerEnumType } from 'type-graphql';

/**
 * What an API token may do. The GraphQL name is READ_USERS; the value, as written in docs and in
 * `Authorization` error messages, is `read:users`. Every operation declares one of these, or is
 * for people only (session) or public.
 */
export enum ApiScope {
  READ_PROFILE = 'read:profile',
  WRITE_PROFILE = 'write:profile',
  READ_USERS = 'read:users',
  WRITE_USERS = 'write:users',
  READ_SEATS = 'read:seats',
  WRITE_SEATS = 'write:seats',
  READ_SUBSCRIPTIONS = 'read:subscriptions',
  WRITE_SUBSCRIPTIONS = 'write:subscriptions',
  READ_PRODUCTS = 'read:products',
  WRITE_PRODUCTS = 'write:products',
  READ_REPORTS = 'read:reports',
  READ_AUDIT = 'read:audit',
  INGEST_USAGE = 'ingest:usage',
}

/** What each scope allows, in words: the GraphQL enum descriptions and `docs/api.md` both use it. */
export const apiScopeDescriptions: Record<ApiScope, string> = {
  [ApiScope.READ_PROFILE]: "`read:profile`: read the token owner's own profile and settings (personal tokens only).",
  [ApiScope.WRITE_PROFILE]: "`write:profile`: change the token owner's own profile and settings (personal tokens only).",
  [ApiScope.READ_USERS]: "`read:users`: read the account's users, teams and invitations.",
  [ApiScope.WRITE_USERS]: '`write:users`: invite, import, change and remove users; manage teams.',
  [ApiScope.READ_SEATS]: '`read:seats`: read who holds which seat.',
  [ApiScope.WRITE_SEATS]: '`write:seats`: assign and unassign seats.',
  [ApiScope.READ_SUBSCRIPTIONS]: '`read:subscriptions`: read contracts and subscriptions.',
  [ApiScope.WRITE_SUBSCRIPTIONS]: '`write:subscriptions`: change subscriptions (e.g. move them between teams).',
  [ApiScope.READ_PRODUCTS]: '`read:products`: read products, versions, downloads and activation data.',
  [ApiScope.WRITE_PRODUCTS]: '`write:products`: request licences, trials and install packages.',
  [ApiScope.READ_REPORTS]: '`read:reports`: read insights, seat usage and cloud-services usage reports.',
  [ApiScope.READ_AUDIT]: "`read:audit`: read the account's audit log.",
  [ApiScope.INGEST_USAGE]: '`ingest:usage`: report usage events (POST /api/usage-events).',
};

/** Scopes about one person: a service token belongs to the account, not to a person. */
export const personalOnlyScopes: readonly ApiScope[] = [ApiScope.READ_PROFILE, ApiScope.WRITE_PROFILE];

registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'A permission an API token can be given; each operation names the one it needs.',
  valuesConfig: Object.fromEntries(
    Object.entries(ApiScope).map(([name, value]) => [name, { description: apiScopeDescriptions[value] }]),
  ),
});
