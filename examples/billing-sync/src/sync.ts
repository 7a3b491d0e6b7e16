import type { BillingEvent, BillingEventType } from './events.js';
import {
  CancelSubscription,
  ChangeSeats,
  CloseCustomer,
  CreateContract,
  CreateCustomer,
  CustomerContracts,
  FindCustomer,
  InvitePrimaryAdmin,
  ProductChoices,
  ReactivateCustomer,
  RenewSubscription,
  ServerMutations,
  SuspendCustomer,
} from './operations.js';
import { SeatwiseApiError, type SeatwiseClient } from './seatwise-client.js';
import type { BillingCustomerContractsQuery } from './gql/graphql.js';

/**
 * The mutation each event becomes. `replayEvents` asks the server first and refuses the whole file,
 * before sending anything, when one of its events needs a mutation the server lacks (an older server).
 */
export const mutationOf: Readonly<Record<BillingEventType, string>> = {
  'customer.created': 'createCustomer',
  'customer.primary_admin_invited': 'inviteCustomerPrimaryAdmin',
  'customer.suspended': 'suspendCustomer',
  'customer.reactivated': 'reactivateCustomer',
  'customer.closed': 'closeCustomer',
  'subscription.bought': 'createCustomerContract',
  'subscription.quantity_changed': 'changeSubscriptionSeats',
  'subscription.renewed': 'renewSubscription',
  'subscription.cancelled': 'cancelSubscription',
};

export interface MissingMutation {
  type: BillingEventType;
  mutation: string;
  firstEventId: string;
}

/** A file with events this server cannot take: nothing was sent. */
export class UnsupportedEventsError extends Error {
  constructor(readonly missing: MissingMutation[]) {
    super(
      `Not supported by this server: ${missing.map(({ type, mutation, firstEventId }) => `${type} (first event ${firstEventId}) needs the mutation ${mutation}`).join('; ')}. Nothing was sent.`,
    );
    this.name = 'UnsupportedEventsError';
  }
}

/** The event types of `events` whose mutation is not among the server's `available` ones, each with its first event. */
export function missingMutations(events: readonly BillingEvent[], available: ReadonlySet<string>): MissingMutation[] {
  const missing = new Map<BillingEventType, MissingMutation>();
  for (const event of events) {
    const mutation = mutationOf[event.type];
    if (!available.has(mutation) && !missing.has(event.type)) missing.set(event.type, { type: event.type, mutation, firstEventId: event.id });
  }
  return [...missing.values()];
}

export interface ReplayReport {
  /** Events sent, each with its idempotency key (the event id): a replay sends them again and changes nothing. */
  sent: number;
  /** Events whose change the server already had from before the keys' 24 hours (the customer or contract exists, the status is already so). */
  alreadyThere: number;
}

/** Replays the events in order through the API, each with its id as the idempotency key. */
export async function replayEvents(client: SeatwiseClient, events: readonly (BillingEvent & { line?: number })[]): Promise<ReplayReport> {
  const { __schema } = await client.request(ServerMutations, {});
  const missing = missingMutations(events, new Set(__schema.mutationType?.fields?.map((field) => field.name) ?? []));
  if (missing.length) throw new UnsupportedEventsError(missing);

  const customers = new Map<string, string>();
  const customerId = async (externalId: string): Promise<string> => {
    const known = customers.get(externalId);
    if (known) return known;
    const found = (await client.request(FindCustomer, { externalId })).customers.edges[0]?.node;
    if (found) {
      customers.set(externalId, found.id);
      return found.id;
    }
    throw new SeatwiseApiError(`No customer has the external id ${externalId}: its customer.created event must come first.`, 'NOT_FOUND', 'customer');
  };
  let products: Map<string, string> | undefined;
  const productId = async (code: string): Promise<string> => {
    products ??= new Map((await client.request(ProductChoices, {})).contractProductChoices.map((product) => [product.code, product.id]));
    const id = products.get(code);
    if (!id) throw new SeatwiseApiError(`No product of the catalogue has the code ${code}.`, 'NOT_FOUND', 'product');
    return id;
  };
  /**
   * The subscription a billing id names: the one subscription of the customer's contract numbered so,
   * read afresh for each change (its `version` moves on with every change, the console's too).
   */
  const subscriptionOf = async (customer: string, number: string): Promise<{ customerId: string; subscriptionId: string; expectedVersion: number }> => {
    const id = await customerId(customer);
    let after: string | null = null;
    do {
      const { customerContracts: page }: BillingCustomerContractsQuery = await client.request(CustomerContracts, { customerId: id, after });
      const subscription = page.edges.find((edge) => edge.node.number === number)?.node.subscriptions[0];
      if (subscription) return { customerId: id, subscriptionId: subscription.id, expectedVersion: subscription.version };
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    throw new SeatwiseApiError(`The customer ${customer} has no contract numbered ${number}: its subscription.bought event must come first.`, 'NOT_FOUND', 'subscription');
  };
  /** A change the server already has (made before the keys' 24 hours) counts as done. */
  const already = (error: unknown, codes: string[]) => error instanceof SeatwiseApiError && codes.includes(error.code);

  const report: ReplayReport = { sent: 0, alreadyThere: 0 };
  for (const event of events) {
    const key = event.id;
    try {
      switch (event.type) {
        case 'customer.created': {
          const { createCustomer } = await client.request(CreateCustomer, { input: event.customer, key });
          customers.set(event.customer.externalId, createCustomer.id);
          break;
        }
        case 'customer.primary_admin_invited':
          await client.request(InvitePrimaryAdmin, { input: { customerId: await customerId(event.customer), ...event.admin }, key });
          break;
        case 'customer.suspended':
          await client.request(SuspendCustomer, { id: await customerId(event.customer), key });
          break;
        case 'customer.reactivated':
          await client.request(ReactivateCustomer, { id: await customerId(event.customer), key });
          break;
        case 'customer.closed':
          await client.request(CloseCustomer, { id: await customerId(event.customer), key });
          break;
        case 'subscription.bought': {
          const { externalId, product, quantity, startsOn, endsOn, term, licenceType, renewal } = event.subscription;
          await client.request(CreateContract, {
            input: {
              customerId: await customerId(event.customer),
              number: externalId,
              startsOn,
              endsOn,
              subscriptions: [
                {
                  productIds: [await productId(product)],
                  seats: quantity,
                  startsOn,
                  endsOn,
                  term: term ?? 'ANNUAL',
                  licenceType: licenceType ?? 'SINGLE_USER',
                  renewal: renewal ?? 'MANUAL',
                },
              ],
            },
            key,
          });
          break;
        }
        case 'subscription.quantity_changed':
          await client.request(ChangeSeats, {
            input: { ...(await subscriptionOf(event.customer, event.subscription)), seats: event.quantity, when: event.atRenewal ? 'AT_RENEWAL' : 'NOW' },
            key,
          });
          break;
        case 'subscription.renewed':
          await client.request(RenewSubscription, { input: { ...(await subscriptionOf(event.customer, event.subscription)), endsOn: event.endsOn }, key });
          break;
        case 'subscription.cancelled':
          await client.request(CancelSubscription, {
            input: { ...(await subscriptionOf(event.customer, event.subscription)), when: event.atTermEnd ? 'AT_RENEWAL' : 'NOW' },
            key,
          });
          break;
      }
      report.sent += 1;
    } catch (error) {
      if (event.type === 'customer.created' && already(error, ['EXTERNAL_ID_TAKEN'])) {
        await customerId(event.customer.externalId);
        report.alreadyThere += 1;
      } else if (already(error, ['CUSTOMER_STATUS', 'PRIMARY_ADMIN_EXISTS']) || (event.type === 'subscription.bought' && already(error, ['CONTRACT_NUMBER_TAKEN']))) {
        report.alreadyThere += 1;
      } else {
        if (error instanceof SeatwiseApiError) error.message = `${event.line ? `line ${event.line}, ` : ''}event ${event.id} (${event.type}): ${error.message}`;
        throw error;
      }
    }
  }
  return report;
}
