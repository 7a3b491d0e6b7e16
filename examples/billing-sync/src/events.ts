import type { LicenceType, RenewalMode, SubscriptionTerm } from '@seatwise/schema/client';

/**
 * The billing system's events, one JSON object per line. Every event has the billing system's own
 * `id`, which becomes the idempotency key of the change it makes: replaying a file changes nothing
 * that an earlier run already changed.
 */
export type BillingEvent =
  | {
      id: string;
      type: 'customer.created';
      customer: { externalId: string; name: string; country: string; timeZone: string; language: 'EN' | 'SL' };
    }
  | { id: string; type: 'customer.primary_admin_invited'; customer: string; admin: { email: string; firstName: string; lastName: string } }
  | { id: string; type: 'customer.suspended' | 'customer.reactivated' | 'customer.closed'; customer: string }
  | {
      id: string;
      type: 'subscription.bought';
      customer: string;
      /**
       * Becomes a contract numbered `externalId` (the billing system's subscription id) with one
       * subscription of the product with code `product`; `term` ANNUAL, `licenceType` SINGLE_USER
       * and `renewal` MANUAL when omitted.
       */
      subscription: {
        externalId: string;
        product: string;
        quantity: number;
        startsOn: string;
        endsOn: string;
        term?: SubscriptionTerm;
        licenceType?: LicenceType;
        renewal?: RenewalMode;
      };
    }
  // The subscription is named by its customer's external id and the billing system's subscription id (the contract number).
  | { id: string; type: 'subscription.quantity_changed'; customer: string; subscription: string; quantity: number; atRenewal?: boolean }
  | { id: string; type: 'subscription.renewed'; customer: string; subscription: string; endsOn: string }
  | { id: string; type: 'subscription.cancelled'; customer: string; subscription: string; atTermEnd: boolean };

/** An event with the line of the file it came from, for error messages. */
export type BillingLine = BillingEvent & { line: number };

export type BillingEventType = BillingEvent['type'];

const types: readonly BillingEventType[] = [
  'customer.created',
  'customer.primary_admin_invited',
  'customer.suspended',
  'customer.reactivated',
  'customer.closed',
  'subscription.bought',
  'subscription.quantity_changed',
  'subscription.renewed',
  'subscription.cancelled',
];

/** A line of the file that is not an event, with its line number. */
export class BillingFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'BillingFileError';
  }
}

/** The events of a JSON-lines file, in order, with their line numbers; blank lines are skipped, anything else must be an event. */
export function parseEvents(text: string): BillingLine[] {
  const seen = new Set<string>();
  return text.split('\n').flatMap((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return [];
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new BillingFileError(line, 'not a JSON object');
    }
    const event = value as Partial<BillingEvent> | null;
    if (!event || typeof event !== 'object' || typeof event.id !== 'string' || !event.id.trim()) throw new BillingFileError(line, 'an event needs an "id"');
    if (!types.includes(event.type as BillingEventType)) throw new BillingFileError(line, `unknown event type ${JSON.stringify(event.type)}; known: ${types.join(', ')}`);
    if (seen.has(event.id)) throw new BillingFileError(line, `the id ${event.id} is on an earlier line too`);
    seen.add(event.id);
    return [{ ...(event as BillingEvent), line }];
  });
}
