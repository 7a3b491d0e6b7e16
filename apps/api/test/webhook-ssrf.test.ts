import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookEventType } from '@seatwise/schema';
import { inTransaction } from '../src/common/transaction.js';
import { internalRange } from '../src/modules/webhooks/webhook-address.js';
import { publishWebhookEvent } from '../src/modules/webhooks/webhook-events.js';
import { dataOf, drivers, errorOf, startTestApp, type GraphqlResponse, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator } from './vendor-helpers.js';

const CREATE = 'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id url } } }';
const UPDATE = 'mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { id url } }';
const VENDOR_CREATE = 'mutation ($input: CreateWebhookEndpointInput!) { createVendorWebhookEndpoint(input: $input) { endpoint { id } } }';
const LOG = 'query ($id: UUID!) { webhookAttempts(endpointId: $id, first: 10) { edges { node { succeeded statusCode error deliveryStatus } } } }';

/** Addresses no endpoint may have with SEATWISE_WEBHOOKS_ALLOW_PRIVATE off, as URLs a person could type. */
const INTERNAL_URLS = [
  'http://127.0.0.1:9/hooks',
  'https://10.1.2.3/hooks',
  'https://172.16.0.1/hooks',
  'https://192.168.1.20/hooks',
  'https://[::1]/hooks',
  'https://[::ffff:127.0.0.1]/hooks',
  'https://[fd00::1]/hooks',
  'https://169.254.169.254/latest/meta-data',
  'https://0.0.0.0/hooks',
  // A name that resolves to loopback (the machine's own hosts file answers it).
  'http://localhost:9/hooks',
];

describe('internal address ranges (ipaddr.js)', () => {
  it('names the range of internal addresses and passes public ones', () => {
    expect(internalRange('127.0.0.1', false)).toBe('loopback');
    expect(internalRange('10.0.0.1', false)).toBe('private');
    expect(internalRange('169.254.169.254', false)).toBe('linkLocal');
    expect(internalRange('::ffff:10.0.0.1', false)).toBe('private');
    expect(internalRange('fe80::1', false)).toBe('linkLocal');
    expect(internalRange('100.64.0.1', false)).toBe('carrierGradeNat');
    expect(internalRange('93.184.215.14', false)).toBeNull();
    expect(internalRange('2a00:1450:4001:82a::200e', false)).toBeNull();
    // The setting lets loopback and private networks through, never link-local (cloud metadata).
    expect(internalRange('127.0.0.1', true)).toBeNull();
    expect(internalRange('10.0.0.1', true)).toBeNull();
    expect(internalRange('169.254.169.254', true)).toBe('linkLocal');
  });
});

describe.each(drivers)('webhook endpoints reach only public addresses (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let account: string;

  beforeAll(async () => {
    // As in production: loopback and private networks refused.
    app = await startTestApp(driver, { env: { SEATWISE_WEBHOOKS_ALLOW_PRIVATE: '0' } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const [row] = await app.sql<{ id: string }>("select id from accounts where name = 'Kolektor Gradnje d.o.o.'");
    account = row!.id;
    // Events of the seed are fanned out before the endpoints of these tests exist.
    await app.deliverEvents();
  });
  afterAll(() => app?.close());

  /** The mutation in Slovenian: the same cookies, `Accept-Language: sl`. */
  const inSlovenian = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<unknown>;
  };

  it('refuses to save an account endpoint on a loopback, private, link-local or metadata address, or a name resolving to one', async () => {
    for (const url of INTERNAL_URLS) {
      const error = errorOf(await admin.graphql(CREATE, { input: { url, allEvents: true } }));
      expect(error.extensions, url).toMatchObject({ code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', field: 'url' });
      expect(error.message, url).toMatch(/webhooks are sent only to public addresses\.$/);
    }
    expect(errorOf(await admin.graphql(CREATE, { input: { url: 'https://10.1.2.3/hooks', allEvents: true } })).message).toBe(
      '10.1.2.3 is a private or internal address: webhooks are sent only to public addresses.',
    );
    expect(errorOf(await admin.graphql(CREATE, { input: { url: 'http://localhost:9/hooks', allEvents: true } })).message).toMatch(
      /^localhost points to a private or internal address \((127\.0\.0\.1|::1)\): webhooks are sent only to public addresses\.$/,
    );
    expect(errorOf(await inSlovenian(CREATE, { input: { url: 'https://[::1]/hooks', allEvents: true } })).message).toBe(
      '::1 je zasebni ali notranji naslov: spletni kljuki se pošiljajo samo na javne naslove.',
    );
    expect(errorOf(await inSlovenian(CREATE, { input: { url: 'http://localhost:9/hooks', allEvents: true } })).message).toMatch(
      /^localhost kaže na zasebni ali notranji naslov \((127\.0\.0\.1|::1)\): spletni kljuki se pošiljajo samo na javne naslove\.$/,
    );
    // Nothing was written.
    const [rows] = await app.sql<{ total: number | string }>('select count(*) as total from webhook_endpoints');
    expect(Number(rows!.total)).toBe(0);
  });

  it('refuses the same for the vendor and when an endpoint is changed; a public address is saved', async () => {
    const operator = await signInDemoOperator(app);
    for (const url of ['https://169.254.169.254/latest/meta-data', 'http://localhost:9/hooks', 'https://[::1]/hooks']) {
      expect(errorOf(await operator.graphql(VENDOR_CREATE, { input: { url, allEvents: true } })).extensions, url).toMatchObject({ code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', field: 'url' });
    }
    const saved = dataOf(await admin.graphql<{ createWebhookEndpoint: { endpoint: { id: string; url: string } } }>(CREATE, { input: { url: 'https://93.184.215.14/hooks', allEvents: true } }));
    const { id } = saved.createWebhookEndpoint.endpoint;
    expect(errorOf(await admin.graphql(UPDATE, { input: { id, url: 'https://192.168.1.20/hooks' } })).extensions).toMatchObject({ code: 'WEBHOOK_ADDRESS_NOT_ALLOWED', field: 'url' });
    const [row] = await app.sql<{ url: string }>('select url from webhook_endpoints where id = ?', [id]);
    expect(row!.url).toBe('https://93.184.215.14/hooks');
    await app.sql('delete from webhook_endpoints where id = ?', [id]);
  });

  it('refuses at send time a name that resolves to loopback by then, and logs the failed attempt with the reason', async () => {
    let reached = 0;
    const receiver: Server = createServer((_req, res) => {
      reached += 1;
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      // Saved while its name pointed elsewhere; by delivery the name resolves to loopback (DNS
      // rebinding). The hosts file's `localhost` stands for the rebound name: the row is changed
      // under the save check, as the name's DNS answer changes under it.
      const saved = dataOf(
        await admin.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(CREATE, { input: { url: 'https://93.184.215.14/hooks', allEvents: false, events: ['SEAT_ASSIGNED'] } }),
      );
      const { id } = saved.createWebhookEndpoint.endpoint;
      await app.sql('update webhook_endpoints set url = ? where id = ?', [`http://localhost:${(receiver.address() as AddressInfo).port}/hooks`, id]);
      await inTransaction({ em: app.em(), events: app.seatwise.events }, async (tx) => {
        publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, account, { subscriptionId: 'rebound' });
      });
      await app.deliverEvents();
      expect(reached).toBe(0);
      const attempts = dataOf(await admin.graphql<{ webhookAttempts: { edges: { node: { succeeded: boolean; statusCode: number | null; error: string; deliveryStatus: string } }[] } }>(LOG, { id }))
        .webhookAttempts.edges.map((edge) => edge.node);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ succeeded: false, statusCode: null, deliveryStatus: 'PENDING' });
      expect(attempts[0]!.error).toMatch(/^refused: localhost resolves to an internal address \((127\.0\.0\.1|::1), loopback\)$/);
      // An address literal put in the row the same way is refused before any connection.
      await app.sql('update webhook_endpoints set url = ? where id = ?', [`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, id]);
      await app.seatwise.events.drain(new Date(Date.now() + 2 * 60_000));
      expect(reached).toBe(0);
      const again = dataOf(await admin.graphql<{ webhookAttempts: { edges: { node: { error: string } }[] } }>(LOG, { id })).webhookAttempts.edges.map((edge) => edge.node.error);
      expect(again[0]).toBe('refused: 127.0.0.1 is an internal address (loopback)');
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
