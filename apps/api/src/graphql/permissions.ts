import { Authorized, Extensions } from 'type-graphql';
import { ApiScope, Role, type VendorRole, type VendorScope } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import { AppError, ForbiddenError, msg, UnauthenticatedError } from '../errors.js';
import type { OperationAccess } from './access.js';

/**
 * The roles of each kind of principal. `account`: a person of a customer account, or that
 * account's API token (`ctx.viewer`); `vendor`: the vendor's staff in the Vendor console, or a
 * vendor service token (`ctx.staff`). The vendor's permissions (`graphql/vendor-access.ts`) are
 * entries of the same shape, put on operations with the same `@Allow` (or its alias `@AllowVendor`).
 */
export interface RolesByPrincipal {
  account: Role;
  vendor: VendorRole;
}

export type PrincipalKind = keyof RolesByPrincipal;

/** Who is acting, as far as permissions care: the kind of principal and its role there. */
export type Principal = { [K in PrincipalKind]: { kind: K; role: RolesByPrincipal[K] } }[PrincipalKind];

/** Which principals a permission admits: per kind, the roles that have it. */
export type Admits = 'anyone' | { readonly [K in PrincipalKind]?: readonly RolesByPrincipal[K][] };

/**
 * How an API token reaches the operation: with a scope (`ApiScope`), never (`'session'`: people
 * only), or whatever its scopes (`'any'`).
 */
export type TokenRule = { scope: ApiScope | VendorScope } | 'session' | 'any';

export interface PermissionRule {
  /** What it allows, in words (for the catalogue's readers and for docs). */
  description: string;
  /** Who may, signed in or not: `'anyone'` needs no sign-in. */
  admits: Admits;
  token: TokenRule;
}

/** A permission of the catalogue: its rule and its name (unique across catalogues). */
export interface PermissionDef extends PermissionRule {
  readonly name: string;
}

/** Names each rule after its key, so `@Allow(Permission.ReadUsers)` reads as what it grants. */
export function definePermissions<K extends string>(rules: Record<K, PermissionRule>): Record<K, PermissionDef> {
  return Object.fromEntries(Object.entries<PermissionRule>(rules).map(([name, rule]) => [name, { ...rule, name }])) as Record<K, PermissionDef>;
}

/** Every role an account member can have: a permission open to any signed-in person of an account. */
const anyMember: Admits = { account: Object.values(Role) };
/** The account's admins, primary and secondary. */
export const ADMIN_ROLES: readonly Role[] = [Role.PRIMARY_ADMIN, Role.SECONDARY_ADMIN];
const admins: Admits = { account: ADMIN_ROLES };
const scope = (value: ApiScope): TokenRule => ({ scope: value });

/** Whether only the vendor's principals have the permission (a vendor operation). */
export const isVendorOnly = (permission: PermissionRule): boolean =>
  permission.admits !== 'anyone' && Boolean(permission.admits.vendor?.length) && !permission.admits.account?.length;

/**
 * Every permission an operation can ask for. A token with the named scope gets past the token
 * check (its owner's role still decides); a `'session'` permission is refused to every token.
 */
export const Permission = definePermissions({
  Public: { description: 'Facts anyone may read, signed in or not, tokens included.', admits: 'anyone', token: 'any' },
  SignInFlow: {
    description: 'Signing in and out, password reset, invitation and email-change links: for a browser, signed in or not; no token.',
    admits: 'anyone',
    token: 'session',
  },
  ReadViewer: { description: 'Who is signed in (null for nobody).', admits: 'anyone', token: scope(ApiScope.READ_PROFILE) },
  ManageOwnSignIn: {
    description: 'The own password, email, 2-step verification, sessions and account deletion: the person in a session only.',
    admits: anyMember,
    token: 'session',
  },
  SwitchAccount: {
    description: 'Move the own session to another account the person belongs to: the person in a session only; a token stays bound to its account.',
    admits: anyMember,
    token: 'session',
  },
  ManageOwnTokens: { description: 'The own API tokens: the person in a session only.', admits: anyMember, token: 'session' },
  ReadOwnProfile: { description: 'The own profile and settings.', admits: anyMember, token: scope(ApiScope.READ_PROFILE) },
  UpdateOwnProfile: { description: 'Change the own profile and settings.', admits: anyMember, token: scope(ApiScope.WRITE_PROFILE) },
  ReadProducts: {
    description: 'Products, downloads, updates, trials, licence requests and install packages one may use (admins: the whole account).',
    admits: anyMember,
    token: scope(ApiScope.READ_PRODUCTS),
  },
  UseProducts: {
    description: 'Download links, trials, home-use licences and install packages for products one holds.',
    admits: anyMember,
    token: scope(ApiScope.WRITE_PRODUCTS),
  },
  RequestNetworkLicence: { description: 'Generate a network licence file for the account.', admits: admins, token: scope(ApiScope.WRITE_PRODUCTS) },
  ReadUsers: { description: "The account's users, teams and invitations.", admits: admins, token: scope(ApiScope.READ_USERS) },
  ManageUsers: {
    description: 'Invite, import, change and remove users; manage teams.',
    admits: admins,
    token: scope(ApiScope.WRITE_USERS),
  },
  TransferPrimaryAdmin: {
    description: 'Hand the primary admin role over: the primary admin in a session only.',
    admits: { account: [Role.PRIMARY_ADMIN] },
    token: 'session',
  },
  ReadSeats: { description: 'Who holds which seat, and what can be assigned.', admits: admins, token: scope(ApiScope.READ_SEATS) },
  AssignSeats: { description: 'Assign and unassign seats.', admits: admins, token: scope(ApiScope.WRITE_SEATS) },
  ReadReclaimPolicies: { description: "The account's reclaim policies, their dry runs and the seats reclaimed per month.", admits: admins, token: scope(ApiScope.READ_SEATS) },
  ManageReclaimPolicies: { description: 'Create, change and switch on or off reclaim policies.', admits: admins, token: scope(ApiScope.WRITE_SEATS) },
  ReadSubscriptions: { description: 'Contracts, subscriptions and the admin home.', admits: admins, token: scope(ApiScope.READ_SUBSCRIPTIONS) },
  OpenSupportRequest: { description: 'Open a support request for the account.', admits: admins, token: scope(ApiScope.WRITE_SUBSCRIPTIONS) },
  ReplyToOwnSupportRequest: {
    description: "Write in the thread of one of the account's support requests: the person who opened it and the account's admins.",
    admits: anyMember,
    token: scope(ApiScope.WRITE_SUBSCRIPTIONS),
  },
  ReadReports: { description: 'Insights, seat usage and cloud-services usage.', admits: admins, token: scope(ApiScope.READ_REPORTS) },
  ReadReportExports: { description: 'Scheduled report exports, their runs and links to their files, and how long runs are kept.', admits: admins, token: scope(ApiScope.READ_REPORTS) },
  ManageReportExports: { description: 'Save, change, run and delete scheduled report exports; set how long runs are kept.', admits: admins, token: 'session' },
  ManageUsageAlerts: { description: "Set the account's cloud-credit alert threshold.", admits: admins, token: scope(ApiScope.WRITE_SUBSCRIPTIONS) },
  ReadAudit: { description: "The account's audit log and its export.", admits: admins, token: scope(ApiScope.READ_AUDIT) },
  ReadWebhooks: { description: "The account's webhook endpoints and their delivery log.", admits: admins, token: scope(ApiScope.READ_WEBHOOKS) },
  ManageWebhooks: {
    description: "Add, change, rotate the secret of and delete the account's webhook endpoints; redeliver.",
    admits: admins,
    token: scope(ApiScope.WRITE_WEBHOOKS),
  },
  ManageDirectory: {
    description: "Connect the account's directory: the SCIM token (made, rotated, revoked) and what it provisioned: the primary admin in a session only.",
    admits: { account: [Role.PRIMARY_ADMIN] },
    token: 'session',
  },
});

/**
 * The principal behind a request: a customer account's person or token (`viewer`), else the
 * vendor's staff member or vendor token (`staff`), else nobody.
 */
export function principalOf(ctx: Pick<RequestContext, 'viewer' | 'staff'>): Principal | null {
  if (ctx.viewer) return { kind: 'account', role: ctx.viewer.role };
  if (ctx.staff) return { kind: 'vendor', role: ctx.staff.role };
  return null;
}

/** Whether the permission admits this principal (anonymous: only `'anyone'` permissions). */
export function admits(permission: PermissionRule, principal: Principal | null): boolean {
  if (permission.admits === 'anyone') return true;
  if (!principal) return false;
  const roles: readonly string[] | undefined = permission.admits[principal.kind];
  return roles?.includes(principal.role) ?? false;
}

/**
 * Throws unless the request's principal has the permission: UNAUTHENTICATED for nobody (and for
 * the vendor's staff on a customer account's operation: they are signed in to no account),
 * VENDOR_STAFF_ONLY for a customer on a vendor operation, FORBIDDEN for a role that lacks it.
 */
export function assertPermitted(permission: PermissionDef, ctx: Pick<RequestContext, 'viewer' | 'staff'>): void {
  const principal = principalOf(ctx);
  if (admits(permission, principal)) return;
  if (!principal) throw new UnauthenticatedError();
  if (principal.kind === 'account' && isVendorOnly(permission)) {
    throw new AppError('VENDOR_STAFF_ONLY', msg('This is an operation of the Vendor console: people and API tokens of customer accounts cannot use it.'));
  }
  if (principal.kind === 'vendor' && permission.admits !== 'anyone' && !permission.admits.vendor?.length) throw new UnauthenticatedError();
  if (principal.kind === 'vendor') {
    throw new AppError('FORBIDDEN', msg('Your vendor role does not allow this: it needs an operator.'), undefined, { permission: permission.name });
  }
  throw new ForbiddenError();
}

/** What the access plugin (`access.ts`) checks an API token against. */
export function tokenAccess(permission: PermissionRule): OperationAccess {
  if (permission.token === 'session') return { session: true };
  if (permission.token === 'any') return { public: true };
  return { scope: permission.token.scope };
}

/**
 * The one authorisation of an operation: `@Allow(Permission.ReadUsers)`. The role check (type-graphql
 * `@Authorized`, run by the `authChecker` in `schema.ts`) and the token check (`accessPlugin`) both
 * follow from the permission.
 */
export function Allow(permission: PermissionDef): MethodDecorator {
  const authorized = Authorized<PermissionDef>([permission]);
  const extensions = Extensions({ permission: permission.name, access: tokenAccess(permission) });
  return (target, key, descriptor) => {
    authorized(target, key, descriptor);
    extensions(target, key, descriptor);
  };
}

/** The permission `@Allow` put on a root field, by its name in the schema's extensions. */
export function permissionNameOf(extensions: unknown): string | undefined {
  return (extensions as { permission?: string } | undefined)?.permission;
}
