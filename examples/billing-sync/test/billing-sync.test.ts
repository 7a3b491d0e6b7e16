import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingFileError, parseEvents } from '../src/events.js';
import { createSeatwiseClient, SeatwiseApiError } from '../src/seatwise-client.js';
import { missingMutations, mutationOf, replayEvents, UnsupportedEventsError } from '../src/sync.js';
import { type Driver, type RunningServer, signInCustomerAdmin, signInOperator, startSeatwise } from './seatwise-server.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const events = parseEvents(readFileSync(fixture('billing-events.jsonl'), 'utf8'));

const STATE = `{
  customers(first: 100, filter: { search: "ACME-" }, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    edges { node { id externalId name country timeZone language status userCount seatCount primaryAdminEmail } }
  }
  vendorAuditLog(first: 1) { totalCount }
}`;
const CONTRACTS = `query ($customerId: UUID!) {
  customerContracts(customerId: $customerId, first: 100) {
    totalCount
    edges { node { id number startsOn endsOn status version subscriptions {
      id name status seatsTotal seatsUsed scheduledSeats startsOn endsOn renewal cancelAtTermEnd term licenceType version products { product { code } }
    } } }
  }
}`;
const TOKEN = 'mutation ($name: String!) { createVendorApiToken(input: { name: $name, scopes: [VENDOR_CUSTOMERS_READ, VENDOR_CUSTOMERS_WRITE, VENDOR_SUBSCRIPTIONS_READ, VENDOR_SUBSCRIPTIONS_WRITE] }) { secret } }';

interface Contracts {
  customerContracts: { totalCount: number; edges: { node: { number: string; subscriptions: { id: string }[] } & Record<string, unknown> }[] };
}

describe('parsing a billing file', () => {
  it('reads events in order with their lines and says which line is wrong', () => {
    expect(events.map((event) => event.id)).toEqual(Array.from({ length: 15 }, (_, index) => `evt-${String(index + 1).padStart(4, '0')}`));
    expect(events.map((event) => event.line).slice(3, 6)).toEqual([4, 6, 7]); // line 5 is blank
    expect(() => parseEvents('{"id":"a","type":"customer.created"}\n{"id":"b","type":"customer.renamed"}')).toThrow(
      new BillingFileError(2, 'unknown event type "customer.renamed"; known: customer.created, customer.primary_admin_invited, customer.suspended, customer.reactivated, customer.closed, subscription.bought, subscription.quantity_changed, subscription.renewed, subscription.cancelled'),
    );
    expect(() => parseEvents('{"id":"a","type":"customer.closed","customer":"X"}\n{"id":"a","type":"customer.closed","customer":"X"}')).toThrow('line 2: the id a is on an earlier line too');
    expect(() => parseEvents('not json')).toThrow('line 1: not a JSON object');
  });

  it('names the events a server without their mutations cannot take, each with its first event', () => {
    const older = new Set(['createCustomer', 'inviteCustomerPrimaryAdmin', 'suspendCustomer', 'reactivateCustomer', 'closeCustomer', 'changeSubscriptionSeats']);
    const missing = missingMutations(events, older);
    expect(missing).toEqual([
      { type: 'subscription.bought', mutation: 'createCustomerContract', firstEventId: 'evt-0009' },
      { type: 'subscription.renewed', mutation: 'renewSubscription', firstEventId: 'evt-0013' },
      { type: 'subscription.cancelled', mutation: 'cancelSubscription', firstEventId: 'evt-0014' },
    ]);
    expect(new UnsupportedEventsError(missing).message).toBe(
      'Not supported by this server: subscription.bought (first event evt-0009) needs the mutation createCustomerContract; subscription.renewed (first event evt-0013) needs the mutation renewSubscription; subscription.cancelled (first event evt-0014) needs the mutation cancelSubscription. Nothing was sent.',
    );
    expect(missingMutations(events, new Set(Object.values(mutationOf)))).toEqual([]);
  });
});

describe.each<Driver>(['sqlite', 'postgresql'])('examples/billing-sync against a real Seatwise server (%s)', (driver) => {
  let server: RunningServer;
  let operator: Awaited<ReturnType<typeof signInOperator>>;
  let token: string;

  beforeAll(async () => {
    server = await startSeatwise(driver);
    operator = await signInOperator(server);
    token = (await operator<{ createVendorApiToken: { secret: string } }>(TOKEN, { name: 'Billing system' })).createVendorApiToken.secret;
  });
  afterAll(() => server?.stop());

  const customerState = () => operator<{ customers: { totalCount: number; edges: { node: Record<string, unknown> & { id: string; externalId: string } }[] }; vendorAuditLog: { totalCount: number } }>(STATE);
  /** The customers, and each one's contracts with their subscriptions, as the vendor's API answers them. */
  const state = async () => {
    const { customers, vendorAuditLog } = await customerState();
    const contracts: Record<string, Contracts['customerContracts']> = {};
    for (const { node } of customers.edges) contracts[node.externalId] = (await operator<Contracts>(CONTRACTS, { customerId: node.id })).customerContracts;
    return { customers, contracts, vendorAuditLog };
  };
  const customerIdOf = async (externalId: string) =>
    (await operator<{ customers: { edges: { node: { id: string } }[] } }>('query ($id: String!) { customers(first: 1, filter: { externalId: $id }) { edges { node { id } } } }', { id: externalId })).customers.edges[0]!.node.id;

  it('replaying the file twice leaves the same state (customers, contracts, seats, renewals, cancellations), and the second run changes nothing', async () => {
    const client = createSeatwiseClient({ url: server.url, token });
    expect(await replayEvents(client, events)).toEqual({ sent: 15, alreadyThere: 0 });
    const first = await state();
    expect(first.customers.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ externalId: 'ACME-2', name: 'Acme Engineering Ltd', status: 'ACTIVE', userCount: 0, seatCount: 0, primaryAdminEmail: null }),
      expect.objectContaining({ externalId: 'ACME-1', name: 'Acme Gradnje d.o.o.', status: 'ACTIVE', userCount: 1, seatCount: 12, primaryAdminEmail: 'nina.novak@acme-gradnje.si' }),
      expect.objectContaining({ externalId: 'ACME-3', name: 'Acme Studio', status: 'CLOSED', seatCount: 0 }),
    ]);
    // ACME-1: 10 seats of Drafter, then 12, renewed to 2028-11-30, then cancelled at term end (it runs until then).
    expect(first.contracts['ACME-1']).toMatchObject({
      totalCount: 1,
      edges: [
        {
          node: {
            number: 'SUB-1001',
            startsOn: '2026-12-01',
            subscriptions: [
              {
                name: 'Drafter',
                products: [{ product: { code: 'DRF' } }],
                seatsTotal: 12,
                seatsUsed: 0,
                scheduledSeats: null,
                // Renewed: its term starts the day after the first one ended; the contract keeps its start.
                startsOn: '2027-12-01',
                endsOn: '2028-11-30',
                term: 'ANNUAL',
                licenceType: 'SINGLE_USER',
                renewal: 'MANUAL',
                cancelAtTermEnd: true,
                status: 'ACTIVE',
              },
            ],
          },
        },
      ],
    });
    // ACME-2: 5 seats of Plant Designer renewing by itself, then 3, then cancelled at once.
    expect(first.contracts['ACME-2']).toMatchObject({
      totalCount: 1,
      edges: [{ node: { number: 'SUB-2001', status: 'CANCELLED', subscriptions: [{ products: [{ product: { code: 'PLT' } }], seatsTotal: 3, endsOn: '2027-11-30', renewal: 'AUTO', status: 'CANCELLED' }] } }],
    });
    expect(first.contracts['ACME-3']).toMatchObject({ totalCount: 0 });

    // Every event again, with the same keys: the same answers, no change (versions too), nothing in the vendor audit log.
    expect(await replayEvents(client, events)).toEqual({ sent: 15, alreadyThere: 0 });
    expect(await state()).toEqual(first);

    // And once more as a program, with another token of the vendor: its keys are the vendor's.
    const other = await operator<{ createVendorApiToken: { secret: string } }>(TOKEN, { name: 'Billing system (rotated)' });
    const { stdout } = await run(process.execPath, [main, fixture('billing-events.jsonl')], {
      env: { ...process.env, SEATWISE_URL: server.url, SEATWISE_TOKEN: other.createVendorApiToken.secret },
    });
    expect(stdout.trim()).toBe('15 events replayed: 15 sent with their ids as idempotency keys, 0 already there.');
    const after = await state();
    expect(after.customers).toEqual(first.customers);
    expect(after.contracts).toEqual(first.contracts);
    expect(after.vendorAuditLog.totalCount).toBe(first.vendorAuditLog.totalCount + 1); // the new token's creation only
  });

  it('a decrease below the seats assigned is refused with the server\'s message, the event id and its line, and changes nothing', async () => {
    const client = createSeatwiseClient({ url: server.url, token });
    const file = parseEvents(readFileSync(fixture('seats-assigned.jsonl'), 'utf8'));
    expect(await replayEvents(client, file.slice(0, 1))).toEqual({ sent: 1, alreadyThere: 0 });

    // The customer's admin gives two of their people a seat of the new subscription.
    const customerId = await customerIdOf('CRM-1001');
    const contracts = (await operator<Contracts>(CONTRACTS, { customerId })).customerContracts;
    const subscriptionId = contracts.edges.find((edge) => edge.node.number === 'SUB-K-1')!.node.subscriptions[0]!.id;
    const admin = await signInCustomerAdmin(server);
    const people = await admin.post<{ users: { edges: { node: { id: string } }[] } }>('{ users(first: 2, filter: { statuses: [ACTIVE] }) { edges { node { id } } } }');
    expect(people.users.edges).toHaveLength(2);
    for (const { node } of people.users.edges) await admin.post('mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { id } }', { input: { userId: node.id, subscriptionId } });
    const before = (await operator<Contracts>(CONTRACTS, { customerId })).customerContracts;

    const refused: unknown = await replayEvents(client, file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SeatwiseApiError);
    expect(refused).toMatchObject({ code: 'SEATS_ASSIGNED', field: 'seats' });
    expect((refused as SeatwiseApiError).message).toMatch(/^line 3, event evt-0202 \(subscription\.quantity_changed\): 1 seat is assigned above the new number: unassign it first, or schedule the decrease for the renewal date\.$/);
    const program = await run(process.execPath, [main, fixture('seats-assigned.jsonl')], { env: { ...process.env, SEATWISE_URL: server.url, SEATWISE_TOKEN: token } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(program).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Seatwise refused: line 3, event evt-0202 \(subscription\.quantity_changed\): 1 seat is assigned above the new number: .* \(SEATS_ASSIGNED\)$/m) });
    const after = (await operator<Contracts>(CONTRACTS, { customerId })).customerContracts;
    expect(after).toEqual(before);
    expect(after.edges.find((edge) => edge.node.number === 'SUB-K-1')!.node.subscriptions[0]).toMatchObject({ seatsTotal: 3, seatsUsed: 2 });
  });

  it('counts a customer or contract already there (its key expired, or another id for it) as done, and changes nothing', async () => {
    const before = await state();
    const again = parseEvents(
      [
        '{"id":"evt-0901","type":"customer.created","customer":{"externalId":"ACME-1","name":"Acme Gradnje d.o.o.","country":"SI","timeZone":"Europe/Ljubljana","language":"SL"}}',
        '{"id":"evt-0902","type":"subscription.bought","customer":"ACME-1","subscription":{"externalId":"SUB-1001","product":"DRF","quantity":10,"startsOn":"2026-12-01","endsOn":"2027-11-30"}}',
      ].join('\n'),
    );
    expect(await replayEvents(createSeatwiseClient({ url: server.url, token }), again)).toEqual({ sent: 0, alreadyThere: 2 });
    expect(await state()).toEqual(before);
  });

  it('reports what the server refuses: a token without the write scopes', async () => {
    const readOnly = await operator<{ createVendorApiToken: { secret: string } }>(
      'mutation { createVendorApiToken(input: { name: "Read only", scopes: [VENDOR_CUSTOMERS_READ, VENDOR_SUBSCRIPTIONS_READ] }) { secret } }',
    );
    const refused = replayEvents(createSeatwiseClient({ url: server.url, token: readOnly.createVendorApiToken.secret }), events);
    await expect(refused).rejects.toMatchObject({ code: 'INSUFFICIENT_SCOPE', message: expect.stringContaining('line 1, event evt-0001 (customer.created)') });
  });
});
