import type { BillingEvent, BillingEventType } from './events.js';
import { CloseCustomer, CreateCustomer, FindCustomers, InvitePrimaryAdmin, ReactivateCustomer, ServerMutations, SuspendCustomer } from './operations.js';
import { SeatwiseApiError, type SeatwiseClient } from './seatwise-client.js';
import type { BillingFindCustomersQuery } from './gql/graphql.js';

/**
 * The mutation each event becomes. The customer events are in the contract today; the subscription
 * events name the mutations of issue 16's contracts and subscriptions, which a server may not have
 * yet: `replayEvents` asks the server first and refuses the whole file, before sending anything,
 * when one of its events needs a mutation the server lacks.
 */
export const mutationOf: Readonly<Record<BillingEventType, string>> = {
  'customer.created': 'createCustomer',
  'customer.primary_admin_invited': 'inviteCustomerPrimaryAdmin',
  'customer.suspended': 'suspendCustomer',
  'customer.reactivated': 'reactivateCustomer',
  'customer.closed': 'closeCustomer',
  'subscription.bought': 'createSubscription',
  'subscription.quantity_changed': 'changeSubscriptionSeats',
  'subscription.renewed': 'renewSubscription',
  'subscription.cancelled': 'cancelSubscription',
};

/** A file with events this server cannot take yet: nothing was sent. */
export class UnsupportedEventsError extends Error {
  constructor(readonly missing: { type: BillingEventType; mutation: string; firstEventId: string }[]) {
    super(
      `Not yet supported by this server: ${missing.map(({ type, mutation, firstEventId }) => `${type} (first event ${firstEventId}) needs the mutation ${mutation}`).join('; ')}. Nothing was sent.`,
    );
    this.name = 'UnsupportedEventsError';
  }
}

export interface ReplayReport {
  /** Events sent, each with its idempotency key (the event id): a replay sends them again and changes nothing. */
  sent: number;
  /** Events whose change the server already had from before the keys' 24 hours (the customer exists, the status is already so). */
  alreadyThere: number;
}

// Documents of the subscription events for servers that have them (untyped: not in this contract yet).
const subscriptionDocuments: Record<Extract<BillingEventType, `subscription.${string}`>, string> = {
  'subscription.bought': 'mutation ($input: CreateSubscriptionInput!, $key: String!) { createSubscription(input: $input, idempotencyKey: $key) { id } }',
  'subscription.quantity_changed':
    'mutation ($input: ChangeSubscriptionSeatsInput!, $key: String!) { changeSubscriptionSeats(input: $input, idempotencyKey: $key) { id } }',
  'subscription.renewed': 'mutation ($input: RenewSubscriptionInput!, $key: String!) { renewSubscription(input: $input, idempotencyKey: $key) { id } }',
  'subscription.cancelled': 'mutation ($input: CancelSubscriptionInput!, $key: String!) { cancelSubscription(input: $input, idempotencyKey: $key) { id } }',
};

/** Replays the events in order through the API, each with its id as the idempotency key. */
export async function replayEvents(client: SeatwiseClient, events: readonly BillingEvent[]): Promise<ReplayReport> {
  const { __schema } = await client.request(ServerMutations, {});
  const available = new Set(__schema.mutationType?.fields?.map((field) => field.name) ?? []);
  const missing = new Map<BillingEventType, { type: BillingEventType; mutation: string; firstEventId: string }>();
  for (const event of events) {
    const mutation = mutationOf[event.type];
    if (!available.has(mutation) && !missing.has(event.type)) missing.set(event.type, { type: event.type, mutation, firstEventId: event.id });
  }
  if (missing.size) throw new UnsupportedEventsError([...missing.values()]);

  const customers = new Map<string, string>();
  const customerId = async (externalId: string): Promise<string> => {
    const known = customers.get(externalId);
    if (known) return known;
    let after: string | null = null;
    do {
      const { customers: page }: BillingFindCustomersQuery = await client.request(FindCustomers, { search: externalId, after });
      const found = page.edges.find((edge) => edge.node.externalId === externalId);
      if (found) {
        customers.set(externalId, found.node.id);
        return found.node.id;
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    throw new SeatwiseApiError(`No customer has the external id ${externalId}: its customer.created event must come first.`, 'NOT_FOUND', 'customer');
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
        case 'subscription.bought':
          await client.send(subscriptionDocuments[event.type], {
            input: { customerId: await customerId(event.customer), ...event.subscription, seats: event.subscription.quantity },
            key,
          });
          break;
        case 'subscription.quantity_changed':
          await client.send(subscriptionDocuments[event.type], { input: { externalId: event.subscription, seats: event.quantity }, key });
          break;
        case 'subscription.renewed':
          await client.send(subscriptionDocuments[event.type], { input: { externalId: event.subscription, endsOn: event.endsOn }, key });
          break;
        case 'subscription.cancelled':
          await client.send(subscriptionDocuments[event.type], { input: { externalId: event.subscription, atTermEnd: event.atTermEnd }, key });
          break;
      }
      report.sent += 1;
    } catch (error) {
      if (event.type === 'customer.created' && already(error, ['EXTERNAL_ID_TAKEN'])) {
        await customerId(event.customer.externalId);
        report.alreadyThere += 1;
      } else if (already(error, ['CUSTOMER_STATUS', 'PRIMARY_ADMIN_EXISTS'])) {
        report.alreadyThere += 1;
      } else {
        if (error instanceof SeatwiseApiError) error.message = `event ${event.id} (${event.type}): ${error.message}`;
        throw error;
      }
    }
  }
  return report;
}
