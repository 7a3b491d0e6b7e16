import { ApiTokenKind, Role } from './enums.js';

/**
 * What an API token may do, by its GraphQL name (`READ_USERS`). Docs, error messages and stored
 * tokens write the scope's value instead (`read:users`, `apiScopeRules[scope].value`). Every
 * operation declares one of these, or is for people only (session) or public.
 */
export const ApiScope = {
  READ_PROFILE: 'READ_PROFILE',
  WRITE_PROFILE: 'WRITE_PROFILE',
  READ_USERS: 'READ_USERS',
  WRITE_USERS: 'WRITE_USERS',
  READ_SEATS: 'READ_SEATS',
  WRITE_SEATS: 'WRITE_SEATS',
  READ_SUBSCRIPTIONS: 'READ_SUBSCRIPTIONS',
  WRITE_SUBSCRIPTIONS: 'WRITE_SUBSCRIPTIONS',
  READ_PRODUCTS: 'READ_PRODUCTS',
  WRITE_PRODUCTS: 'WRITE_PRODUCTS',
  READ_REPORTS: 'READ_REPORTS',
  READ_AUDIT: 'READ_AUDIT',
  INGEST_USAGE: 'INGEST_USAGE',
  READ_WEBHOOKS: 'READ_WEBHOOKS',
  WRITE_WEBHOOKS: 'WRITE_WEBHOOKS',
} as const;
export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];

export interface ApiScopeRule {
  /** The scope as docs, error messages and stored tokens write it, e.g. `read:users`. */
  readonly value: `${string}:${string}`;
  /** What the scope allows, in words: the GraphQL enum value's description. */
  readonly description: string;
  /** About one person: only a personal token can have it, never a service token. */
  readonly personalOnly: boolean;
  /** A person with the User role may give it to their own personal token. */
  readonly userRole: boolean;
}

/** The rules of every scope, in the order forms list them. The server checks them on every token it creates. */
export const apiScopeRules = {
  READ_PROFILE: {
    value: 'read:profile',
    description: "`read:profile`: read the token owner's own profile and settings (personal tokens only).",
    personalOnly: true,
    userRole: true,
  },
  WRITE_PROFILE: {
    value: 'write:profile',
    description: "`write:profile`: change the token owner's own profile and settings (personal tokens only).",
    personalOnly: true,
    userRole: true,
  },
  READ_USERS: {
    value: 'read:users',
    description: "`read:users`: read the account's users, teams and invitations.",
    personalOnly: false,
    userRole: false,
  },
  WRITE_USERS: {
    value: 'write:users',
    description: '`write:users`: invite, import, change and remove users; manage teams.',
    personalOnly: false,
    userRole: false,
  },
  READ_SEATS: { value: 'read:seats', description: '`read:seats`: read who holds which seat.', personalOnly: false, userRole: false },
  WRITE_SEATS: { value: 'write:seats', description: '`write:seats`: assign and unassign seats.', personalOnly: false, userRole: false },
  READ_SUBSCRIPTIONS: {
    value: 'read:subscriptions',
    description: '`read:subscriptions`: read contracts and subscriptions.',
    personalOnly: false,
    userRole: false,
  },
  WRITE_SUBSCRIPTIONS: {
    value: 'write:subscriptions',
    description: '`write:subscriptions`: change subscriptions (e.g. move them between teams).',
    personalOnly: false,
    userRole: false,
  },
  READ_PRODUCTS: {
    value: 'read:products',
    description: '`read:products`: read products, versions, downloads and activation data.',
    personalOnly: false,
    userRole: true,
  },
  WRITE_PRODUCTS: {
    value: 'write:products',
    description: '`write:products`: request licences, trials and install packages.',
    personalOnly: false,
    userRole: true,
  },
  READ_REPORTS: {
    value: 'read:reports',
    description: '`read:reports`: read insights, seat usage and cloud-services usage reports.',
    personalOnly: false,
    userRole: false,
  },
  READ_AUDIT: { value: 'read:audit', description: "`read:audit`: read the account's audit log.", personalOnly: false, userRole: false },
  INGEST_USAGE: {
    value: 'ingest:usage',
    description: '`ingest:usage`: report usage events (POST /api/usage-events).',
    personalOnly: false,
    userRole: false,
  },
  READ_WEBHOOKS: {
    value: 'read:webhooks',
    description: "`read:webhooks`: read the account's webhook endpoints and their delivery log.",
    personalOnly: false,
    userRole: false,
  },
  WRITE_WEBHOOKS: {
    value: 'write:webhooks',
    description: '`write:webhooks`: add, change, rotate the secret of and delete webhook endpoints; redeliver.',
    personalOnly: false,
    userRole: false,
  },
} as const satisfies Record<ApiScope, ApiScopeRule>;

/** Every scope, in the order forms list them. */
export const apiScopes: readonly ApiScope[] = Object.values(ApiScope);

/** The scopes a person with the User role may give their personal token. */
export const userRoleScopes: readonly ApiScope[] = apiScopes.filter((scope) => apiScopeRules[scope].userRole);

/** Why a scope cannot be on a token: it is about one person (service token), or beyond the creator's role. */
export type ScopeRefusal = 'PERSONAL_ONLY' | 'ROLE';

/** Why a token of this kind, created by someone with this role, cannot have the scope; null when it can. */
export function scopeRefusal(scope: ApiScope, kind: ApiTokenKind, role: Role): ScopeRefusal | null {
  const rule = apiScopeRules[scope];
  if (kind === ApiTokenKind.SERVICE && rule.personalOnly) return 'PERSONAL_ONLY';
  if (kind === ApiTokenKind.PERSONAL && role === Role.USER && !rule.userRole) return 'ROLE';
  return null;
}

/** The scopes a token of this kind may have when created by someone with this role, in form order. */
export function scopesFor(kind: ApiTokenKind, role: Role): ApiScope[] {
  return apiScopes.filter((scope) => scopeRefusal(scope, kind, role) === null);
}

/**
 * What a vendor service token (created by an operator in the Vendor console, for a billing system)
 * may do, by its GraphQL name. Each vendor permission names the scope that grants it to a token
 * (`vendorPermissionScopes` in the API's `graphql/vendor-access.ts`); a vendor scope never reaches a
 * customer account's operation, and no customer token can have one.
 */
export const VendorScope = {
  VENDOR_CUSTOMERS_READ: 'VENDOR_CUSTOMERS_READ',
  VENDOR_CUSTOMERS_WRITE: 'VENDOR_CUSTOMERS_WRITE',
  VENDOR_PEOPLE_READ: 'VENDOR_PEOPLE_READ',
  VENDOR_CATALOGUE_READ: 'VENDOR_CATALOGUE_READ',
  VENDOR_CATALOGUE_WRITE: 'VENDOR_CATALOGUE_WRITE',
  VENDOR_SUBSCRIPTIONS_READ: 'VENDOR_SUBSCRIPTIONS_READ',
  VENDOR_SUBSCRIPTIONS_WRITE: 'VENDOR_SUBSCRIPTIONS_WRITE',
  VENDOR_SUPPORT_WRITE: 'VENDOR_SUPPORT_WRITE',
  VENDOR_AUDIT_READ: 'VENDOR_AUDIT_READ',
} as const;
export type VendorScope = (typeof VendorScope)[keyof typeof VendorScope];

export interface VendorScopeRule {
  /** The scope as docs, error messages and stored tokens write it, e.g. `vendor:customers:read`. */
  readonly value: `vendor:${string}:${string}`;
  /** What the scope allows, in words: the GraphQL enum value's description. */
  readonly description: string;
}

/** The rules of every vendor scope, in the order the Vendor console's form lists them. */
export const vendorScopeRules = {
  VENDOR_CUSTOMERS_READ: { value: 'vendor:customers:read', description: '`vendor:customers:read`: read the customers, their counts and statuses.' },
  VENDOR_CUSTOMERS_WRITE: {
    value: 'vendor:customers:write',
    description: '`vendor:customers:write`: create customers, invite their primary admin, suspend, reactivate and close them.',
  },
  VENDOR_PEOPLE_READ: { value: 'vendor:people:read', description: "`vendor:people:read`: read a customer's people (each read is in the vendor audit log)." },
  VENDOR_CATALOGUE_READ: { value: 'vendor:catalogue:read', description: '`vendor:catalogue:read`: read products, versions and files.' },
  VENDOR_CATALOGUE_WRITE: { value: 'vendor:catalogue:write', description: '`vendor:catalogue:write`: change products, versions, files and trial offers.' },
  VENDOR_SUBSCRIPTIONS_READ: { value: 'vendor:subscriptions:read', description: "`vendor:subscriptions:read`: read customers' contracts and subscriptions." },
  VENDOR_SUBSCRIPTIONS_WRITE: {
    value: 'vendor:subscriptions:write',
    description: '`vendor:subscriptions:write`: create contracts and subscriptions, change seats, renew and cancel.',
  },
  VENDOR_SUPPORT_WRITE: { value: 'vendor:support:write', description: "`vendor:support:write`: read and answer customers' support requests." },
  VENDOR_AUDIT_READ: { value: 'vendor:audit:read', description: '`vendor:audit:read`: read the vendor audit log.' },
} as const satisfies Record<VendorScope, VendorScopeRule>;

/** Every vendor scope, in the order forms list them. */
export const vendorScopes: readonly VendorScope[] = Object.values(VendorScope);
