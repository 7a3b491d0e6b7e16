import { Extensions, type MiddlewareFn, UseMiddleware } from 'type-graphql';
import { VendorRole } from '@seatwise/schema';
import type { RequestContext } from '../context.js';
import { AppError, msg, UnauthenticatedError } from '../errors.js';
import type { StaffViewer } from '../modules/identity/staff/staff-session.service.js';
import type { OperationAccess } from './access.js';

/**
 * What the vendor's staff may do, as a catalogue: each permission and the vendor roles that have
 * it. Shaped like the customers' permission catalogue, so the two can become one.
 */
export enum VendorPermission {
  READ_CUSTOMERS = 'vendor:read-customers',
  MANAGE_CUSTOMERS = 'vendor:manage-customers',
  READ_CUSTOMER_PEOPLE = 'vendor:read-customer-people',
  READ_VENDOR_AUDIT = 'vendor:read-audit',
  ANSWER_SUPPORT = 'vendor:answer-support',
  MANAGE_STAFF = 'vendor:manage-staff',
  MANAGE_BRAND = 'vendor:manage-brand',
}

export const vendorPermissionRoles: Readonly<Record<VendorPermission, readonly VendorRole[]>> = {
  [VendorPermission.READ_CUSTOMERS]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.MANAGE_CUSTOMERS]: [VendorRole.OPERATOR],
  [VendorPermission.READ_CUSTOMER_PEOPLE]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.READ_VENDOR_AUDIT]: [VendorRole.OPERATOR],
  [VendorPermission.ANSWER_SUPPORT]: [VendorRole.OPERATOR, VendorRole.SUPPORT],
  [VendorPermission.MANAGE_STAFF]: [VendorRole.OPERATOR],
  [VendorPermission.MANAGE_BRAND]: [VendorRole.OPERATOR],
};

/** The context of a vendor operation: a staff member is signed in. */
export type StaffContext = RequestContext & { staff: StaffViewer };

/** Refuses anyone but a staff member whose role has the permission, each with its own sentence. */
export function authoriseStaff(ctx: RequestContext, permission: VendorPermission): asserts ctx is StaffContext {
  if (!ctx.staff) {
    if (ctx.viewer) {
      throw new AppError('VENDOR_STAFF_ONLY', msg('This is an operation of the Vendor console: people and API tokens of customer accounts cannot use it.'));
    }
    throw new UnauthenticatedError();
  }
  if (!vendorPermissionRoles[permission].includes(ctx.staff.role)) {
    throw new AppError('FORBIDDEN', msg('Your vendor role does not allow this: it needs an operator.'), undefined, { permission });
  }
}

const checkPermission =
  (permission: VendorPermission): MiddlewareFn<RequestContext> =>
  ({ context }, next) => {
    authoriseStaff(context, permission);
    return next();
  };

/**
 * `@AllowVendor(VendorPermission.X)` on a vendor operation: only staff whose role has X reach it.
 * Until vendor scopes for service tokens exist, every API token is refused before anything runs
 * (a session-only access for the access plugin), customer tokens included.
 */
export function AllowVendor(permission: VendorPermission): MethodDecorator {
  const access: OperationAccess = { session: true };
  return (target, key, descriptor) => {
    Extensions({ vendorPermission: permission, access })(target, key, descriptor);
    UseMiddleware(checkPermission(permission))(target, key, descriptor);
  };
}
