import { publishWebhookEvent } from '../webhooks/webhook-events.js';
import type { CustomerAuditAction } from '@seatwise/schema/client';
import { randomBytes } from 'node:crypto';
import {
  ChangeTiming,
  type CreateContractInput,
  LicenceType as LicenceTypes,
  RenewalMode,
  SubscriptionEventKind,
  SubscriptionTerm as SubscriptionTerms,
  WebhookEventType,
} from '@seatwise/schema';
import { dayOfIso } from '../../common/days.js';
import { execute, run } from '../../common/transaction.js';
import { fragment, inAccount, sql } from '../../common/sql.js';
import type { AccountContext } from '../../context.js';
import { AppError, InvalidInputError, msg, NotFoundError } from '../../errors.js';
import { day } from '../../i18n/formats.js';
import { accountToday } from '../accounts/account-day.js';
import { Account } from '../accounts/account.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Product } from '../catalog/product.entity.js';
import { Team } from '../teams/team.entity.js';
import { Contract } from './contract.entity.js';
import { seatsUsedSql } from './seat-rules.js';
import { SubscriptionEventRow } from './subscription-event.entity.js';
import { SubscriptionProduct } from './subscription-product.entity.js';
import { isRunning, nextTermEnd, nextTermStart } from './subscription-rules.js';
import { type LicenceType, Subscription, SubscriptionState, type SubscriptionTerm } from './subscription.entity.js';
import { type Message } from '../../i18n/messages.js';

/**
 * The changes the vendor makes to a customer's contracts and subscriptions (issue 16, item 5).
 * Checks run before any write; each change is a helper given the caller's transaction (`tx`, the
 * customer's account context), so the caller's own entries (the vendor audit log, the credit
 * ledger, roll-ups) commit with it. Each writes the customer's audit entry and the event its
 * home page shows.
 */

export const MAX_SEATS = 100_000;
export const MAX_CREDITS = 10_000_000;

function requireDay(raw: string, field: string): string {
  const iso = raw.trim();
  if (dayOfIso(iso) === null) throw new InvalidInputError(field, msg('Enter a real date as YYYY-MM-DD.'));
  return iso;
}

function requireRange(startsOn: string, endsOn: string, prefix: string) {
  const start = requireDay(startsOn, `${prefix}startsOn`);
  const end = requireDay(endsOn, `${prefix}endsOn`);
  if (end < start) throw new InvalidInputError(`${prefix}endsOn`, msg('The end date cannot be before the start date.'));
  return { startsOn: start, endsOn: end };
}

export function requireSeats(seats: number, field = 'seats'): number {
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
    throw new InvalidInputError(field, msg('Seats must be a whole number from 1 to {max}.', { max: MAX_SEATS }));
  }
  return seats;
}

export interface PlannedSubscription {
  name: string;
  products: Product[];
  licenceType: LicenceType;
  term: SubscriptionTerm;
  seats: number;
  startsOn: string;
  endsOn: string;
  renewal: RenewalMode;
}

export interface PlannedContract {
  number: string;
  startsOn: string;
  endsOn: string;
  team: Team | null;
  subscriptions: PlannedSubscription[];
}

export const contractNumberTaken = (number: string) =>
  new AppError('CONTRACT_NUMBER_TAKEN', msg('This customer already has a contract numbered {number}.', { number }), 'number', { number });

/** Checks a new contract completely (fields named as in the input) and writes nothing. */
export async function planContract(ctx: AccountContext, input: CreateContractInput): Promise<PlannedContract> {
  const number = input.number.trim();
  if (!number) throw new InvalidInputError('number', msg('Enter the contract number.'));
  if (number.length > 40) throw new InvalidInputError('number', msg('The contract number can be at most 40 characters.'));
  const range = requireRange(input.startsOn, input.endsOn, '');
  let team: Team | null = null;
  if (input.teamId) {
    team = await ctx.em.findOne(Team, { id: input.teamId, account: ctx.viewer.accountId });
    if (!team) throw new NotFoundError('Team', 'teamId');
  }
  if (!input.subscriptions.length) throw new InvalidInputError('subscriptions', msg('Add at least one subscription to the contract.'));
  if (input.subscriptions.length > 50) throw new InvalidInputError('subscriptions', msg('A contract can have at most 50 subscriptions.'));
  const subscriptions: PlannedSubscription[] = [];
  for (const [index, line] of input.subscriptions.entries()) {
    const prefix = `subscriptions.${index}.`;
    const ids = [...new Set(line.productIds)];
    if (!ids.length) throw new InvalidInputError(`${prefix}productIds`, msg('Choose a product or the products of a collection.'));
    const products = await ctx.em.find(Product, { id: { $in: ids } }, { orderBy: { name: 'asc' } });
    if (products.length !== ids.length) throw new InvalidInputError(`${prefix}productIds`, msg('Choose products of the catalogue: one of them is unknown.'));
    const name = line.name?.trim() || (products.length === 1 ? products[0]!.name : '');
    if (!name) throw new InvalidInputError(`${prefix}name`, msg('Name the collection: it has several products.'));
    if (name.length > 200) throw new InvalidInputError(`${prefix}name`, msg('The name can be at most 200 characters.'));
    if (!Object.values(LicenceTypes).includes(line.licenceType)) throw new InvalidInputError(`${prefix}licenceType`, msg('Choose a licence type.'));
    if (!Object.values(SubscriptionTerms).includes(line.term)) throw new InvalidInputError(`${prefix}term`, msg('Choose a term.'));
    const dates = requireRange(line.startsOn, line.endsOn, prefix);
    subscriptions.push({
      name,
      products,
      licenceType: line.licenceType as LicenceType,
      term: line.term as SubscriptionTerm,
      seats: requireSeats(line.seats, `${prefix}seats`),
      ...dates,
      renewal: line.renewal === RenewalMode.AUTO ? RenewalMode.AUTO : RenewalMode.MANUAL,
    });
  }
  if (await ctx.em.count(Contract, { account: ctx.viewer.accountId, number })) throw contractNumberTaken(number);
  return { number, ...range, team, subscriptions };
}

/** Records what the customer's home shows and the customer's audit entry of one change. */
function recordChange(
  tx: AccountContext,
  subscription: Subscription,
  kind: SubscriptionEventKind,
  audit: { action: CustomerAuditAction; summary: Message; before?: Record<string, unknown>; after?: Record<string, unknown> },
  facts: { amount?: number | null; effectiveOn?: string | null } = {},
) {
  tx.em.create(SubscriptionEventRow, {
    account: tx.em.getReference(Account, tx.viewer.accountId),
    subscription,
    kind,
    amount: facts.amount ?? null,
    effectiveOn: facts.effectiveOn ?? null,
  });
  recordAudit(tx, { action: audit.action, targetType: 'subscription', targetId: subscription.id, summary: audit.summary, before: audit.before, after: audit.after });
  publishWebhookEvent(tx, webhookTypeOf[kind], tx.viewer.accountId, { ...subscriptionFacts(subscription), change: kind, ...(facts.effectiveOn ? { effectiveOn: facts.effectiveOn } : {}) });
}

/** The webhook event each recorded change is. */
const webhookTypeOf: Record<SubscriptionEventKind, WebhookEventType> = {
  CREATED: WebhookEventType.SUBSCRIPTION_CREATED,
  SEATS_CHANGED: WebhookEventType.SUBSCRIPTION_CHANGED,
  SEATS_SCHEDULED: WebhookEventType.SUBSCRIPTION_CHANGED,
  CREDITS_PURCHASED: WebhookEventType.SUBSCRIPTION_CHANGED,
  RENEWED: WebhookEventType.SUBSCRIPTION_RENEWED,
  CANCELLED: WebhookEventType.SUBSCRIPTION_CANCELLED,
  CANCEL_SCHEDULED: WebhookEventType.SUBSCRIPTION_CANCELLED,
  EXPIRED: WebhookEventType.SUBSCRIPTION_EXPIRED,
};

/** What a subscription webhook says of the subscription. */
export const subscriptionFacts = (subscription: Subscription) => ({
  subscriptionId: subscription.id,
  name: subscription.name,
  serialNumber: subscription.serialNumber,
  licenceType: subscription.licenceType,
  seats: subscription.seats,
  scheduledSeats: subscription.scheduledSeats,
  startsOn: subscription.startsOn,
  endsOn: subscription.endsOn,
  state: subscription.state,
  cancelAtTermEnd: subscription.cancelAtTermEnd,
});

const serialNumber = () => `SW-${randomBytes(5).toString('hex').toUpperCase()}`;

/** Writes a planned contract with its subscriptions; returns the contract and the new subscriptions' ids. */
export async function writeContract(tx: AccountContext, plan: PlannedContract): Promise<{ contract: Contract; subscriptionIds: string[] }> {
  const account = tx.em.getReference(Account, tx.viewer.accountId);
  const contract = tx.em.create(Contract, { account, number: plan.number, startsOn: plan.startsOn, endsOn: plan.endsOn, team: plan.team });
  const subscriptionIds: string[] = [];
  for (const line of plan.subscriptions) {
    const subscription = tx.em.create(Subscription, {
      account,
      contract,
      name: line.name,
      licenceType: line.licenceType,
      term: line.term,
      seats: line.seats,
      startsOn: line.startsOn,
      endsOn: line.endsOn,
      serialNumber: serialNumber(),
      team: plan.team,
      renewal: line.renewal,
    });
    for (const product of line.products) tx.em.create(SubscriptionProduct, { account, subscription, product });
    subscriptionIds.push(subscription.id);
    recordChange(
      tx,
      subscription,
      SubscriptionEventKind.CREATED,
      {
        action: 'subscription.create',
        summary: msg('The vendor added {subscription} ({seats} seats, {from} to {to}) under contract {contract}', { subscription: line.name, seats: line.seats, from: day(line.startsOn), to: day(line.endsOn), contract: plan.number }),
        after: { name: line.name, seats: line.seats, startsOn: line.startsOn, endsOn: line.endsOn, renewal: line.renewal, products: line.products.map((p) => p.code) },
      },
      { amount: line.seats, effectiveOn: line.startsOn },
    );
  }
  recordAudit(tx, {
    action: 'contract.create',
    targetType: 'contract',
    targetId: contract.id,
    summary: msg('The vendor created contract {contract} ({from} to {to}) with {subscriptions} subscriptions', { contract: plan.number, from: day(plan.startsOn), to: day(plan.endsOn), subscriptions: plan.subscriptions.length }),
    after: { number: plan.number, startsOn: plan.startsOn, endsOn: plan.endsOn, teamId: plan.team?.id ?? null },
  });
  await tx.em.flush();
  return { contract, subscriptionIds };
}

export const staleChange = (name: string) =>
  new AppError('STALE_CHANGE', msg('Someone else changed the subscription {name} since you opened it. Reload it and try again.', { name }), 'expectedVersion', {
    record: 'Subscription',
    name,
  });

/** The subscription of the account, or NOT_FOUND on `subscriptionId`. */
export async function requireSubscription(tx: AccountContext, id: string): Promise<Subscription> {
  const subscription = await tx.em.findOne(Subscription, { id, account: tx.viewer.accountId }, { populate: ['contract'] });
  if (!subscription) throw new NotFoundError('Subscription', 'subscriptionId');
  return subscription;
}

/**
 * The subscription, locked and claimed for this change: its version is raised only if it is still
 * the one the change was made on (one conditional UPDATE, which also holds the row on PostgreSQL
 * until commit, so seat assignments wait for the change), else STALE_CHANGE naming it.
 */
export async function claimSubscription(tx: AccountContext, id: string, expectedVersion: number): Promise<Subscription> {
  const subscription = await requireSubscription(tx, id);
  const claimed = await run(tx, sql`update subscriptions set version = version + 1 where ${inAccount(tx)} and id = ${id} and version = ${expectedVersion}`);
  if (claimed !== 1) throw staleChange(subscription.name);
  await tx.em.refresh(subscription);
  return subscription;
}

async function seatsAssigned(tx: AccountContext, id: string): Promise<number> {
  const [row] = await execute<{ used: number | string }>(tx, sql`select ${fragment(seatsUsedSql('s'))} as used from subscriptions s where ${inAccount(tx, 's')} and s.id = ${id}`);
  return Number(row?.used ?? 0);
}

const subscriptionEnded = (name: string) =>
  new AppError('SUBSCRIPTION_NOT_RUNNING', msg('The subscription {name} has ended or was cancelled: renew it first.', { name }), 'subscriptionId');

/**
 * New seats for a subscription. An increase applies at once; a decrease applies at once only when
 * it leaves room for the seats assigned (else SEATS_ASSIGNED with how many to unassign first), or
 * is scheduled for the renewal date (AT_RENEWAL).
 */
export async function changeSeats(tx: AccountContext, subscription: Subscription, seats: number, when: ChangeTiming): Promise<void> {
  const { todayIso } = await accountToday(tx);
  if (!isRunning(subscription, todayIso)) throw subscriptionEnded(subscription.name);
  const before = subscription.seats;
  if (seats < before && when === ChangeTiming.AT_RENEWAL) {
    subscription.scheduledSeats = seats;
    recordChange(
      tx,
      subscription,
      SubscriptionEventKind.SEATS_SCHEDULED,
      { action: 'subscription.seats.schedule', summary: msg('The vendor scheduled {subscription} to go from {before} to {seats} seats at its renewal on {on}', { subscription: subscription.name, before, seats, on: day(subscription.endsOn) }), before: { seats: before }, after: { scheduledSeats: seats } },
      { amount: seats, effectiveOn: subscription.endsOn },
    );
  } else {
    if (seats < before) {
      const assigned = await seatsAssigned(tx, subscription.id);
      if (seats < assigned) {
        const count = assigned - seats;
        throw new AppError(
          'SEATS_ASSIGNED',
          msg('{count} seats are assigned above the new number: unassign them first, or schedule the decrease for the renewal date.', { count }),
          'seats',
          { assigned, unassignFirst: count },
        );
      }
    }
    subscription.seats = seats;
    subscription.scheduledSeats = null;
    recordChange(
      tx,
      subscription,
      SubscriptionEventKind.SEATS_CHANGED,
      { action: 'subscription.seats.change', summary: msg('The vendor changed {subscription} from {before} to {seats} seats', { subscription: subscription.name, before, seats }), before: { seats: before }, after: { seats } },
      { amount: seats, effectiveOn: todayIso },
    );
  }
  await tx.em.flush();
}

/**
 * A new term: up to `endsOn`, or one term after the current end (from today when it ended long
 * ago). It starts the day after the current end (today when that has passed), so `startsOn` moves
 * there; the term before is kept in the RENEWED event's and the audit entry's `before`. A seat
 * change scheduled for the renewal applies; a cancel at term end is withdrawn.
 */
export async function renewSubscription(tx: AccountContext, subscription: Subscription, endsOn?: string | null): Promise<void> {
  if (subscription.state === SubscriptionState.CANCELLED) throw new AppError('SUBSCRIPTION_CANCELLED', msg('The subscription {name} was cancelled and cannot be renewed: add a new one.', { name: subscription.name }), 'subscriptionId');
  const { todayIso } = await accountToday(tx);
  const base = subscription.endsOn >= todayIso ? subscription.endsOn : todayIso;
  const newEnd = endsOn ? requireDay(endsOn, 'endsOn') : nextTermEnd(base, subscription.term);
  if (newEnd <= subscription.endsOn || newEnd < todayIso) throw new InvalidInputError('endsOn', msg('The new term must end after {endsOn}.', { endsOn: day(subscription.endsOn > todayIso ? subscription.endsOn : todayIso) }));
  const newStart = subscription.endsOn >= todayIso ? nextTermStart(subscription.endsOn) : todayIso;
  const before = { startsOn: subscription.startsOn, endsOn: subscription.endsOn, seats: subscription.seats };
  applyRenewal(subscription, newStart, newEnd);
  if (subscription.contract.endsOn < newEnd) {
    subscription.contract.endsOn = newEnd;
    subscription.contract.version += 1;
  }
  recordChange(
    tx,
    subscription,
    SubscriptionEventKind.RENEWED,
    { action: 'subscription.renew', summary: msg('The vendor renewed {subscription} from {from} to {to}', { subscription: subscription.name, from: day(newStart), to: day(newEnd) }), before, after: { startsOn: newStart, endsOn: newEnd, seats: subscription.seats } },
    { amount: subscription.seats, effectiveOn: newEnd },
  );
  await tx.em.flush();
}

/** The fields a renewal sets, by the vendor or by itself at the end of the term: the new term's days among them. */
export function applyRenewal(subscription: Subscription, startsOn: string, endsOn: string) {
  subscription.startsOn = startsOn;
  subscription.endsOn = endsOn;
  if (subscription.scheduledSeats !== null) subscription.seats = subscription.scheduledSeats;
  subscription.scheduledSeats = null;
  subscription.cancelAtTermEnd = false;
  subscription.expiredAt = null;
}

/** Cancels now (its seats stop being usable at once, assignments kept) or at the end of its term. */
export async function cancelSubscription(tx: AccountContext, subscription: Subscription, when: ChangeTiming): Promise<void> {
  if (subscription.state === SubscriptionState.CANCELLED) throw new AppError('SUBSCRIPTION_CANCELLED', msg('The subscription {name} is already cancelled.', { name: subscription.name }), 'subscriptionId');
  const { todayIso } = await accountToday(tx);
  if (when === ChangeTiming.AT_RENEWAL) {
    if (!isRunning(subscription, todayIso)) throw subscriptionEnded(subscription.name);
    subscription.cancelAtTermEnd = true;
    recordChange(
      tx,
      subscription,
      SubscriptionEventKind.CANCEL_SCHEDULED,
      { action: 'subscription.cancel.schedule', summary: msg('The vendor cancelled {subscription} at the end of its term on {on}', { subscription: subscription.name, on: day(subscription.endsOn) }), after: { cancelAtTermEnd: true } },
      { effectiveOn: subscription.endsOn },
    );
  } else {
    subscription.state = SubscriptionState.CANCELLED;
    subscription.cancelAtTermEnd = false;
    subscription.scheduledSeats = null;
    recordChange(
      tx,
      subscription,
      SubscriptionEventKind.CANCELLED,
      { action: 'subscription.cancel', summary: msg('The vendor cancelled {subscription}', { subscription: subscription.name }), before: { state: SubscriptionState.ACTIVE }, after: { state: SubscriptionState.CANCELLED } },
      { effectiveOn: todayIso },
    );
  }
  await tx.em.flush();
}

/** The event and audit entry of a credit purchase (the ledger row is the usage module's). */
export function recordCreditPurchase(tx: AccountContext, subscription: Subscription, credits: number) {
  recordChange(
    tx,
    subscription,
    SubscriptionEventKind.CREDITS_PURCHASED,
    { action: 'cloud-credits.purchase', summary: msg('The vendor added {credits} cloud credits to {subscription}', { credits, subscription: subscription.name }), after: { credits } },
    { amount: credits },
  );
}

export { recordChange as recordSubscriptionChange };

/** How many catalogue products a contract form offers at most (`contractProductChoices`). */
export const PRODUCT_CHOICES = 500;

/** The catalogue's products a subscription can include, by name. */
export async function productChoices(ctx: { em: AccountContext['em'] }): Promise<{ id: string; code: string; name: string }[]> {
  const products = await ctx.em.find(Product, {}, { orderBy: { name: 'asc', id: 'asc' }, limit: PRODUCT_CHOICES });
  return products.map((product) => ({ id: product.id, code: product.code, name: product.name }));
}

/** How many teams a contract form offers at most (`customerTeamChoices`). */
export const TEAM_CHOICES = 200;

/** The account's teams a contract can belong to, by name. */
export async function teamChoices(ctx: AccountContext): Promise<{ id: string; name: string }[]> {
  const teams = await ctx.em.find(Team, { account: ctx.viewer.accountId }, { orderBy: { name: 'asc', id: 'asc' }, limit: TEAM_CHOICES });
  return teams.map((team) => ({ id: team.id, name: team.name }));
}
