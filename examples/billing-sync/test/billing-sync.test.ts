import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingFileError, parseEvents } from '../src/events.js';
import { createSeatwiseClient } from '../src/seatwise-client.js';
import { replayEvents, UnsupportedEventsError } from '../src/sync.js';
import { type Driver, type RunningServer, signInOperator, startSeatwise } from './seatwise-server.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const events = parseEvents(readFileSync(fixture('billing-events.jsonl'), 'utf8'));

const STATE = `{
  customers(first: 100, filter: { search: "ACME-" }, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    edges { node { id externalId name country timeZone language status userCount primaryAdminEmail } }
  }
  vendorAuditLog(first: 1) { totalCount }
}`;

describe('parsing a billing file', () => {
  it('reads events in order and says which line is wrong', () => {
    expect(events.map((event) => event.id)).toEqual(['evt-0001', 'evt-0002', 'evt-0003', 'evt-0004', 'evt-0005', 'evt-0006', 'evt-0007', 'evt-0008']);
    expect(() => parseEvents('{"id":"a","type":"customer.created"}\n{"id":"b","type":"customer.renamed"}')).toThrow(
      new BillingFileError(2, 'unknown event type "customer.renamed"; known: customer.created, customer.primary_admin_invited, customer.suspended, customer.reactivated, customer.closed, subscription.bought, subscription.quantity_changed, subscription.renewed, subscription.cancelled'),
    );
    expect(() => parseEvents('{"id":"a","type":"customer.closed","customer":"X"}\n{"id":"a","type":"customer.closed","customer":"X"}')).toThrow('line 2: the id a is on an earlier line too');
    expect(() => parseEvents('not json')).toThrow('line 1: not a JSON object');
  });
});

describe.each<Driver>(['sqlite', 'postgresql'])('examples/billing-sync against a real Seatwise server (%s)', (driver) => {
  let server: RunningServer;
  let operator: Awaited<ReturnType<typeof signInOperator>>;
  let token: string;

  beforeAll(async () => {
    server = await startSeatwise(driver);
    operator = await signInOperator(server);
    const created = await operator<{ createVendorApiToken: { secret: string } }>(
      'mutation { createVendorApiToken(input: { name: "Billing system", scopes: [VENDOR_CUSTOMERS_READ, VENDOR_CUSTOMERS_WRITE] }) { secret } }',
    );
    token = created.createVendorApiToken.secret;
  });
  afterAll(() => server?.stop());

  const state = () => operator<{ customers: { totalCount: number; edges: { node: Record<string, unknown> }[] }; vendorAuditLog: { totalCount: number } }>(STATE);

  it('replaying the file twice leaves the same state, and the second run changes nothing', async () => {
    const client = createSeatwiseClient({ url: server.url, token });
    expect(await replayEvents(client, events)).toEqual({ sent: 8, alreadyThere: 0 });
    const first = await state();
    expect(first.customers.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ externalId: 'ACME-2', name: 'Acme Engineering Ltd', status: 'ACTIVE', userCount: 0, primaryAdminEmail: null }),
      expect.objectContaining({ externalId: 'ACME-1', name: 'Acme Gradnje d.o.o.', status: 'ACTIVE', userCount: 1, primaryAdminEmail: 'nina.novak@acme-gradnje.si' }),
      expect.objectContaining({ externalId: 'ACME-3', name: 'Acme Studio', status: 'CLOSED' }),
    ]);

    // Every event again, with the same keys: the same answers, no change, nothing in the vendor audit log.
    expect(await replayEvents(client, events)).toEqual({ sent: 8, alreadyThere: 0 });
    expect(await state()).toEqual(first);

    // And once more as a program, with another token of the vendor: its keys are the vendor's.
    const other = await operator<{ createVendorApiToken: { secret: string } }>(
      'mutation { createVendorApiToken(input: { name: "Billing system (rotated)", scopes: [VENDOR_CUSTOMERS_READ, VENDOR_CUSTOMERS_WRITE] }) { secret } }',
    );
    const { stdout } = await run(process.execPath, [main, fixture('billing-events.jsonl')], {
      env: { ...process.env, SEATWISE_URL: server.url, SEATWISE_TOKEN: other.createVendorApiToken.secret },
    });
    expect(stdout.trim()).toBe('8 events replayed: 8 sent with their ids as idempotency keys, 0 already there.');
    const after = await state();
    expect(after.customers).toEqual(first.customers);
    expect(after.vendorAuditLog.totalCount).toBe(first.vendorAuditLog.totalCount + 1); // the new token's creation only
  });

  it('refuses a file with subscription events this server does not have yet, before sending anything', async () => {
    const before = await state();
    const client = createSeatwiseClient({ url: server.url, token });
    const subscriptionEvents = parseEvents(readFileSync(fixture('subscription-events.jsonl'), 'utf8'));
    const refused = replayEvents(client, subscriptionEvents);
    await expect(refused).rejects.toBeInstanceOf(UnsupportedEventsError);
    await expect(refused).rejects.toThrow(
      'Not yet supported by this server: subscription.bought (first event evt-0102) needs the mutation createSubscription; subscription.quantity_changed (first event evt-0103) needs the mutation changeSubscriptionSeats; subscription.renewed (first event evt-0104) needs the mutation renewSubscription; subscription.cancelled (first event evt-0105) needs the mutation cancelSubscription. Nothing was sent.',
    );
    expect(await state()).toEqual(before);
    const program = await run(process.execPath, [main, fixture('subscription-events.jsonl')], { env: { ...process.env, SEATWISE_URL: server.url, SEATWISE_TOKEN: token } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(program).toMatchObject({ code: 1, stderr: expect.stringContaining('Not yet supported by this server') });
  });

  it('reports what the server refuses: a token without the write scope', async () => {
    const readOnly = await operator<{ createVendorApiToken: { secret: string } }>(
      'mutation { createVendorApiToken(input: { name: "Read only", scopes: [VENDOR_CUSTOMERS_READ] }) { secret } }',
    );
    const refused = replayEvents(createSeatwiseClient({ url: server.url, token: readOnly.createVendorApiToken.secret }), events);
    await expect(refused).rejects.toMatchObject({ code: 'INSUFFICIENT_SCOPE', message: expect.stringContaining('event evt-0001 (customer.created)') });
  });
});
