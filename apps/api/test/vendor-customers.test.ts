import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, DEMO_PASSWORD, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator } from './vendor-helpers.js';

const FIELDS = 'id name country timeZone language externalId status userCount seatCount primaryAdminEmail';
const CREATE = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { ${FIELDS} } }`;
const LIST = `query ($first: Int, $after: String, $filter: CustomersFilter, $orderBy: CustomersOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;
const INVITE = 'mutation ($input: InviteCustomerPrimaryAdminInput!) { inviteCustomerPrimaryAdmin(input: $input) { email role status } }';
const ACCEPT = 'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { email role account { name } } } }';
const statusChange = (name: string) => `mutation ($id: UUID!) { ${name}(id: $id) { id status } }`;

interface CustomerNode {
  id: string;
  name: string;
  externalId: string | null;
  status: string;
  userCount: number;
  seatCount: number;
  primaryAdminEmail: string | null;
}
type ListAnswer = { customers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: CustomerNode }[] } };

async function invitationToken(app: TestApp, email: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const message = (await app.outbox.list(200)).find((candidate) => candidate.to === email && /invitation\?token=/.test(candidate.text));
    const token = message && /invitation\?token=(\S+)/.exec(message.text)?.[1];
    if (token) return decodeURIComponent(token);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No invitation reached ${email}.`);
}

describe.each(drivers)('customers in the Vendor console (%s)', (driver) => {
  let app: TestApp;
  let operator: TestClient;
  const input = { name: 'Gradbinec d.d.', country: 'si', timeZone: 'Europe/Ljubljana', language: 'SL', externalId: 'CRM-2001' };

  beforeAll(async () => {
    app = await startTestApp(driver);
    operator = await signInDemoOperator(app);
  });
  afterAll(() => app?.close());

  it('lists the customers with their counts of users and seats', async () => {
    const { customers } = dataOf(await operator.graphql<ListAnswer>(LIST, {}));
    expect(customers.totalCount).toBe(2);
    const [alpine, kolektor] = customers.edges.map((edge) => edge.node);
    expect(kolektor).toMatchObject({ name: 'Kolektor Gradnje d.o.o.', externalId: 'CRM-1001', status: 'ACTIVE', primaryAdminEmail: 'admin@example.com' });
    const [users] = await app.sql<{ n: number }>("select count(*) as n from memberships where account_id = ? and status in ('ACTIVE', 'INVITED')", [kolektor!.id]);
    expect(kolektor!.userCount).toBe(Number(users!.n));
    // Seats of running subscriptions only, by the customer's own day (the seed has expired ones too).
    const [seats] = await app.sql<{ n: number }>("select sum(seats) as n from subscriptions where account_id = ? and state = 'ACTIVE' and ends_on >= ?", [kolektor!.id, '2026-11-25']);
    expect(kolektor!.seatCount).toBe(Number(seats!.n));
    expect(alpine!.name).toBe('Alpine Studio GmbH');
  });

  it('creates a customer, with a clear error for each bad field and for a billing id in use, writing nothing', async () => {
    const bad = async (change: Record<string, unknown>) => errorOf(await operator.graphql(CREATE, { input: { ...input, ...change } })).extensions;
    expect(await bad({ name: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await bad({ country: 'XX' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
    expect(await bad({ timeZone: 'Mars/Olympus' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(await bad({ externalId: 'CRM-1001' })).toMatchObject({ code: 'EXTERNAL_ID_TAKEN', field: 'externalId' });
    expect(await app.sql('select id from accounts')).toHaveLength(2);

    // The same billing id twice at once: one customer.
    const answers = await Promise.all([operator.graphql(CREATE, { input }), operator.graphql(CREATE, { input })]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.find((answer) => answer.errors)!.errors![0]!.extensions).toMatchObject({ code: 'EXTERNAL_ID_TAKEN', field: 'externalId' });
    const created = (answers.find((answer) => !answer.errors)!.data as { createCustomer: CustomerNode & { country: string; language: string } }).createCustomer;
    expect(created).toMatchObject({ name: 'Gradbinec d.d.', country: 'SI', timeZone: 'Europe/Ljubljana', language: 'SL', status: 'ACTIVE', userCount: 0, seatCount: 0, primaryAdminEmail: null });
    const audit = await app.sql<{ action: string }>("select action from vendor_audit_entries where action = 'customer.create' and customer_name = 'Gradbinec d.d.'");
    expect(audit).toHaveLength(1);
  });

  it('searches, sorts and pages', async () => {
    for (const [name, externalId] of [['Zidar s.p.', 'CRM-3001'], ['Arhitekti Novak', 'CRM-3002']]) {
      dataOf(await operator.graphql(CREATE, { input: { ...input, name, externalId } }));
    }
    const names = async (variables: Record<string, unknown>) => dataOf(await operator.graphql<ListAnswer>(LIST, variables)).customers.edges.map((edge) => edge.node.name);
    expect(await names({ filter: { search: 'crm-300' } })).toEqual(['Arhitekti Novak', 'Zidar s.p.']);
    expect(await names({ filter: { search: 'NOVAK' } })).toEqual(['Arhitekti Novak']);
    // A billing system's look-up: exactly its id, never a customer whose id only contains it.
    expect(await names({ filter: { externalId: 'CRM-3001' } })).toEqual(['Zidar s.p.']);
    expect(await names({ filter: { externalId: ' CRM-3002 ', status: 'ACTIVE' } })).toEqual(['Arhitekti Novak']);
    expect(await names({ filter: { externalId: 'CRM-300' } })).toEqual([]);
    expect((await names({ orderBy: { field: 'USERS', direction: 'DESC' } }))[0]).toBe('Kolektor Gradnje d.o.o.');
    expect((await names({ orderBy: { field: 'SEATS', direction: 'DESC' } }))[0]).toBe('Kolektor Gradnje d.o.o.');

    const everyone = await names({ orderBy: { field: 'NAME' } });
    expect(everyone).toEqual([...everyone].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: ListAnswer['customers'] = dataOf(await operator.graphql<ListAnswer>(LIST, { first: 2, after, orderBy: { field: 'CREATED_AT', direction: 'DESC' } })).customers;
      paged.push(...page.edges.map((edge) => edge.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toHaveLength(5);
    expect(new Set(paged).size).toBe(5);
    expect(paged[0]).toBe('Arhitekti Novak');
    expect(errorOf(await operator.graphql(LIST, { after: 'nonsense' })).extensions?.field).toBe('after');
  });

  it('invites the primary admin through the invitation flow, once', async () => {
    const [customer] = await app.sql<{ id: string }>("select id from accounts where external_id = 'CRM-2001'");
    const invite = (email: string) => operator.graphql(INVITE, { input: { customerId: customer!.id, email, firstName: 'Petra', lastName: 'Gradnik' } });
    expect(errorOf(await invite('not-an-email')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(errorOf(await invite('vendor@example.com')).extensions).toMatchObject({ field: 'email' });
    expect(errorOf(await operator.graphql(INVITE, { input: { customerId: '00000000-0000-4000-8000-000000000000', email: 'x@example.com', firstName: 'X', lastName: 'Y' } })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'customerId',
    });
    // Two operators inviting different people at once: one primary admin.
    const [second] = await app.sql<{ id: string }>("select id from accounts where external_id = 'CRM-3001'");
    const race = await Promise.all(
      ['a@zidar.example', 'b@zidar.example'].map((email) => operator.graphql(INVITE, { input: { customerId: second!.id, email, firstName: 'Ana', lastName: 'Zidar' } })),
    );
    expect(race.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(race.find((answer) => answer.errors)!.errors![0]!.extensions?.code).toBe('PRIMARY_ADMIN_EXISTS');

    const invited = dataOf(await invite('petra@gradbinec.example'));
    expect(invited).toEqual({ inviteCustomerPrimaryAdmin: { email: 'petra@gradbinec.example', role: 'PRIMARY_ADMIN', status: 'PENDING' } });
    expect(errorOf(await invite('someone@gradbinec.example')).extensions?.code).toBe('PRIMARY_ADMIN_EXISTS');

    const accepted = dataOf(await app.client().graphql<{ acceptInvitation: { viewer: { role: string; account: { name: string } } } }>(ACCEPT, {
      input: { token: await invitationToken(app, 'petra@gradbinec.example'), password: 'Gradbinec-admin-1' },
    }));
    expect(accepted.acceptInvitation.viewer).toMatchObject({ role: 'PRIMARY_ADMIN', account: { name: 'Gradbinec d.d.' } });
    const [entry] = await app.sql<{ action: string; actor_id: string }>("select action, actor_id from audit_entries where account_id = ? and action = 'user.invite'", [customer!.id]);
    const [vendorUser] = await app.sql<{ id: string }>("select id from users where email = 'vendor@example.com'");
    expect(entry?.actor_id).toBe(vendorUser!.id);
  });

  it('suspends (sign-ins, sessions and tokens refused, data kept), reactivates and closes', async () => {
    const { customers } = dataOf(await operator.graphql<ListAnswer>(LIST, { filter: { search: 'kolektor' } }));
    const kolektor = customers.edges[0]!.node;
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const { createApiToken } = dataOf(await admin.graphql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(input: { kind: PERSONAL, name: "before suspension", scopes: [READ_USERS] }) { secret } }',
    ));
    const token = app.client({ token: createApiToken.secret });
    expect(dataOf(await token.graphql<{ users: { totalCount: number } }>('{ users { totalCount } }')).users.totalCount).toBeGreaterThan(0);

    // Two operators at once: one suspension.
    const both = await Promise.all([operator.graphql(statusChange('suspendCustomer'), { id: kolektor.id }), operator.graphql(statusChange('suspendCustomer'), { id: kolektor.id })]);
    expect(both.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(both.find((answer) => answer.errors)!.errors![0]!.extensions?.code).toBe('CUSTOMER_STATUS');

    const refused = errorOf(await app.client().signIn('admin@example.com'));
    expect(refused.extensions?.code).toBe('ACCOUNT_SUSPENDED');
    expect(refused.message).toContain('suspended');
    expect(errorOf(await app.client().signIn('admin@example.com', 'wrong password')).extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(dataOf(await admin.graphql<{ me: null }>('{ me { email } }')).me).toBeNull();
    const { response, body } = await token.post('{ users { totalCount } }');
    expect(response.status).toBe(401);
    expect(body.errors?.[0]?.message).toContain('suspended');
    // Another customer is untouched, and the data is kept.
    expect(dataOf(await app.client().signIn('admin@alpine.example'))).toBeTruthy();
    expect((await app.sql('select id from memberships where account_id = ?', [kolektor.id])).length).toBe(kolektor.userCount + (await app.sql("select id from memberships where account_id = ? and status not in ('ACTIVE', 'INVITED')", [kolektor.id])).length);

    dataOf(await operator.graphql(statusChange('reactivateCustomer'), { id: kolektor.id }));
    expect(dataOf(await app.client().signIn('admin@example.com'))).toBeTruthy();
    expect(dataOf(await token.graphql<{ users: { totalCount: number } }>('{ users { totalCount } }')).users.totalCount).toBeGreaterThan(0);

    const closed = dataOf(await operator.graphql<{ closeCustomer: { status: string } }>(statusChange('closeCustomer'), { id: kolektor.id }));
    expect(closed.closeCustomer.status).toBe('CLOSED');
    const sl = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl' },
      body: JSON.stringify({ query: 'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { email } } }', variables: { input: { email: 'admin@example.com', password: DEMO_PASSWORD } } }),
    });
    expect(((await sl.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Račun Seatwise te organizacije je zaprt. Obrnite se na ponudnika programske opreme.');
    expect(errorOf(await operator.graphql(statusChange('reactivateCustomer'), { id: kolektor.id })).extensions).toMatchObject({ code: 'CUSTOMER_STATUS', field: 'id' });
    const actions = (await app.sql<{ action: string }>("select action from vendor_audit_entries where customer_id = ? order by created_at", [kolektor.id])).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['customer.suspend', 'customer.reactivate', 'customer.close']));
  });
});
