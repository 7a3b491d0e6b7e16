import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredKeys } from '../src/modules/idempotency/idempotency.service.js';
import { dataOf, drivers, errorOf, type GraphqlResponse, startTestApp, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator } from './vendor-helpers.js';
import { CREATE_VENDOR_TOKEN, createVendorToken } from './vendor-token-helpers.js';

const CREATE = `mutation ($input: CreateCustomerInput!, $key: String) {
  createCustomer(input: $input, idempotencyKey: $key) { id name externalId status createdAt }
}`;
const SUSPEND = 'mutation ($id: UUID!, $key: String) { suspendCustomer(id: $id, idempotencyKey: $key) { id status } }';
const TOKENS = '{ vendorApiTokens(first: 10) { totalCount edges { node { id name prefix scopes status createdBy { email } lastUsedAt } } } }';
const input = (externalId: string, name = `Customer ${externalId}`) => ({ name, country: 'SI', timeZone: 'Europe/Ljubljana', language: 'SL', externalId });

type Created = { createCustomer: { id: string; name: string; externalId: string; status: string; createdAt: string } };

/** A POST with extra headers (Idempotency-Key), as a billing system sends it. */
async function postWith(app: TestApp, token: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<GraphqlResponse<unknown>> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse<unknown>;
}

describe.each(drivers)('the provisioning API: vendor tokens and idempotency keys (%s)', (driver) => {
  let app: TestApp;
  let operator: TestClient;
  let secret: string;
  let billing: TestClient;

  const count = async (externalId: string) =>
    Number((await app.sql<{ n: number | string }>('select count(*) as n from accounts where external_id = ?', [externalId]))[0]!.n);

  beforeAll(async () => {
    app = await startTestApp(driver);
    operator = await signInDemoOperator(app);
    secret = await createVendorToken(operator, 'Billing system', ['VENDOR_CUSTOMERS_READ', 'VENDOR_CUSTOMERS_WRITE']);
    billing = app.client({ token: secret });
  });
  afterAll(() => app?.close());

  it('an operator creates a vendor token, sees it listed without its secret, and the token acts as the vendor', async () => {
    expect(secret).toMatch(/^sw_vnd_[\w-]{43}$/);
    const listed = dataOf(await operator.graphql<{ vendorApiTokens: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(TOKENS));
    expect(listed.vendorApiTokens.edges[0]!.node).toMatchObject({
      name: 'Billing system',
      prefix: secret.slice(0, 11),
      scopes: ['VENDOR_CUSTOMERS_READ', 'VENDOR_CUSTOMERS_WRITE'],
      status: 'ACTIVE',
      createdBy: { email: 'vendor@example.com' },
    });
    expect(JSON.stringify(listed)).not.toContain(secret);
    const stored = await app.sql<{ token_hash: string }>('select token_hash from vendor_api_tokens');
    expect(stored.map((row) => row.token_hash)).not.toContain(secret);

    const created = dataOf(await billing.graphql<Created>(CREATE, { input: input('BILL-1') })).createCustomer;
    expect(created).toMatchObject({ name: 'Customer BILL-1', status: 'ACTIVE' });
    const log = dataOf(
      await operator.graphql<{ vendorAuditLog: { edges: { node: { action: string; actorEmail: string; tokenName: string | null } }[] } }>(
        '{ vendorAuditLog(first: 5) { edges { node { action actorEmail tokenName customerName } } } }',
      ),
    );
    expect(log.vendorAuditLog.edges[0]!.node).toMatchObject({ action: 'customer.create', actorEmail: 'vendor@example.com', tokenName: 'Billing system' });
    expect(log.vendorAuditLog.edges.find((edge) => edge.node.action === 'vendor_token.create')!.node.tokenName).toBeNull();
  });

  it('a vendor token never reaches a customer account, nor manages tokens, nor goes past its scopes', async () => {
    const refused = await billing.post('{ users { totalCount } }');
    expect(refused.response.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CUSTOMER_ACCOUNT_ONLY');
    expect(refused.body.errors?.[0]?.message).toBe('users is an operation of a customer account; vendor API tokens cannot call it.');
    expect(errorOf(await billing.graphql(TOKENS)).extensions?.code).toBe('SESSION_REQUIRED');
    const people = errorOf(await billing.graphql('query ($id: UUID!) { customerPeople(customerId: $id) { totalCount } }', { id: '00000000-0000-4000-8000-000000000000' }));
    expect(people.extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', requiredScope: 'vendor:people:read' });
    // The REST routes of customer accounts refuse it too.
    const usage = await fetch(`${app.url}/api/usage-events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: '{"events":[]}' });
    expect(usage.status).toBe(401);
    expect(JSON.stringify(await usage.json())).toContain('vendor API token');
  });

  it('a customer token never reaches a vendor operation', async () => {
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const { createApiToken } = dataOf(
      await admin.graphql<{ createApiToken: { secret: string } }>('mutation { createApiToken(input: { kind: SERVICE, name: "all", scopes: [READ_USERS, WRITE_USERS, READ_SUBSCRIPTIONS, WRITE_SUBSCRIPTIONS] }) { secret } }'),
    );
    const customerToken = app.client({ token: createApiToken.secret });
    const refused = await customerToken.post(CREATE, { input: input('BILL-X') });
    expect(refused.response.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('VENDOR_STAFF_ONLY');
    expect(await count('BILL-X')).toBe(0);
  });

  it('replaying a create with the same key returns the same result and changes nothing', async () => {
    const first = dataOf(await billing.graphql<Created>(CREATE, { input: input('BILL-2'), key: 'evt-2' })).createCustomer;
    const again = dataOf(await billing.graphql<Created>(CREATE, { input: input('BILL-2'), key: 'evt-2' })).createCustomer;
    expect(again).toEqual(first);
    expect(await count('BILL-2')).toBe(1);
    // The header does the same, and the key is the vendor's: another vendor token replays it too.
    const other = await createVendorToken(operator, 'Billing system, rotated', ['VENDOR_CUSTOMERS_WRITE']);
    const viaHeader = (await postWith(app, other, { 'idempotency-key': 'evt-2' }, CREATE, { input: input('BILL-2') })) as GraphqlResponse<Created>;
    expect(dataOf(viaHeader).createCustomer).toEqual(first);
    const audits = await app.sql<{ n: number | string }>("select count(*) as n from vendor_audit_entries where action = 'customer.create' and summary like ?", ['%BILL-2%']);
    expect(Number(audits[0]!.n)).toBe(1);
  });

  it('the same key with another request is IDEMPOTENCY_CONFLICT naming the key, and writes nothing', async () => {
    dataOf(await billing.graphql<Created>(CREATE, { input: input('BILL-3'), key: 'evt-3' }));
    const conflict = errorOf(await billing.graphql(CREATE, { input: input('BILL-4'), key: 'evt-3' }));
    expect(conflict.extensions).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey', idempotencyKey: 'evt-3', operation: 'createCustomer' });
    expect(conflict.message).toContain('evt-3');
    expect(await count('BILL-4')).toBe(0);
    const customer = (await app.sql<{ id: string }>("select id from accounts where external_id = 'BILL-3'"))[0]!;
    expect(errorOf(await billing.graphql(SUSPEND, { id: customer.id, key: 'evt-3' })).extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(errorOf(await billing.graphql(CREATE, { input: input('BILL-5'), key: '' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it('a change replayed answers as the first time, though the status has moved on', async () => {
    const { id } = dataOf(await billing.graphql<Created>(CREATE, { input: input('BILL-6') })).createCustomer;
    const first = dataOf(await billing.graphql<{ suspendCustomer: { status: string } }>(SUSPEND, { id, key: 'suspend-6' }));
    const again = dataOf(await billing.graphql<{ suspendCustomer: { status: string } }>(SUSPEND, { id, key: 'suspend-6' }));
    expect(again).toEqual(first);
    expect(first.suspendCustomer.status).toBe('SUSPENDED');
    // Without a key, suspending again is refused as before.
    expect(errorOf(await billing.graphql(SUSPEND, { id })).extensions?.code).toBe('CUSTOMER_STATUS');
  });

  it('a refused request keeps no key: the corrected request with the same key runs', async () => {
    const bad = errorOf(await billing.graphql(CREATE, { input: { ...input('BILL-7'), timeZone: 'Mars/Olympus' }, key: 'evt-7' }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(dataOf(await billing.graphql<Created>(CREATE, { input: input('BILL-7'), key: 'evt-7' })).createCustomer.externalId).toBe('BILL-7');
  });

  it('parallel requests with the same key make one change, and all get the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => billing.graphql<Created>(CREATE, { input: input('BILL-8'), key: 'evt-8' })));
    const ids = answers.map((answer) => dataOf(answer).createCustomer.id);
    expect(new Set(ids).size).toBe(1);
    expect(await count('BILL-8')).toBe(1);
    expect(Number((await app.sql<{ n: number | string }>("select count(*) as n from idempotency_keys where key = 'evt-8'"))[0]!.n)).toBe(1);
  });

  it("the catalogue's and the support inbox's changes replay with a key too, inside the key's transaction", async () => {
    const product = `mutation ($input: CreateCatalogueProductInput!, $key: String) { createCatalogueProduct(input: $input, idempotencyKey: $key) { id versions { id } } }`;
    const version = `mutation ($input: AddProductVersionInput!, $key: String) { addProductVersion(input: $input, idempotencyKey: $key) { id versions { id version } } }`;
    const reply = `mutation ($input: ReplyToSupportRequestInput!, $key: String) { replyToSupportRequest(input: $input, idempotencyKey: $key) { request { messageCount } } }`;
    type Product = { id: string; versions: { id: string; version?: string }[] };

    const productInput = { input: { code: 'KEYED-1', name: 'Keyed One', description: 'Made once.', licenceTypes: ['SINGLE_USER'] }, key: 'catalogue-1' };
    const first = dataOf(await operator.graphql<{ createCatalogueProduct: Product }>(product, productInput)).createCatalogueProduct;
    const again = dataOf(await operator.graphql<{ createCatalogueProduct: Product }>(product, productInput)).createCatalogueProduct;
    expect(again.id).toBe(first.id);
    expect(Number((await app.sql<{ n: number | string }>("select count(*) as n from products where code = 'KEYED-1'"))[0]!.n)).toBe(1);

    const versionInput = { input: { productId: first.id, version: '2027', releasedOn: '2026-12-01' }, key: 'catalogue-2' };
    const added = dataOf(await operator.graphql<{ addProductVersion: Product }>(version, versionInput)).addProductVersion;
    const replayed = dataOf(await operator.graphql<{ addProductVersion: Product }>(version, versionInput)).addProductVersion;
    expect(added.versions.map((row) => row.version)).toEqual(['2027']);
    expect(replayed).toEqual(added);

    const admin = app.client();
    dataOf(await admin.signIn('admin@alpine.example'));
    const opened = dataOf(
      await admin.graphql<{ openSupportRequest: { id: string } }>('mutation ($input: OpenSupportRequestInput!) { openSupportRequest(input: $input) { id } }', {
        input: { subject: 'A keyed reply' },
      }),
    ).openSupportRequest.id;
    const replyInput = { input: { requestId: opened, body: 'Answered once.' }, key: 'support-1' };
    type Replied = { replyToSupportRequest: { request: { messageCount: number } } };
    const answers = await Promise.all([operator.graphql<Replied>(reply, replyInput), operator.graphql<Replied>(reply, replyInput)]);
    for (const answer of answers) expect(dataOf(answer).replyToSupportRequest.request.messageCount).toBe(1);
    expect(Number((await app.sql<{ n: number | string }>('select count(*) as n from support_messages where request_id = ?', [opened]))[0]!.n)).toBe(1);
  });

  it('keys expire after a day, and the sweep removes them', async () => {
    const before = Number((await app.sql<{ n: number | string }>('select count(*) as n from idempotency_keys'))[0]!.n);
    expect(before).toBeGreaterThan(0);
    expect(await deleteExpiredKeys(app.orm, new Date(Date.now() + 23 * 60 * 60 * 1000))).toBe(0);
    expect(await deleteExpiredKeys(app.orm, new Date(Date.now() + 25 * 60 * 60 * 1000))).toBe(before);
  });

  it('a revoked vendor token stops working at once; Support cannot manage tokens', async () => {
    const listed = dataOf(await operator.graphql<{ vendorApiTokens: { edges: { node: { id: string; name: string } }[] } }>(TOKENS));
    const id = listed.vendorApiTokens.edges.find((edge) => edge.node.name === 'Billing system')!.node.id;
    const revoked = dataOf(await operator.graphql<{ revokeVendorApiToken: { status: string } }>('mutation ($id: UUID!) { revokeVendorApiToken(id: $id) { status } }', { id }));
    expect(revoked.revokeVendorApiToken.status).toBe('REVOKED');
    const refused = await billing.post('{ customers { totalCount } }');
    expect(refused.response.status).toBe(401);
    expect(refused.body.errors?.[0]?.message).toBe('This API token was revoked.');
    const noName = errorOf(await operator.graphql(CREATE_VENDOR_TOKEN, { input: { name: ' ', scopes: ['VENDOR_CUSTOMERS_READ'] } }));
    expect(noName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const noScopes = errorOf(await operator.graphql(CREATE_VENDOR_TOKEN, { input: { name: 'none', scopes: [] } }));
    expect(noScopes.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
  });
});
