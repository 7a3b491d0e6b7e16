import { Extensions } from 'type-graphql';
import { VendorRole, VendorScope } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import type { StaffViewer } from '../modules/identity/staff/staff-session.service.js';
import { Allow, assertPermitted, type PermissionDef, type PermissionRule, type TokenRule } from './permissions.js';

/**
 * What the vendor's principals may do: the vendor's part of the one permission catalogue
 * (`permissions.ts`). A permission's entry here names the vendor roles that have it
 * (`vendorPermissionRoles`) and how a vendor service token reaches it (`vendorPermissionTokens`:
 * a vendor scope, or `'session'` for the console only). A new vendor permission is one member of
 * the enum and one line in each table.
 */
export enum VendorPermission {
  READ_CUSTOMERS = 'vendor:read-customers',
  MANAGE_CUSTOMERS = 'vendor:manage-customers',
  READ_CUSTOMER_PEOPLE = 'vendor:read-customer-people',
  READ_VENDOR_AUDIT = 'vendor:read-audit',
  ANSWER_SUPPORT = 'vendor:answer-support',
  MANAGE_STAFF = 'vendor:manage-staff',
  MANAGE_TOKENS = 'vendor:manage-tokens',
  READ_CATALOGUE = 'vendor:read-catalogue',
  MANAGE_CATALOGUE = 'vendor:manage-catalogue',
  MANAGE_BRAND = 'vendor:manage-brand',
  READ_SUBSCRIPTIONS = 'vendor:read-subscriptions',
  MANAGE_SUBSCRIPTIONS = 'vendor:manage-subscriptions',
  MANAGE_JOBS = 'vendor:manage-jobs',
  MANAGE_WEBHOOKS = 'vendor:manage-webhooks',
  MANAGE_OAUTH_CLIENTS = 'vendor:manage-oauth-clients',
}

export const vendorPermissionRoles: Readonly<Record<VendorPermission, readonly VendorRole[]>> = {
  [VendorPermission.READ_CUSTOMERS]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.MANAGE_CUSTOMERS]: [VendorRole.OPERATOR],
  [VendorPermission.READ_CUSTOMER_PEOPLE]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.READ_VENDOR_AUDIT]: [VendorRole.OPERATOR],
  [VendorPermission.ANSWER_SUPPORT]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.MANAGE_STAFF]: [VendorRole.OPERATOR],
  [VendorPermission.MANAGE_TOKENS]: [VendorRole.OPERATOR],
  [VendorPermission.READ_CATALOGUE]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.MANAGE_CATALOGUE]: [VendorRole.OPERATOR],
  [VendorPermission.MANAGE_BRAND]: [VendorRole.OPERATOR],
  [VendorPermission.READ_SUBSCRIPTIONS]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.MANAGE_SUBSCRIPTIONS]: [VendorRole.OPERATOR],
  [VendorPermission.MANAGE_JOBS]: [VendorRole.OPERATOR],
  [VendorPermission.MANAGE_WEBHOOKS]: [VendorRole.OPERATOR],
  [VendorPermission.MANAGE_OAUTH_CLIENTS]: [VendorRole.OPERATOR],
};

/** How a vendor service token reaches each vendor permission; staff and tokens are managed by people only. */
export const vendorPermissionTokens: Readonly<Record<VendorPermission, VendorScope | 'session'>> = {
  [VendorPermission.READ_CUSTOMERS]: VendorScope.VENDOR_CUSTOMERS_READ,
  [VendorPermission.MANAGE_CUSTOMERS]: VendorScope.VENDOR_CUSTOMERS_WRITE,
  [VendorPermission.READ_CUSTOMER_PEOPLE]: VendorScope.VENDOR_PEOPLE_READ,
  [VendorPermission.READ_VENDOR_AUDIT]: VendorScope.VENDOR_AUDIT_READ,
  [VendorPermission.ANSWER_SUPPORT]: VendorScope.VENDOR_SUPPORT_WRITE,
  [VendorPermission.MANAGE_STAFF]: 'session',
  [VendorPermission.MANAGE_TOKENS]: 'session',
  [VendorPermission.READ_CATALOGUE]: VendorScope.VENDOR_CATALOGUE_READ,
  [VendorPermission.MANAGE_CATALOGUE]: VendorScope.VENDOR_CATALOGUE_WRITE,
  [VendorPermission.MANAGE_BRAND]: 'session',
  [VendorPermission.READ_SUBSCRIPTIONS]: VendorScope.VENDOR_SUBSCRIPTIONS_READ,
  [VendorPermission.MANAGE_SUBSCRIPTIONS]: VendorScope.VENDOR_SUBSCRIPTIONS_WRITE,
  [VendorPermission.MANAGE_JOBS]: 'session',
  [VendorPermission.MANAGE_WEBHOOKS]: 'session',
  [VendorPermission.MANAGE_OAUTH_CLIENTS]: 'session',
};

const descriptions: Readonly<Record<VendorPermission, string>> = {
  [VendorPermission.READ_CUSTOMERS]: "The vendor's customers, their counts and statuses.",
  [VendorPermission.MANAGE_CUSTOMERS]: 'Create customers, invite their primary admin, suspend, reactivate and close them.',
  [VendorPermission.READ_CUSTOMER_PEOPLE]: "A customer's people; every read goes to the vendor audit log.",
  [VendorPermission.READ_VENDOR_AUDIT]: 'The vendor audit log.',
  [VendorPermission.ANSWER_SUPPORT]: "Customers' support requests.",
  [VendorPermission.MANAGE_STAFF]: "The vendor's staff and their set-up links: operators in the console only.",
  [VendorPermission.MANAGE_TOKENS]: 'Vendor service tokens: operators in the console only.',
  [VendorPermission.READ_CATALOGUE]: 'Products, versions, files and trial offers.',
  [VendorPermission.MANAGE_CATALOGUE]: 'Change products, versions and trial offers, upload files and publish versions.',
  [VendorPermission.MANAGE_BRAND]: "The vendor's brand on the sign-in page, in the SPA and in mails: operators in the console only.",
  [VendorPermission.READ_SUBSCRIPTIONS]: "Customers' contracts and subscriptions, and the products and teams a new one can name.",
  [VendorPermission.MANAGE_SUBSCRIPTIONS]: 'Create contracts and subscriptions, change seats, renew, cancel, and buy cloud credits.',
  [VendorPermission.MANAGE_JOBS]: 'Background work that failed for good (mail and text messages not sent), and queuing it again: operators in the console only.',
  [VendorPermission.MANAGE_WEBHOOKS]: "The vendor's webhook endpoints (every customer's events), their delivery log and redelivery: operators in the console only.",
  [VendorPermission.MANAGE_OAUTH_CLIENTS]: "The vendor's products registered as OAuth clients of Seatwise's OpenID provider: operators in the console only.",
};

const ruleOf = (permission: VendorPermission): PermissionRule => {
  const token = vendorPermissionTokens[permission];
  const tokenRule: TokenRule = token === 'session' ? 'session' : { scope: token };
  return { description: descriptions[permission], admits: { vendor: vendorPermissionRoles[permission] }, token: tokenRule };
};

/** The vendor's catalogue, each permission named by its enum value (`vendor:read-customers`). */
export const vendorPermissions: Readonly<Record<VendorPermission, PermissionDef>> = Object.fromEntries(
  Object.values(VendorPermission).map((permission) => [permission, { ...ruleOf(permission), name: permission }]),
) as Record<VendorPermission, PermissionDef>;

/**
 * The context of a vendor operation: a staff member in the console, or a vendor service token
 * (`staff.token`; `staff.userId` is then the operator who created it).
 */
export type StaffContext = RequestContext & { staff: StaffViewer };

/** Refuses anyone but a vendor principal whose role has the permission (the same check as `@AllowVendor`). */
export function authoriseStaff(ctx: Pick<RequestContext, 'staff' | 'viewer'>, permission: VendorPermission): asserts ctx is StaffContext {
  assertPermitted(vendorPermissions[permission], ctx);
}

/**
 * `@AllowVendor(VendorPermission.X)` on a vendor operation: `@Allow` with X's entry of the
 * catalogue. Only vendor principals whose role has X reach it; a vendor token needs X's vendor
 * scope; customers and their tokens never do.
 */
export function AllowVendor(permission: VendorPermission): MethodDecorator {
  const allow = Allow(vendorPermissions[permission]);
  const marker = Extensions({ vendorPermission: permission });
  return (target, key, descriptor) => {
    allow(target, key, descriptor);
    marker(target, key, descriptor);
  };
}
