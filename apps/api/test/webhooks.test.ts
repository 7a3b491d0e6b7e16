import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookEventType } from '@seatwise/schema';
import { inTransaction } from '../src/common/transaction.js';
import { publishWebhookEvent } from '../src/modules/webhooks/webhook-events.js';
import { WEBHOOK_RETRY_DELAYS_MS } from '../src/modules/webhooks/webhook-delivery.js';
import { accountId, addMembers, addSubscription } from './fixtures/accounts.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator } from './vendor-helpers.js';

/** A real receiver: records each request, verifies its signature with `standardwebhooks`, answers what `answer` says. */
interface Receiver {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string; verified: unknown; error: string | null }[];
  answer: () => number;
  secret: string | null;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answer: () => 200, secret: null, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: unknown = null;
      let error: string | null = null;
      try {
        verified = new Webhook(receiver.secret!).verify(body, req.headers as Record<string, string>);
      } catch (failure) {
        error = (failure as Error).message;
      }
      receiver.received.push({ headers: req.headers, body, verified, error });
      const status = receiver.answer();
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : `failing ${'x'.repeat(3000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

const FIELDS = 'id url description allEvents events enabled disabledForFailureAt';
const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { ${FIELDS} } }`;
const ROTATE = `mutation ($id: UUID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }`;
const DELETE = `mutation ($id: UUID!) { deleteWebhookEndpoint(id: $id) { id } }`;
const LIST = `query { webhookEndpoints { ${FIELDS} } }`;
const ONE = `query ($id: UUID!) { webhookEndpoint(id: $id) { ${FIELDS} } }`;
const LOG = `query ($id: UUID!) { webhookAttempts(endpointId: $id, first: 50) { totalCount edges { node { deliveryId messageId eventType attempt statusCode succeeded responseExcerpt durationMs attemptedAt deliveryStatus } } } }`;
const REDELIVER = `mutation ($id: UUID!) { redeliverWebhook(deliveryId: $id) { id } }`;
const ASSIGN = `mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { id } }`;
const VENDOR_CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createVendorWebhookEndpoint(input: $input) { secret endpoint { ${FIELDS} } } }`;
const VENDOR_LIST = `query { vendorWebhookEndpoints { ${FIELDS} } }`;
const VENDOR_LOG = `query ($id: UUID!) { vendorWebhookAttempts(endpointId: $id) { totalCount edges { node { eventType statusCode } } } }`;
const TOKEN = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`;

type Endpoint = { id: string; url: string; enabled: boolean; allEvents: boolean; events: string[]; disabledForFailureAt: string | null };
type Attempt = { deliveryId: string; messageId: string; eventType: string; attempt: number; statusCode: number | null; succeeded: boolean; responseExcerpt: string; deliveryStatus: string };

describe.each(drivers)('webhooks (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let other: TestClient;
  let account: string;
  let receiver: Receiver;
  /** How far the delivery clock has been moved past the wall clock (retries come due without sleeps). */
  let ahead = 0;
  const deliverAfter = async (ms: number) => {
    ahead += ms;
    return app.seatwise.events.drain(new Date(Date.now() + ahead));
  };

  const create = async (client: TestClient, input: Record<string, unknown>) =>
    dataOf(await client.graphql<{ createWebhookEndpoint: { secret: string; endpoint: Endpoint } }>(CREATE, { input })).createWebhookEndpoint;
  const logOf = async (client: TestClient, id: string) =>
    dataOf(await client.graphql<{ webhookAttempts: { totalCount: number; edges: { node: Attempt }[] } }>(LOG, { id })).webhookAttempts;
  const assignNew = async (prefix: string) => {
    const subscriptionId = await addSubscription(app, account, `Hooks ${prefix}`, 5);
    const [person] = await addMembers(app, account, 1, prefix);
    dataOf(await admin.graphql(ASSIGN, { input: { userId: person, subscriptionId } }));
    return { subscriptionId, person: person! };
  };

  beforeAll(async () => {
    app = await startTestApp(driver, { env: { SEATWISE_JOB_WORKER: '0' } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    account = await accountId(app);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });

  it('checks the address and the events, and shows the secret once in the Standard Webhooks form', async () => {
    expect(errorOf(await admin.graphql(CREATE, { input: { url: 'http://example.com/hook' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(errorOf(await admin.graphql(CREATE, { input: { url: 'https://user:pw@example.com/hook' } })).extensions).toMatchObject({ field: 'url' });
    expect(errorOf(await admin.graphql(CREATE, { input: { url: 'https://example.com/hook', allEvents: false, events: ['CUSTOMER_CREATED'] } })).extensions).toMatchObject({ field: 'events' });
    expect(errorOf(await admin.graphql(CREATE, { input: { url: 'https://example.com/hook', allEvents: false, events: [] } })).extensions).toMatchObject({ field: 'events' });
    const { secret, endpoint } = await create(admin, { url: 'https://example.com/hook', description: 'CRM', events: ['SEAT_ASSIGNED'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({ allEvents: false, events: ['SEAT_ASSIGNED'], enabled: true });
    const [stored] = await app.sql<{ secret_sealed: string }>('select secret_sealed from webhook_endpoints where id = ?', [endpoint.id]);
    expect(stored!.secret_sealed).not.toContain(secret.slice(6, 20));
    const rotated = dataOf(await admin.graphql<{ rotateWebhookSecret: { secret: string } }>(ROTATE, { id: endpoint.id })).rotateWebhookSecret.secret;
    expect(rotated).not.toBe(secret);
    const [audit] = await app.sql<{ total: number | string }>("select count(*) as total from audit_entries where target_id = ? and action like 'webhook.%'", [endpoint.id]);
    expect(Number(audit!.total)).toBe(2);
    dataOf(await admin.graphql(DELETE, { id: endpoint.id }));
    expect(dataOf(await admin.graphql<{ webhookEndpoints: Endpoint[] }>(LIST)).webhookEndpoints.map((row) => row.id)).not.toContain(endpoint.id);
  });

  it('delivers an event signed as Standard Webhooks says, verified by the receiver, and logs it', async () => {
    const { secret, endpoint } = await create(admin, { url: receiver.url, allEvents: false, events: ['SEAT_ASSIGNED'] });
    receiver.secret = secret;
    receiver.received.length = 0;
    const { subscriptionId, person } = await assignNew('signed');
    await app.deliverEvents();
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.error).toBeNull();
    expect(request!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(request!.headers['webhook-signature']).toMatch(/^v1,/);
    expect(request!.verified).toMatchObject({ type: 'seat.assigned', data: { accountId: account, subscriptionId, userId: person } });
    // A tampered body fails verification: the signature covers it.
    expect(() => new Webhook(secret).verify(request!.body.replace('seat', 'SEAT'), request!.headers as Record<string, string>)).toThrow();
    const log = await logOf(admin, endpoint.id);
    expect(log.totalCount).toBe(1);
    expect(log.edges[0]!.node).toMatchObject({ eventType: 'SEAT_ASSIGNED', attempt: 1, statusCode: 200, succeeded: true, responseExcerpt: 'ok', deliveryStatus: 'SUCCEEDED' });
    // Redeliver: the same message id again, verified again.
    dataOf(await admin.graphql(REDELIVER, { id: log.edges[0]!.node.deliveryId }));
    await app.deliverEvents();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(request!.headers['webhook-id']);
    expect(receiver.received[1]!.error).toBeNull();
    expect((await logOf(admin, endpoint.id)).totalCount).toBe(2);
    dataOf(await admin.graphql(DELETE, { id: endpoint.id }));
  });

  it('sends nothing for a change that rolled back', async () => {
    const { secret, endpoint } = await create(admin, { url: receiver.url });
    receiver.secret = secret;
    receiver.received.length = 0;
    const em = app.em();
    await expect(
      inTransaction({ em, events: app.seatwise.events }, async (tx) => {
        publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, account, { subscriptionId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await app.deliverEvents();
    expect(receiver.received).toHaveLength(0);
    const [rows] = await app.sql<{ total: number | string }>('select count(*) as total from webhook_deliveries where endpoint_id = ?', [endpoint.id]);
    expect(Number(rows!.total)).toBe(0);
    // A change that commits through the same path is delivered.
    await inTransaction({ em: app.em(), events: app.seatwise.events }, async (tx) => {
      publishWebhookEvent(tx, WebhookEventType.SEAT_ASSIGNED, account, { subscriptionId: 'committed' });
    });
    await app.deliverEvents();
    expect(receiver.received.map((request) => (request.verified as { data: { subscriptionId: string } }).data.subscriptionId)).toEqual(['committed']);
    dataOf(await admin.graphql(DELETE, { id: endpoint.id }));
  });

  it('retries a failing receiver with backoff, then succeeds', async () => {
    const { secret, endpoint } = await create(admin, { url: receiver.url, allEvents: false, events: ['SEAT_ASSIGNED'] });
    receiver.secret = secret;
    receiver.received.length = 0;
    let calls = 0;
    receiver.answer = () => (++calls <= 2 ? 503 : 200);
    await assignNew('retry');
    await app.deliverEvents();
    expect(receiver.received).toHaveLength(1);
    // Not before its minute is up.
    await deliverAfter(30_000);
    expect(receiver.received).toHaveLength(1);
    await deliverAfter(31_000);
    expect(receiver.received).toHaveLength(2);
    await deliverAfter(4 * 60_000);
    expect(receiver.received).toHaveLength(2);
    await deliverAfter(61_000);
    expect(receiver.received).toHaveLength(3);
    const log = await logOf(admin, endpoint.id);
    expect(log.edges.map((edge) => [edge.node.attempt, edge.node.statusCode])).toEqual([[3, 200], [2, 503], [1, 503]]);
    expect(log.edges[1]!.node.responseExcerpt.length).toBeLessThanOrEqual(1024);
    expect(log.edges[1]!.node.responseExcerpt).toMatch(/^failing x+$/);
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
    expect(receiver.received.every((request) => request.error === null)).toBe(true);
    receiver.answer = () => 200;
    dataOf(await admin.graphql(DELETE, { id: endpoint.id }));
  });

  it('turns an endpoint off after every attempt for more than a day failed, and mails its owner', async () => {
    const { secret, endpoint } = await create(admin, { url: receiver.url, allEvents: false, events: ['SEAT_ASSIGNED'] });
    receiver.secret = secret;
    receiver.received.length = 0;
    receiver.answer = () => 500;
    await assignNew('failing');
    await app.deliverEvents();
    for (const delay of WEBHOOK_RETRY_DELAYS_MS) await deliverAfter(delay + 1000);
    expect(receiver.received).toHaveLength(WEBHOOK_RETRY_DELAYS_MS.length + 1);
    expect(WEBHOOK_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(24 * 3600_000);
    const after = dataOf(await admin.graphql<{ webhookEndpoint: Endpoint }>(ONE, { id: endpoint.id })).webhookEndpoint;
    expect(after.enabled).toBe(false);
    expect(after.disabledForFailureAt).not.toBeNull();
    expect((await logOf(admin, endpoint.id)).edges[0]!.node.deliveryStatus).toBe('FAILED');
    await app.deliverEvents();
    const mail = (await app.outbox.list(200)).find((message) => message.to === 'admin@example.com' && message.text.includes(receiver.url));
    expect(mail?.subject).toMatch(/turned off a webhook endpoint/);
    expect(mail?.text).toContain('/developer/webhooks');
    // Off: nothing more is sent; redelivery is refused until it is turned on again.
    await assignNew('while-off');
    await app.deliverEvents();
    expect(receiver.received).toHaveLength(WEBHOOK_RETRY_DELAYS_MS.length + 1);
    const deliveryId = (await logOf(admin, endpoint.id)).edges[0]!.node.deliveryId;
    expect(errorOf(await admin.graphql(REDELIVER, { id: deliveryId })).extensions?.code).toBe('WEBHOOK_ENDPOINT_DISABLED');
    receiver.answer = () => 200;
    const on = dataOf(await admin.graphql<{ updateWebhookEndpoint: Endpoint }>(UPDATE, { input: { id: endpoint.id, enabled: true } })).updateWebhookEndpoint;
    expect(on).toMatchObject({ enabled: true, disabledForFailureAt: null });
    dataOf(await admin.graphql(REDELIVER, { id: deliveryId }));
    await app.deliverEvents();
    expect(receiver.received.at(-1)!.error).toBeNull();
    dataOf(await admin.graphql(DELETE, { id: endpoint.id }));
  });

  it('keeps accounts and the vendor apart, and refuses a token without the scope', async () => {
    const mine = (await create(admin, { url: 'https://example.com/mine' })).endpoint;
    const operator = await signInDemoOperator(app);
    const vendor = dataOf(await operator.graphql<{ createVendorWebhookEndpoint: { secret: string; endpoint: Endpoint } }>(VENDOR_CREATE, { input: { url: receiver.url } }))
      .createVendorWebhookEndpoint;
    // Another account's admin sees neither.
    expect(dataOf(await other.graphql<{ webhookEndpoints: Endpoint[] }>(LIST)).webhookEndpoints.map((row) => row.id)).not.toContain(mine.id);
    expect(errorOf(await other.graphql(ONE, { id: mine.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await other.graphql(UPDATE, { input: { id: mine.id, enabled: false } })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await other.graphql(DELETE, { id: mine.id })).extensions?.code).toBe('NOT_FOUND');
    // The account's own admin does not see the vendor's, nor reach the vendor's operations.
    const listed = dataOf(await admin.graphql<{ webhookEndpoints: Endpoint[] }>(LIST)).webhookEndpoints.map((row) => row.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(vendor.endpoint.id);
    expect(errorOf(await admin.graphql(ONE, { id: vendor.endpoint.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await admin.graphql(VENDOR_LIST)).extensions?.code).toBe('VENDOR_STAFF_ONLY');
    expect(dataOf(await operator.graphql<{ vendorWebhookEndpoints: Endpoint[] }>(VENDOR_LIST)).vendorWebhookEndpoints.map((row) => row.id)).toEqual([vendor.endpoint.id]);
    // The vendor's endpoint gets the account's events; the other account's admin cannot redeliver them.
    receiver.secret = vendor.secret;
    receiver.received.length = 0;
    await assignNew('vendor');
    await app.deliverEvents();
    expect(receiver.received.map((request) => (request.verified as { type: string }).type)).toEqual(['seat.assigned']);
    const vendorLog = dataOf(await operator.graphql<{ vendorWebhookAttempts: { totalCount: number } }>(VENDOR_LOG, { id: vendor.endpoint.id })).vendorWebhookAttempts;
    expect(vendorLog.totalCount).toBe(1);
    const [delivery] = await app.sql<{ id: string }>('select id from webhook_deliveries where endpoint_id = ?', [vendor.endpoint.id]);
    expect(errorOf(await admin.graphql(REDELIVER, { id: delivery!.id })).extensions?.code).toBe('NOT_FOUND');
    expect(errorOf(await admin.graphql(LOG, { id: vendor.endpoint.id })).extensions?.code).toBe('NOT_FOUND');
    // Tokens: without the scope refused; read scope reads but cannot write.
    const without = dataOf(await admin.graphql<{ createApiToken: { secret: string } }>(TOKEN, { input: { kind: 'SERVICE', name: 'No hooks', scopes: ['READ_USERS'], expiresInDays: 30 } })).createApiToken.secret;
    expect(errorOf(await app.client({ token: without }).graphql(LIST)).extensions?.code).toBe('INSUFFICIENT_SCOPE');
    const reader = dataOf(await admin.graphql<{ createApiToken: { secret: string } }>(TOKEN, { input: { kind: 'SERVICE', name: 'Hooks reader', scopes: ['READ_WEBHOOKS'], expiresInDays: 30 } })).createApiToken.secret;
    expect(dataOf(await app.client({ token: reader }).graphql<{ webhookEndpoints: Endpoint[] }>(LIST)).webhookEndpoints.map((row) => row.id)).toContain(mine.id);
    expect(errorOf(await app.client({ token: reader }).graphql(CREATE, { input: { url: 'https://example.com/x' } })).extensions?.code).toBe('INSUFFICIENT_SCOPE');
    // Secrets are not logged: the log and error text never carry them (the sender puts only codes and status in errors).
    const [errors] = await app.sql<{ total: number | string }>("select count(*) as total from event_deliveries where error like '%whsec_%'");
    expect(Number(errors!.total)).toBe(0);
  });
});
