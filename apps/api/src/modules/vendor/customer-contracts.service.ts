import type { EntityManager } from '@mikro-orm/knex';
import {
  type CancelSubscriptionInput,
  ChangeTiming,
  type ChangeSeatsInput,
  type CloudCreditPurchase,
  type Contract,
  type ContractConnection,
  type CreateContractInput,
  type Customer,
  type PurchaseCloudCreditsInput,
  type RenewSubscriptionInput,
  Role,
  type Subscription,
} from '@seatwise/schema';
import { inTransaction, isUniqueViolation } from '../../common/transaction.js';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { accountToday } from '../accounts/account-day.js';
import {
  cancelSubscription,
  changeSeats,
  claimSubscription,
  contractNumberTaken,
  MAX_CREDITS,
  planContract,
  recordCreditPurchase,
  renewSubscription,
  requireSeats,
  requireSubscription,
  teamChoices,
  writeContract,
} from '../subscriptions/subscription-changes.service.js';
import type { TermEnd } from '../subscriptions/subscription-expiry.service.js';
import { contractConnection, getContract, getSubscription } from '../subscriptions/subscriptions.service.js';
import { addCreditPurchase } from '../usage/cloud-credits.service.js';
import { addSubscriptionsToRollups } from '../usage/rollups.js';
import { findCustomer } from './customers.service.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

/**
 * The Vendor console's contracts and subscriptions of a customer (issue 16, item 5). The staff
 * member acts in the customer account (as the invitation of its primary admin does): the rules,
 * the customer's audit entry and home event are the subscriptions module's; this adds the
 * vendor's audit entry, the credit ledger and the roll-ups, all in one transaction.
 */
async function asCustomer(ctx: StaffContext, customerId: string): Promise<{ customer: Customer; account: AccountContext }> {
  const customer = await findCustomer(ctx, customerId, 'customerId');
  ctx.em.setFilterParams('tenant', { accountId: customer.id });
  return {
    customer,
    account: {
      ...ctx,
      viewer: { userId: ctx.staff.userId, accountId: customer.id, role: Role.PRIMARY_ADMIN, sessionId: ctx.staff.sessionId, token: null },
    },
  };
}

/** A customer's contracts with their subscriptions, by end date, in pages. */
export async function listCustomerContracts(
  ctx: StaffContext,
  args: { customerId: string; first?: number | null; after?: string | null },
): Promise<ContractConnection> {
  const { account } = await asCustomer(ctx, args.customerId);
  return contractConnection(account, { first: args.first, after: args.after });
}

/** The customer's teams a new contract can belong to. */
export async function listCustomerTeamChoices(ctx: StaffContext, customerId: string): Promise<{ id: string; name: string }[]> {
  const { account } = await asCustomer(ctx, customerId);
  return teamChoices(account);
}

/** A new contract with its subscriptions; the contract number is unique per customer, also under a race. */
export async function createCustomerContract(ctx: StaffContext, input: CreateContractInput): Promise<Contract> {
  const { customer, account } = await asCustomer(ctx, input.customerId);
  const plan = await planContract(account, input);
  const contractId = await inTransaction(account, async (tx) => {
    const { contract, subscriptionIds } = await writeContract(tx, plan);
    await addSubscriptionsToRollups(tx.em, customer.id, subscriptionIds);
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'contract.create',
      customer,
      summary: `Created contract ${plan.number} of ${customer.name} with ${plan.subscriptions.length} subscriptions`,
      details: { contractId: contract.id, number: plan.number, subscriptions: plan.subscriptions.map((line) => ({ name: line.name, seats: line.seats })) },
    });
    await tx.em.flush();
    return contract.id;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw contractNumberTaken(plan.number);
    throw error;
  });
  return getContract(account, contractId);
}

export async function changeCustomerSeats(ctx: StaffContext, input: ChangeSeatsInput): Promise<Subscription> {
  const { customer, account } = await asCustomer(ctx, input.customerId);
  const seats = requireSeats(input.seats);
  await inTransaction(account, async (tx) => {
    const subscription = await claimSubscription(tx, input.subscriptionId, input.expectedVersion);
    const before = subscription.seats;
    await changeSeats(tx, subscription, seats, input.when ?? ChangeTiming.NOW);
    vendorEntry(tx.em, ctx, customer, 'subscription.seats', `Changed ${subscription.name} of ${customer.name} from ${before} to ${seats} seats${subscription.scheduledSeats !== null ? ' at renewal' : ''}`, {
      subscriptionId: subscription.id,
      before,
      seats,
      when: input.when ?? ChangeTiming.NOW,
    });
    await tx.em.flush();
  });
  return getSubscription(account, input.subscriptionId);
}

export async function renewCustomerSubscription(ctx: StaffContext, input: RenewSubscriptionInput): Promise<Subscription> {
  const { customer, account } = await asCustomer(ctx, input.customerId);
  await inTransaction(account, async (tx) => {
    const subscription = await claimSubscription(tx, input.subscriptionId, input.expectedVersion);
    const before = subscription.endsOn;
    const startedBefore = subscription.startsOn;
    await renewSubscription(tx, subscription, input.endsOn);
    vendorEntry(tx.em, ctx, customer, 'subscription.renew', `Renewed ${subscription.name} of ${customer.name} from ${subscription.startsOn} to ${subscription.endsOn}`, {
      subscriptionId: subscription.id,
      before,
      startedBefore,
      startsOn: subscription.startsOn,
      endsOn: subscription.endsOn,
    });
    await tx.em.flush();
  });
  return getSubscription(account, input.subscriptionId);
}

export async function cancelCustomerSubscription(ctx: StaffContext, input: CancelSubscriptionInput): Promise<Subscription> {
  const { customer, account } = await asCustomer(ctx, input.customerId);
  await inTransaction(account, async (tx) => {
    const subscription = await claimSubscription(tx, input.subscriptionId, input.expectedVersion);
    await cancelSubscription(tx, subscription, input.when);
    vendorEntry(
      tx.em,
      ctx,
      customer,
      'subscription.cancel',
      `Cancelled ${subscription.name} of ${customer.name}${input.when === ChangeTiming.AT_RENEWAL ? ` at the end of its term (${subscription.endsOn})` : ''}`,
      { subscriptionId: subscription.id, when: input.when },
    );
    await tx.em.flush();
  });
  return getSubscription(account, input.subscriptionId);
}

export async function purchaseCustomerCredits(ctx: StaffContext, input: PurchaseCloudCreditsInput): Promise<CloudCreditPurchase> {
  const { customer, account } = await asCustomer(ctx, input.customerId);
  if (!Number.isInteger(input.credits) || input.credits < 1 || input.credits > MAX_CREDITS) {
    throw new InvalidInputError('credits', msg('Credits must be a whole number from 1 to {max}.', { max: MAX_CREDITS }));
  }
  const balance = await inTransaction(account, async (tx) => {
    const subscription = await requireSubscription(tx, input.subscriptionId);
    const { today } = await accountToday(tx);
    recordCreditPurchase(tx, subscription, input.credits);
    const after = await addCreditPurchase(tx.em, { accountId: customer.id, subscriptionId: subscription.id, credits: input.credits, at: ctx.config.now(), day: today });
    vendorEntry(tx.em, ctx, customer, 'cloud-credits.purchase', `Added ${input.credits} cloud credits to ${subscription.name} of ${customer.name}`, {
      subscriptionId: subscription.id,
      credits: input.credits,
      balance: after,
    });
    await tx.em.flush();
    return after;
  });
  return { subscription: await getSubscription(account, input.subscriptionId), credits: input.credits, balance };
}

function vendorEntry(em: EntityManager, ctx: StaffContext, customer: Customer, action: string, summary: string, details: Record<string, unknown>) {
  recordVendorAudit(em, { ...staffActor(ctx.staff), action, customer, summary, details });
}

/** The vendor's audit entry of a term that ended by itself (the expiry job), in its transaction. */
export function recordTermEndInVendorAudit(em: EntityManager, end: TermEnd): void {
  recordVendorAudit(em, {
    actorId: null,
    action: end.outcome === 'RENEWED' ? 'subscription.auto-renew' : 'subscription.expire',
    customer: { id: end.accountId, name: end.accountName },
    summary:
      end.outcome === 'RENEWED'
        ? `${end.name} of ${end.accountName} renewed by itself to ${end.renewedTo}`
        : `${end.name} of ${end.accountName} ${end.outcome === 'CANCELLED' ? 'ended as cancelled at term end' : 'expired'} at the end of ${end.endedOn}`,
    details: { subscriptionId: end.subscriptionId, outcome: end.outcome, endedOn: end.endedOn, renewedTo: end.renewedTo },
  });
}
