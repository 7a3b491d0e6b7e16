import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  AuthenticatorSetup,
  BeginOperatorSetupInput,
  CompleteOperatorSetupInput,
  CreateCustomerInput,
  CreateStaffSetupLinkInput,
  Customer,
  CustomerConnection,
  CustomerPersonConnection,
  CustomersFilter,
  CustomersOrder,
  Invitation,
  InviteCustomerPrimaryAdminInput,
  IssuedSetupLink,
  OperatorSetupLink,
  OperatorSetupResult,
  PageArgs,
  UUID,
  VendorAuditEntryConnection,
  VendorStaff,
  VendorStaffConnection,
} from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { changeCustomerStatus, createCustomer, inviteCustomerPrimaryAdmin } from './customer-changes.service.js';
import { findCustomer, listCustomerPeople, listCustomers } from './customers.service.js';
import { beginOperatorSetup, completeOperatorSetup, createStaffSetupLink, operatorSetupLink } from './setup-link.service.js';
import { currentStaff, listStaff } from '../identity/staff/staff-session.service.js';
import { listVendorAudit } from './vendor-audit.service.js';

const customerId = () => Arg('id', () => UUID, { description: 'The customer account.' });

/** The Vendor console and its first-run set-up (issue 16). */
@Resolver()
export class VendorResolver {
  @Allow(Permission.SignInFlow)
  @Query(() => VendorStaff, { nullable: true, description: "The signed-in member of the vendor's staff, or null when the request is not theirs." })
  vendorViewer(@Ctx() ctx: RequestContext): Promise<VendorStaff | null> {
    return currentStaff(ctx);
  }

  @Allow(Permission.SignInFlow)
  @Query(() => OperatorSetupLink, { description: 'What a set-up link (/setup/<token>) is for; SETUP_LINK_INVALID once used or expired. Needs no sign-in.' })
  operatorSetupLink(@Arg('token', () => String, { description: 'The token of the link.' }) token: string, @Ctx() ctx: RequestContext): Promise<OperatorSetupLink> {
    return operatorSetupLink(ctx, token);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => AuthenticatorSetup, {
    description: 'First step of a set-up link: name and password; answers the authenticator-app secret. Nothing is created until `completeOperatorSetup`.',
  })
  beginOperatorSetup(@Arg('input', () => BeginOperatorSetupInput, { description: 'Who and the password.' }) input: BeginOperatorSetupInput, @Ctx() ctx: RequestContext): Promise<AuthenticatorSetup> {
    return beginOperatorSetup(ctx, input);
  }

  @Allow(Permission.SignInFlow)
  @Mutation(() => OperatorSetupResult, {
    description: "Second step: the app's first code. Uses the link up, creates the staff member with 2-step verification on and signs them in to the Vendor console.",
  })
  completeOperatorSetup(@Arg('input', () => CompleteOperatorSetupInput, { description: 'The link and the code.' }) input: CompleteOperatorSetupInput, @Ctx() ctx: RequestContext): Promise<OperatorSetupResult> {
    return completeOperatorSetup(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_STAFF)
  @Query(() => VendorStaffConnection, { description: "Everyone on the vendor's staff, by name (operators only)." })
  vendorStaff(
    @Ctx() ctx: StaffContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<VendorStaffConnection> {
    return listStaff(ctx, page);
  }

  @AllowVendor(VendorPermission.MANAGE_STAFF)
  @Mutation(() => IssuedSetupLink, { description: "Issues a set-up link for a new member of the vendor's staff (operators only)." })
  async createStaffSetupLink(@Arg('input', () => CreateStaffSetupLinkInput, { description: 'Who and their role.' }) input: CreateStaffSetupLinkInput, @Ctx() ctx: StaffContext): Promise<IssuedSetupLink> {
    return createStaffSetupLink(ctx.em, ctx.config, input.email, input.role, ctx.staff.userId);
  }

  @AllowVendor(VendorPermission.READ_CUSTOMERS)
  @Query(() => CustomerConnection, { description: "The vendor's customers with their counts of users and seats: search, filter by status, sort, pages." })
  customers(
    @Ctx() ctx: StaffContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CustomersFilter, { nullable: true, description: 'Which customers.' }) filter?: CustomersFilter | null,
    @Arg('orderBy', () => CustomersOrder, { nullable: true, description: 'Sort order; by name when omitted.' }) orderBy?: CustomersOrder | null,
  ): Promise<CustomerConnection> {
    return listCustomers(ctx, { ...page, filter, orderBy });
  }

  @AllowVendor(VendorPermission.READ_CUSTOMERS)
  @Query(() => Customer, { description: 'One customer; NOT_FOUND when there is none with this id.' })
  customer(@Ctx() ctx: StaffContext, @customerId() id: string): Promise<Customer> {
    return findCustomer(ctx, id);
  }

  @AllowVendor(VendorPermission.READ_CUSTOMER_PEOPLE)
  @Query(() => CustomerPersonConnection, { description: "The people of a customer, by name. Every read is written to the vendor audit log." })
  customerPeople(
    @Ctx() ctx: StaffContext,
    @Arg('customerId', () => UUID, { description: 'The customer account.' }) customerId: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<CustomerPersonConnection> {
    return listCustomerPeople(ctx, { customerId, ...page });
  }

  @AllowVendor(VendorPermission.READ_VENDOR_AUDIT)
  @Query(() => VendorAuditEntryConnection, { description: "What the vendor's staff did and read, newest first (operators only)." })
  vendorAuditLog(
    @Ctx() ctx: StaffContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<VendorAuditEntryConnection> {
    return listVendorAudit(ctx, page.first, page.after);
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: 'Creates a customer account. The external id (billing system) is unique: EXTERNAL_ID_TAKEN otherwise.' })
  createCustomer(@Arg('input', () => CreateCustomerInput, { description: 'The new customer.' }) input: CreateCustomerInput, @Ctx() ctx: StaffContext): Promise<Customer> {
    return createCustomer(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Invitation, { description: "Invites a customer's primary admin by the usual invitation mail; refused when it has one (PRIMARY_ADMIN_EXISTS)." })
  inviteCustomerPrimaryAdmin(
    @Arg('input', () => InviteCustomerPrimaryAdminInput, { description: 'The customer and the person.' }) input: InviteCustomerPrimaryAdminInput,
    @Ctx() ctx: StaffContext,
  ): Promise<Invitation> {
    return inviteCustomerPrimaryAdmin(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: "Suspends an active customer: its sign-ins and API tokens are refused, its data kept." })
  suspendCustomer(@customerId() id: string, @Ctx() ctx: StaffContext): Promise<Customer> {
    return changeCustomerStatus(ctx, id, 'suspend');
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: 'Reactivates a suspended customer.' })
  reactivateCustomer(@customerId() id: string, @Ctx() ctx: StaffContext): Promise<Customer> {
    return changeCustomerStatus(ctx, id, 'reactivate');
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: 'Closes a customer for good: sign-ins and tokens refused, data kept for the records.' })
  closeCustomer(@customerId() id: string, @Ctx() ctx: StaffContext): Promise<Customer> {
    return changeCustomerStatus(ctx, id, 'close');
  }
}
