import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  AuthenticatorSetup,
  CancelSubscriptionInput,
  ChangeSeatsInput,
  CloudCreditPurchase,
  Contract,
  ContractConnection,
  CreateContractInput,
  ProductRef,
  PurchaseCloudCreditsInput,
  RenewSubscriptionInput,
  Subscription,
  TeamRef,
  BeginOperatorSetupInput,
  CompleteOperatorSetupInput,
  CreateCustomerInput,
  CreateStaffSetupLinkInput,
  Customer,
  CustomerConnection,
  CustomerPersonConnection,
  CustomersFilter,
  CustomersOrder,
  InboxSupportRequestConnection,
  InboxSupportThread,
  Invitation,
  InviteCustomerPrimaryAdminInput,
  IssuedSetupLink,
  OperatorSetupLink,
  OperatorSetupResult,
  PageArgs,
  ReplyToSupportRequestInput,
  SupportInboxFilter,
  SupportInboxOrder,
  SupportRequestStatus,
  UUID,
  VendorAuditEntryConnection,
  VendorStaff,
  VendorStaffConnection,
} from '@seatwise/schema';
import type { RequestContext } from '../../context.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { Idempotent } from '../../graphql/idempotency.js';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
import { Bounded } from '../../graphql/limits.js';
import { PRODUCT_CHOICES, productChoices, TEAM_CHOICES } from '../subscriptions/subscription-changes.service.js';
import { changeCustomerStatus, createCustomer, inviteCustomerPrimaryAdmin } from './customer-changes.service.js';
import { findCustomer, listCustomerPeople, listCustomers } from './customers.service.js';
import { beginOperatorSetup, completeOperatorSetup, createStaffSetupLink, operatorSetupLink } from './setup-link.service.js';
import { currentStaff, listStaff } from '../identity/staff/staff-session.service.js';
import { listVendorAudit } from './vendor-audit.service.js';
import { inboxThread, listSupportInbox, replyToSupportRequest, setSupportRequestStatus } from './support-inbox.service.js';
import {
  cancelCustomerSubscription,
  changeCustomerSeats,
  createCustomerContract,
  listCustomerContracts,
  listCustomerTeamChoices,
  purchaseCustomerCredits,
  renewCustomerSubscription,
} from './customer-contracts.service.js';

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
  @Idempotent()
  createCustomer(@Arg('input', () => CreateCustomerInput, { description: 'The new customer.' }) input: CreateCustomerInput, @Ctx() ctx: StaffContext): Promise<Customer> {
    return createCustomer(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Invitation, { description: "Invites a customer's primary admin by the usual invitation mail; refused when it has one (PRIMARY_ADMIN_EXISTS)." })
  @Idempotent()
  inviteCustomerPrimaryAdmin(
    @Arg('input', () => InviteCustomerPrimaryAdminInput, { description: 'The customer and the person.' }) input: InviteCustomerPrimaryAdminInput,
    @Ctx() ctx: StaffContext,
  ): Promise<Invitation> {
    return inviteCustomerPrimaryAdmin(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: "Suspends an active customer: its sign-ins and API tokens are refused, its data kept." })
  @Idempotent()
  suspendCustomer(@customerId() id: string, @Ctx() ctx: StaffContext): Promise<Customer> {
    return changeCustomerStatus(ctx, id, 'suspend');
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: 'Reactivates a suspended customer.' })
  @Idempotent()
  reactivateCustomer(@customerId() id: string, @Ctx() ctx: StaffContext): Promise<Customer> {
    return changeCustomerStatus(ctx, id, 'reactivate');
  }

  @AllowVendor(VendorPermission.MANAGE_CUSTOMERS)
  @Mutation(() => Customer, { description: 'Closes a customer for good: sign-ins and tokens refused, data kept for the records.' })
  @Idempotent()
  closeCustomer(@customerId() id: string, @Ctx() ctx: StaffContext): Promise<Customer> {
    return changeCustomerStatus(ctx, id, 'close');
  }

  @AllowVendor(VendorPermission.ANSWER_SUPPORT)
  @Query(() => InboxSupportRequestConnection, { description: "The support requests of every customer (V-06): filter by status or customer, search, newest or oldest activity first." })
  supportInbox(
    @Ctx() ctx: StaffContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SupportInboxFilter, { nullable: true, description: 'Which requests.' }) filter?: SupportInboxFilter | null,
    @Arg('orderBy', () => SupportInboxOrder, { nullable: true, description: 'Latest activity first when omitted.' }) orderBy?: SupportInboxOrder | null,
  ): Promise<InboxSupportRequestConnection> {
    return listSupportInbox(ctx, { first: page.first, after: page.after, filter, orderBy });
  }

  @AllowVendor(VendorPermission.ANSWER_SUPPORT)
  @Query(() => InboxSupportThread, { description: 'One support request of any customer with its thread; NOT_FOUND when there is none with this id.' })
  inboxSupportRequest(@Ctx() ctx: StaffContext, @Arg('id', () => UUID, { description: 'The request.' }) id: string): Promise<InboxSupportThread> {
    return inboxThread(ctx, id);
  }

  @AllowVendor(VendorPermission.ANSWER_SUPPORT)
  @Mutation(() => InboxSupportThread, { description: 'Replies to a support request (and closes it when asked); its opener gets the reply by mail.' })
  @Idempotent()
  replyToSupportRequest(@Arg('input', () => ReplyToSupportRequestInput, { description: 'The request and the reply.' }) input: ReplyToSupportRequestInput, @Ctx() ctx: StaffContext): Promise<InboxSupportThread> {
    return replyToSupportRequest(ctx, input);
  }

  @AllowVendor(VendorPermission.ANSWER_SUPPORT)
  @Mutation(() => InboxSupportThread, { description: 'Closes a support request.' })
  @Idempotent()
  closeSupportRequest(@Arg('id', () => UUID, { description: 'The request.' }) id: string, @Ctx() ctx: StaffContext): Promise<InboxSupportThread> {
    return setSupportRequestStatus(ctx, id, SupportRequestStatus.CLOSED);
  }

  @AllowVendor(VendorPermission.ANSWER_SUPPORT)
  @Mutation(() => InboxSupportThread, { description: 'Reopens a closed support request.' })
  @Idempotent()
  reopenSupportRequest(@Arg('id', () => UUID, { description: 'The request.' }) id: string, @Ctx() ctx: StaffContext): Promise<InboxSupportThread> {
    return setSupportRequestStatus(ctx, id, SupportRequestStatus.OPEN);
  }

  @AllowVendor(VendorPermission.READ_SUBSCRIPTIONS)
  @Query(() => ContractConnection, { description: "A customer's contracts with their subscriptions, by end date." })
  customerContracts(
    @Ctx() ctx: StaffContext,
    @Arg('customerId', () => UUID, { description: 'The customer account.' }) customerId: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ContractConnection> {
    return listCustomerContracts(ctx, { customerId, first: page.first, after: page.after });
  }

  @AllowVendor(VendorPermission.READ_SUBSCRIPTIONS)
  @Bounded(PRODUCT_CHOICES)
  @Query(() => [ProductRef], { description: `The catalogue's products a new subscription can include, by name (at most ${PRODUCT_CHOICES}).` })
  contractProductChoices(@Ctx() ctx: StaffContext): Promise<ProductRef[]> {
    return productChoices(ctx);
  }

  @AllowVendor(VendorPermission.READ_SUBSCRIPTIONS)
  @Bounded(TEAM_CHOICES)
  @Query(() => [TeamRef], { description: `The customer's teams a new contract can belong to, by name (at most ${TEAM_CHOICES}).` })
  customerTeamChoices(@Ctx() ctx: StaffContext, @Arg('customerId', () => UUID, { description: 'The customer account.' }) customerId: string): Promise<TeamRef[]> {
    return listCustomerTeamChoices(ctx, customerId);
  }

  @AllowVendor(VendorPermission.MANAGE_SUBSCRIPTIONS)
  @Mutation(() => Contract, {
    description: 'Creates a contract of a customer with its subscriptions (operators only). CONTRACT_NUMBER_TAKEN when the number is in use; nothing is written on any error.',
  })
  @Idempotent()
  createCustomerContract(@Arg('input', () => CreateContractInput, { description: 'The contract and its subscriptions.' }) input: CreateContractInput, @Ctx() ctx: StaffContext): Promise<Contract> {
    return createCustomerContract(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_SUBSCRIPTIONS)
  @Mutation(() => Subscription, {
    description: 'Changes the seats of a subscription: an increase at once; a decrease below the seats assigned is refused (SEATS_ASSIGNED, with the count) unless scheduled for the renewal date.',
  })
  @Idempotent({ preconditions: ['expectedVersion'] })
  changeSubscriptionSeats(@Arg('input', () => ChangeSeatsInput, { description: 'The subscription and its seats.' }) input: ChangeSeatsInput, @Ctx() ctx: StaffContext): Promise<Subscription> {
    return changeCustomerSeats(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_SUBSCRIPTIONS)
  @Mutation(() => Subscription, {
    description: 'Renews a subscription for a new term (operators only): it starts the day after the current end (today when that has passed), so startsOn moves there, and ends on endsOn or one term later.',
  })
  @Idempotent({ preconditions: ['expectedVersion'] })
  renewSubscription(@Arg('input', () => RenewSubscriptionInput, { description: 'The subscription and its new end.' }) input: RenewSubscriptionInput, @Ctx() ctx: StaffContext): Promise<Subscription> {
    return renewCustomerSubscription(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_SUBSCRIPTIONS)
  @Mutation(() => Subscription, { description: 'Cancels a subscription now or at the end of its term (operators only); assignments are kept.' })
  @Idempotent({ preconditions: ['expectedVersion'] })
  cancelSubscription(@Arg('input', () => CancelSubscriptionInput, { description: 'The subscription and when.' }) input: CancelSubscriptionInput, @Ctx() ctx: StaffContext): Promise<Subscription> {
    return cancelCustomerSubscription(ctx, input);
  }

  @AllowVendor(VendorPermission.MANAGE_SUBSCRIPTIONS)
  @Mutation(() => CloudCreditPurchase, { description: "Adds purchased cloud credits to a subscription's ledger (operators only)." })
  @Idempotent()
  purchaseCloudCredits(@Arg('input', () => PurchaseCloudCreditsInput, { description: 'The subscription and the credits.' }) input: PurchaseCloudCreditsInput, @Ctx() ctx: StaffContext): Promise<CloudCreditPurchase> {
    return purchaseCustomerCredits(ctx, input);
  }
}
