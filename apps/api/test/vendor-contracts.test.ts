import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate } from '../src/common/days.js';
import { createStaffSetupLink } from '../src/modules/vendor/setup-link.service.js';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator, useSetupLink } from './vendor-helpers.js';

const SUB = 'id name status seatsTotal seatsUsed startsOn endsOn renewal scheduledSeats cancelAtTermEnd version licenceType term products { product { code } }';
const CREATE = `mutation ($input: CreateContractInput!) { createCustomerContract(input: $input) { id number startsOn endsOn version team { name } subscriptions { ${SUB} } } }`;
const CONTRACTS = `query ($customerId: UUID!, $first: Int, $after: String) {
  customerContracts(customerId: $customerId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id number subscriptions { ${SUB} } } } }
}`;
const SEATS = `mutation ($input: ChangeSeatsInput!) { changeSubscriptionSeats(input: $input) { ${SUB} } }`;
const RENEW = `mutation ($input: RenewSubscriptionInput!) { renewSubscription(input: $input) { ${SUB} } }`;
const CANCEL = `mutation ($input: CancelSubscriptionInput!) { cancelSubscription(input: $input) { ${SUB} } }`;
const CREDITS = `mutation ($input: PurchaseCloudCreditsInput!) { purchaseCloudCredits(input: $input) { credits balance subscription { id } } }`;
const CUSTOMER_CONTRACTS = `query ($first: Int, $after: String) { contracts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id number subscriptions { id name status } } } } }`;
const ASSIGN = 'mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { id } }';
const ASSIGNABLE = '{ assignableSubscriptions { id available } }';
const HOME = '{ adminHome { subscriptionEvents { kind subscriptionName amount effectiveOn } renewals { name status } } }';
const AUDIT = `query ($filter: AuditFilter) { auditLog(first: 100, filter: $filter) { edges { node { action actorName targetId summary } } } }`;
const VENDOR_AUDIT = '{ vendorAuditLog(first: 100) { edges { node { action actorEmail customerName summary } } } }';
const SEAT_USAGE = `query ($range: DateRangeInput!) {
  seatUsage(range: $range) { products { product { code } seatsTotal seatsAssigned } }
  seatUsageByUser(range: $range, first: 500, orderBy: { field: DAYS_USED, direction: DESC }) { rows { user { id } subscription { id } daysUsed } }
}`;

interface Sub {
  id: string;
  name: string;
  status: string;
  seatsTotal: number;
  seatsUsed: number;
  startsOn: string;
  endsOn: string;
  scheduledSeats: number | null;
  cancelAtTermEnd: boolean;
  version: number;
}
interface ContractNode {
  id: string;
  number: string;
  version: number;
  team: { name: string } | null;
  subscriptions: Sub[];
}

describe.each(drivers)('contracts and subscriptions run by the vendor (%s)', (driver) => {
  let app: TestApp;
  let operator: TestClient;
  let support: TestClient;
  let admin: TestClient;
  let customerId: string;
  let products: Record<string, string>;
  let number = 0;

  const line = (codes: string[], change: Record<string, unknown> = {}) => ({
    productIds: codes.map((code) => products[code]!),
    name: codes.length > 1 ? 'Structures Bundle' : null,
    licenceType: 'SINGLE_USER',
    term: 'ANNUAL',
    seats: 5,
    startsOn: '2026-11-01',
    endsOn: '2027-10-31',
    renewal: 'MANUAL',
    ...change,
  });
  const contractInput = (change: Record<string, unknown> = {}) => {
    number += 1;
    return { customerId, number: `VC-${driver}-${number}`, startsOn: '2026-11-01', endsOn: '2027-10-31', subscriptions: [line(['DRF'])], ...change };
  };
  const create = async (change: Record<string, unknown> = {}) =>
    dataOf(await operator.graphql<{ createCustomerContract: ContractNode }>(CREATE, { input: contractInput(change) })).createCustomerContract;
  /** Rows of every table a contract change writes, to show a refused change wrote nothing. */
  const counts = async () => {
    const tables = ['contracts', 'subscriptions', 'subscription_products', 'subscription_events', 'audit_entries', 'vendor_audit_entries', 'cloud_credit_entries', 'seat_months'];
    const result: Record<string, number> = {};
    for (const table of tables) result[table] = Number((await app.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n);
    return result;
  };
  /** What the customer's audit log and the subscription's events keep of its renewals. */
  const renewalHistory = async (id: string, action: string) => {
    const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as { startsOn?: string; endsOn?: string; endedOn?: string };
    const [entry] = await app.sql<{ before: unknown; after: unknown }>('select before, after from audit_entries where target_id = ? and action = ?', [id, action]);
    const events = await app.sql<{ kind: string; effective_on: string | Date }>("select kind, effective_on from subscription_events where subscription_id = ? and kind = 'RENEWED' order by created_at", [id]);
    const before = json(entry!.before);
    const after = json(entry!.after);
    return {
      before: { startsOn: before.startsOn, endsOn: before.endsOn },
      after: { startsOn: after.startsOn, endsOn: after.endsOn ?? after.endedOn },
      events: events.map((event) => [event.kind, isoDate(event.effective_on)]),
    };
  };
  const subscriptionRow = async (id: string) =>
    (await app.sql<{ seats: number; version: number; state: string; scheduled_seats: number | null }>('select seats, version, state, scheduled_seats from subscriptions where id = ?', [id]))[0]!;

  beforeAll(async () => {
    app = await startTestApp(driver);
    operator = await signInDemoOperator(app);
    const link = await createStaffSetupLink(app.em(), app.config, `support-${driver}@vendor.example`, 'SUPPORT' as never);
    support = app.client();
    await useSetupLink(support, link.url);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    customerId = (await app.sql<{ id: string }>("select id from accounts where external_id = 'CRM-1001'"))[0]!.id;
    products = Object.fromEntries((await app.sql<{ id: string; code: string }>('select id, code from products')).map((row) => [row.code, row.id]));
  });
  afterAll(() => app?.close());

  it('creates a contract with a product and a collection: the customer, both audit logs, the home and the reports see it at once', async () => {
    const team = (await app.sql<{ id: string; name: string }>('select id, name from teams where account_id = ? order by name limit 1', [customerId]))[0]!;
    const choices = dataOf(await operator.graphql<{ customerTeamChoices: { id: string }[]; contractProductChoices: { id: string }[] }>(
      'query ($customerId: UUID!) { customerTeamChoices(customerId: $customerId) { id name } contractProductChoices { id code } }',
      { customerId },
    ));
    expect(choices.customerTeamChoices.map((item) => item.id)).toContain(team.id);
    expect(choices.contractProductChoices.map((item) => item.id)).toContain(products.DRF);
    const contract = await create({ teamId: team.id, subscriptions: [line(['DRF'], { seats: 3 }), line(['STR', 'CIV'], { seats: 4, renewal: 'AUTO' })] });
    expect(contract.team?.name).toBe(team.name);
    expect(contract.subscriptions.map((item) => [item.name, item.seatsTotal, item.status])).toEqual([
      ['Drafter', 3, 'ACTIVE'],
      ['Structures Bundle', 4, 'ACTIVE'],
    ]);
    const mine = dataOf(await admin.graphql<{ contracts: { edges: { node: { number: string } }[] } }>(CUSTOMER_CONTRACTS, { first: 100 }));
    expect(mine.contracts.edges.map((edge) => edge.node.number)).toContain(contract.number);
    const audit = dataOf(await admin.graphql<{ auditLog: { edges: { node: { action: string; summary: string } }[] } }>(AUDIT, {})).auditLog.edges.map((edge) => edge.node);
    // The demo's own contracts were entered the same way: only this contract's two count here.
    expect(audit.filter((entry) => entry.action === 'subscription.create' && entry.summary.includes(contract.number))).toHaveLength(2);
    expect(audit.find((entry) => entry.action === 'contract.create')?.summary).toContain(contract.number);
    const vendorAudit = dataOf(await operator.graphql<{ vendorAuditLog: { edges: { node: { action: string; actorEmail: string } }[] } }>(VENDOR_AUDIT)).vendorAuditLog.edges.map((edge) => edge.node);
    expect(vendorAudit.find((entry) => entry.action === 'contract.create')?.actorEmail).toBe('vendor@example.com');
    const home = dataOf(await admin.graphql<{ adminHome: { subscriptionEvents: { kind: string; subscriptionName: string }[] } }>(HOME)).adminHome;
    expect(home.subscriptionEvents.slice(0, 2).map((event) => event.kind)).toEqual(['CREATED', 'CREATED']);

    // Seat Usage: the new seats count, and a seat on it shows the holder's use already stored (roll-ups).
    const drafter = contract.subscriptions[0]!;
    const [holder] = await app.sql<{ user_id: string }>(
      "select d.user_id from usage_days d join products p on p.id = d.product_id join memberships m on m.user_id = d.user_id and m.account_id = d.account_id where d.account_id = ? and p.code = 'DRF' and m.status = 'ACTIVE' and d.day >= ? order by d.user_id limit 1",
      [customerId, Math.floor(Date.UTC(2026, 10, 1) / 86_400_000)],
    );
    dataOf(await admin.graphql(ASSIGN, { input: { userId: holder!.user_id, subscriptionId: drafter.id } }));
    const range = { from: '2026-11-01', to: '2026-11-25' };
    const report = dataOf(await admin.graphql<{ seatUsage: { products: { product: { code: string }; seatsTotal: number }[] }; seatUsageByUser: { rows: { user: { id: string }; subscription: { id: string }; daysUsed: number }[] } }>(SEAT_USAGE, { range }));
    const [{ seats }] = (await app.sql<{ seats: number | string }>(
      "select sum(s.seats) as seats from subscriptions s join subscription_products sp on sp.subscription_id = s.id join products p on p.id = sp.product_id where s.account_id = ? and p.code = 'DRF' and s.state = 'ACTIVE' and s.ends_on >= '2026-11-25'",
      [customerId],
    )) as [{ seats: number | string }];
    expect(report.seatUsage.products.find((row) => row.product.code === 'DRF')?.seatsTotal).toBe(Number(seats));
    const seat = report.seatUsageByUser.rows.find((row) => row.subscription.id === drafter.id && row.user.id === holder!.user_id);
    expect(seat?.daysUsed).toBeGreaterThan(0);
    // The order by days used reads the roll-ups: the new seat sorts by the same days it shows.
    const days = report.seatUsageByUser.rows.map((row) => row.daysUsed);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await counts();
    const bad = async (change: Record<string, unknown>) => errorOf(await operator.graphql(CREATE, { input: contractInput(change) })).extensions;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await bad({ subscriptions: [line(['DRF']), { ...line(['DRF']), productIds: [unknown] }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.1.productIds' });
    expect(await bad({ endsOn: '2026-10-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect(await bad({ subscriptions: [line(['DRF'], { endsOn: '2026-10-31' })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.endsOn' });
    expect(await bad({ subscriptions: [line(['DRF'], { seats: -1 })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.seats' });
    expect(await bad({ subscriptions: [line(['DRF'], { startsOn: '2026-02-30' })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.startsOn' });
    expect(await bad({ subscriptions: [line(['STR', 'CIV'], { name: ' ' })] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions.0.name' });
    expect(await bad({ subscriptions: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subscriptions' });
    expect(await bad({ number: ' ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    expect(await bad({ teamId: unknown })).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
    const [existing] = await app.sql<{ number: string }>('select number from contracts where account_id = ? limit 1', [customerId]);
    expect(await bad({ number: existing!.number })).toMatchObject({ code: 'CONTRACT_NUMBER_TAKEN', field: 'number' });
    const [{ id: subscriptionId }] = (await app.sql<{ id: string }>("select id from subscriptions where account_id = ? and state = 'ACTIVE' limit 1", [customerId])) as [{ id: string }];
    const row = await subscriptionRow(subscriptionId);
    expect(errorOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId, expectedVersion: row.version, seats: -3 } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seats' });
    expect(errorOf(await operator.graphql(CREDITS, { input: { customerId, subscriptionId, credits: 0 } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'credits' });
    expect(errorOf(await operator.graphql(RENEW, { input: { customerId, subscriptionId, expectedVersion: row.version, endsOn: '2020-01-01' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect(errorOf(await operator.graphql(SEATS, { input: { customerId: unknown, subscriptionId, expectedVersion: 1, seats: 3 } })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
    expect(await counts()).toEqual(before);
  });

  it('gives a contract number to exactly one of parallel requests', async () => {
    const input = contractInput();
    const answers = await Promise.all(Array.from({ length: 5 }, () => operator.graphql(CREATE, { input })));
    expect(answers.filter((answer) => !answer.errors).length).toBe(1);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'CONTRACT_NUMBER_TAKEN').length).toBe(4);
    const rows = await app.sql<{ n: number | string }>('select count(*) as n from contracts where account_id = ? and number = ?', [customerId, input.number]);
    expect(Number(rows[0]!.n)).toBe(1);
    const subscriptions = await app.sql<{ n: number | string }>('select count(*) as n from subscriptions s join contracts c on c.id = s.contract_id where c.number = ?', [input.number]);
    expect(Number(subscriptions[0]!.n)).toBe(1);
  });

  it('changes seats: an increase at once; a decrease below the assigned is refused with the count, or scheduled for the renewal; a stale change is refused', async () => {
    const contract = await create({ subscriptions: [line(['PLT'], { seats: 2 })] });
    let sub = contract.subscriptions[0]!;
    const users = await app.sql<{ user_id: string }>("select user_id from memberships where account_id = ? and status = 'ACTIVE' order by user_id limit 3", [customerId]);
    sub = dataOf(await operator.graphql<{ changeSubscriptionSeats: Sub }>(SEATS, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version, seats: 3 } })).changeSubscriptionSeats;
    expect(sub.seatsTotal).toBe(3);
    for (const user of users) dataOf(await admin.graphql(ASSIGN, { input: { userId: user.user_id, subscriptionId: sub.id } }));

    const before = await counts();
    const refused = errorOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version, seats: 1 } }));
    expect(refused.extensions).toMatchObject({ code: 'SEATS_ASSIGNED', field: 'seats' });
    expect(refused.message).toMatch(/^2 seats are assigned/);
    expect(await counts()).toEqual(before);
    expect((await subscriptionRow(sub.id)).seats).toBe(3);

    const stale = errorOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version - 1, seats: 5 } }));
    expect(stale.extensions).toMatchObject({ code: 'STALE_CHANGE', field: 'expectedVersion' });
    expect(stale.message).toContain(sub.name);
    expect(await counts()).toEqual(before);

    // Two operators on the same version at once: one wins, the other is stale.
    const racing = await Promise.all(
      [6, 7].map((seats) => operator.graphql<{ changeSubscriptionSeats: Sub }>(SEATS, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version, seats } })),
    );
    expect(racing.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(racing.filter((answer) => answer.errors?.[0]?.extensions?.code === 'STALE_CHANGE')).toHaveLength(1);
    sub = racing.find((answer) => !answer.errors)!.data!.changeSubscriptionSeats;

    sub = dataOf(await operator.graphql<{ changeSubscriptionSeats: Sub }>(SEATS, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version, seats: 1, when: 'AT_RENEWAL' } })).changeSubscriptionSeats;
    expect(sub).toMatchObject({ scheduledSeats: 1, seatsUsed: 3 });
    expect([6, 7]).toContain(sub.seatsTotal);

    // Renewal: a new term, the scheduled seats apply; then cancel at term end, then now.
    sub = dataOf(await operator.graphql<{ renewSubscription: Sub }>(RENEW, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version } })).renewSubscription;
    // The new term starts the day after the old one ended; the old term stays in the history.
    expect(sub).toMatchObject({ startsOn: '2027-11-01', endsOn: '2028-10-31', seatsTotal: 1, scheduledSeats: null });
    expect(await renewalHistory(sub.id, 'subscription.renew')).toEqual({
      before: { startsOn: '2026-11-01', endsOn: '2027-10-31' },
      after: { startsOn: '2027-11-01', endsOn: '2028-10-31' },
      events: [['RENEWED', '2028-10-31']],
    });
    // The contract covers every term: it keeps its start and reaches the new end.
    const [contractRow] = await app.sql<{ starts_on: string | Date; ends_on: string | Date }>('select starts_on, ends_on from contracts where id = ?', [contract.id]);
    expect([isoDate(contractRow!.starts_on), isoDate(contractRow!.ends_on)]).toEqual(['2026-11-01', '2028-10-31']);
    // The customer's own subscription page shows the new term.
    const customerView = dataOf(await admin.graphql<{ subscription: { startsOn: string; endsOn: string } }>('query ($id: UUID!) { subscription(id: $id) { startsOn endsOn } }', { id: sub.id })).subscription;
    expect(customerView).toEqual({ startsOn: '2027-11-01', endsOn: '2028-10-31' });
    sub = dataOf(await operator.graphql<{ cancelSubscription: Sub }>(CANCEL, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version, when: 'AT_RENEWAL' } })).cancelSubscription;
    expect(sub).toMatchObject({ cancelAtTermEnd: true, status: 'ACTIVE' });
    sub = dataOf(await operator.graphql<{ cancelSubscription: Sub }>(CANCEL, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version, when: 'NOW' } })).cancelSubscription;
    expect(sub).toMatchObject({ status: 'CANCELLED', seatsUsed: 3 });
    const assignable = dataOf(await admin.graphql<{ assignableSubscriptions: { id: string }[] }>(ASSIGNABLE)).assignableSubscriptions;
    expect(assignable.map((item) => item.id)).not.toContain(sub.id);

    const audit = dataOf(await admin.graphql<{ auditLog: { edges: { node: { action: string; targetId: string } }[] } }>(AUDIT, {})).auditLog.edges.map((edge) => edge.node);
    expect(audit.filter((entry) => entry.targetId === sub.id).map((entry) => entry.action).sort()).toEqual(
      ['subscription.cancel', 'subscription.cancel.schedule', 'subscription.create', 'subscription.renew', 'subscription.seats.change', 'subscription.seats.change', 'subscription.seats.schedule'].sort(),
    );
    const vendorAudit = dataOf(await operator.graphql<{ vendorAuditLog: { edges: { node: { action: string } }[] } }>(VENDOR_AUDIT)).vendorAuditLog.edges.map((edge) => edge.node.action);
    expect(vendorAudit).toEqual(expect.arrayContaining(['subscription.seats', 'subscription.renew', 'subscription.cancel']));
  });

  it('adds purchased cloud credits to the ledger and answers the balance', async () => {
    const contract = await create({ subscriptions: [line(['DRF'], { licenceType: 'CLOUD' })] });
    const subscriptionId = contract.subscriptions[0]!.id;
    const first = dataOf(await operator.graphql<{ purchaseCloudCredits: { balance: number } }>(CREDITS, { input: { customerId, subscriptionId, credits: 1200 } })).purchaseCloudCredits;
    expect(first.balance).toBe(1200);
    const second = dataOf(await operator.graphql<{ purchaseCloudCredits: { balance: number } }>(CREDITS, { input: { customerId, subscriptionId, credits: 300 } })).purchaseCloudCredits;
    expect(second.balance).toBe(1500);
    const ledger = await app.sql<{ kind: string; amount: number }>('select kind, amount from cloud_credit_entries where subscription_id = ? order by amount', [subscriptionId]);
    expect(ledger.map((row) => [row.kind, Number(row.amount)])).toEqual([['PURCHASE', 300], ['PURCHASE', 1200]]);
    // Cloud Services Usage reads the same ledger: the purchase is there at once.
    const usage = dataOf(
      await admin.graphql<{ cloudServicesUsage: { balances: { subscription: { id: string }; purchased: number; remaining: number }[] } }>(
        'query ($range: DateRangeInput!) { cloudServicesUsage(range: $range) { balances { subscription { id } purchased remaining } } }',
        { range: { from: '2026-11-01', to: '2026-11-25' } },
      ),
    ).cloudServicesUsage;
    expect(usage.balances.find((row) => row.subscription.id === subscriptionId)).toMatchObject({ purchased: 1500, remaining: 1500 });
  });

  it('lets Support read the contracts but not change them', async () => {
    const page = dataOf(await support.graphql<{ customerContracts: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(CONTRACTS, { customerId, first: 2 })).customerContracts;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(await support.graphql<{ customerContracts: { edges: { node: { id: string } }[] } }>(CONTRACTS, { customerId, first: 100, after: page.pageInfo.endCursor })).customerContracts;
    expect(next.edges).toHaveLength(page.totalCount - 2);
    expect(errorOf(await support.graphql(CREATE, { input: contractInput() })).extensions?.code).toBe('FORBIDDEN');
    expect(errorOf(await admin.graphql(CONTRACTS, { customerId })).extensions?.code).toBe('VENDOR_STAFF_ONLY');
  });

  it('renews a subscription that ended months ago for a term from today, not from its old start', async () => {
    const contract = await create({ subscriptions: [line(['DRF'], { seats: 2, startsOn: '2026-11-01', endsOn: '2026-11-30' })] });
    const sub = contract.subscriptions[0]!;
    try {
      app.setNow(new Date('2027-02-10T12:00:00Z'));
      const renewed = dataOf(await operator.graphql<{ renewSubscription: Sub }>(RENEW, { input: { customerId, subscriptionId: sub.id, expectedVersion: sub.version } })).renewSubscription;
      expect(renewed).toMatchObject({ status: 'ACTIVE', startsOn: '2027-02-10', endsOn: '2028-02-10' });
      expect((await renewalHistory(sub.id, 'subscription.renew')).before).toEqual({ startsOn: '2026-11-01', endsOn: '2026-11-30' });
      // An end given by the vendor keeps the same start.
      const again = dataOf(await operator.graphql<{ renewSubscription: Sub }>(RENEW, { input: { customerId, subscriptionId: sub.id, expectedVersion: renewed.version, endsOn: '2028-06-30' } })).renewSubscription;
      expect(again).toMatchObject({ startsOn: '2028-02-11', endsOn: '2028-06-30' });
    } finally {
      app.setNow(TODAY);
    }
  });

  it('at the end of the term: AUTO renews with its scheduled seats, a cancel at term end becomes CANCELLED', async () => {
    const contract = await create({
      subscriptions: [
        line(['DRF'], { seats: 4, startsOn: '2026-11-01', endsOn: '2026-11-30', renewal: 'AUTO' }),
        line(['PLT'], { seats: 2, startsOn: '2026-11-01', endsOn: '2026-11-30', renewal: 'AUTO' }),
      ],
    });
    const [auto, ending] = contract.subscriptions as [Sub, Sub];
    dataOf(await operator.graphql(SEATS, { input: { customerId, subscriptionId: auto.id, expectedVersion: auto.version, seats: 3, when: 'AT_RENEWAL' } }));
    dataOf(await operator.graphql(CANCEL, { input: { customerId, subscriptionId: ending.id, expectedVersion: ending.version, when: 'AT_RENEWAL' } }));
    try {
      app.setNow(new Date('2026-11-30T23:01:00Z'));
      await Promise.all([app.seatwise.worker.runPeriodic(true), app.seatwise.worker.runPeriodic(true)]);
      const rows = await app.sql<{ id: string; state: string; seats: number; ends_on: string | Date; scheduled_seats: number | null }>(
        'select id, state, seats, ends_on, scheduled_seats from subscriptions where id in (?, ?)',
        [auto.id, ending.id],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      const renewed = byId.get(auto.id)!;
      expect([renewed.state, Number(renewed.seats), renewed.scheduled_seats]).toEqual(['ACTIVE', 3, null]);
      expect(new Date(renewed.ends_on).toISOString().slice(0, 10)).toBe('2027-11-30');
      // Renewed by itself, the new term starts the day after the last one, as a renewal by the vendor.
      expect(isoDate((await app.sql<{ starts_on: string | Date }>('select starts_on from subscriptions where id = ?', [auto.id]))[0]!.starts_on)).toBe('2026-12-01');
      const history = await renewalHistory(auto.id, 'subscription.auto-renew');
      expect([history.before, history.after.startsOn, history.events]).toEqual([{ startsOn: '2026-11-01', endsOn: '2026-11-30' }, '2026-12-01', [['RENEWED', '2027-11-30']]]);
      expect(byId.get(ending.id)!.state).toBe('CANCELLED');
      const renewals = await app.sql<{ n: number | string }>("select count(*) as n from audit_entries where target_id = ? and action = 'subscription.auto-renew'", [auto.id]);
      expect(Number(renewals[0]!.n)).toBe(1);
    } finally {
      app.setNow(TODAY);
    }
  });

  it('expires a subscription by the clock at the end of its last day in Europe/Ljubljana, once with two racing loops; seats stop, assignments stay', async () => {
    const contract = await create({ subscriptions: [line(['DRF'], { seats: 2, startsOn: '2026-11-01', endsOn: '2026-11-30' })] });
    const sub = contract.subscriptions[0]!;
    const [user] = await app.sql<{ user_id: string }>("select user_id from memberships where account_id = ? and status = 'ACTIVE' order by user_id desc limit 1", [customerId]);
    dataOf(await admin.graphql(ASSIGN, { input: { userId: user!.user_id, subscriptionId: sub.id } }));
    const status = async () =>
      dataOf(await admin.graphql<{ subscription: { status: string } }>('query ($id: UUID!) { subscription(id: $id) { status } }', { id: sub.id })).subscription.status;
    try {
      // 23:59 in Ljubljana (UTC+1) on its last day: still running.
      app.setNow(new Date('2026-11-30T22:59:00Z'));
      await app.seatwise.worker.runPeriodic(true);
      expect(await status()).toBe('EXPIRING');
      expect((await app.sql<{ expired_at: unknown }>('select expired_at from subscriptions where id = ?', [sub.id]))[0]!.expired_at).toBeNull();
      // Just after midnight there (still 30 November in UTC): expired, by the rule before any job runs.
      app.setNow(new Date('2026-11-30T23:00:30Z'));
      expect(await status()).toBe('EXPIRED');
      const assignable = dataOf(await admin.graphql<{ assignableSubscriptions: { id: string }[] }>(ASSIGNABLE)).assignableSubscriptions;
      expect(assignable.map((item) => item.id)).not.toContain(sub.id);
      await Promise.all([app.seatwise.worker.runPeriodic(true), app.seatwise.worker.runPeriodic(true)]);
      await app.seatwise.worker.runPeriodic(true);
      const entries = await app.sql<{ n: number | string }>("select count(*) as n from audit_entries where target_id = ? and action = 'subscription.expire'", [sub.id]);
      expect(Number(entries[0]!.n)).toBe(1);
      const events = await app.sql<{ n: number | string }>("select count(*) as n from subscription_events where subscription_id = ? and kind = 'EXPIRED'", [sub.id]);
      expect(Number(events[0]!.n)).toBe(1);
      const vendorEntries = await app.sql<{ n: number | string }>("select count(*) as n from vendor_audit_entries where action = 'subscription.expire' and summary like ?", [`${sub.name}%2026-11-30%`]);
      expect(Number(vendorEntries[0]!.n)).toBeGreaterThanOrEqual(1);
      // Assignments are kept for history and reports; no new seat can be handed out.
      const kept = await app.sql<{ n: number | string }>('select count(*) as n from seat_assignments where subscription_id = ?', [sub.id]);
      expect(Number(kept[0]!.n)).toBe(1);
      const [other] = await app.sql<{ user_id: string }>("select user_id from memberships where account_id = ? and status = 'ACTIVE' order by user_id limit 1", [customerId]);
      expect(errorOf(await admin.graphql(ASSIGN, { input: { userId: other!.user_id, subscriptionId: sub.id } })).extensions?.code).toBeTruthy();
      const home = dataOf(await admin.graphql<{ adminHome: { subscriptionEvents: { kind: string; subscriptionName: string; effectiveOn: string }[] } }>(HOME)).adminHome;
      expect(home.subscriptionEvents[0]).toMatchObject({ kind: 'EXPIRED', subscriptionName: sub.name, effectiveOn: '2026-11-30' });
      const log = dataOf(await admin.graphql<{ auditLog: { edges: { node: { action: string; actorName: string | null; targetId: string } }[] } }>(AUDIT, {})).auditLog.edges.map((edge) => edge.node);
      expect(log.find((entry) => entry.targetId === sub.id && entry.action === 'subscription.expire')).toBeTruthy();
    } finally {
      app.setNow(TODAY);
    }
  });

  it('a change replayed with its key answers the first result though the version has moved on since; other arguments are a conflict', async () => {
    const KEYED_SEATS = `mutation ($input: ChangeSeatsInput!, $key: String) { changeSubscriptionSeats(input: $input, idempotencyKey: $key) { ${SUB} } }`;
    const KEYED_RENEW = `mutation ($input: RenewSubscriptionInput!, $key: String) { renewSubscription(input: $input, idempotencyKey: $key) { ${SUB} } }`;
    const KEYED_CANCEL = `mutation ($input: CancelSubscriptionInput!, $key: String) { cancelSubscription(input: $input, idempotencyKey: $key) { ${SUB} } }`;
    const KEYED_CREATE = CREATE.replace('($input: CreateContractInput!)', '($input: CreateContractInput!, $key: String)').replace('(input: $input)', '(input: $input, idempotencyKey: $key)');
    const input = contractInput({ subscriptions: [line(['DRF'], { seats: 2 })] });
    const contract = dataOf(await operator.graphql<{ createCustomerContract: ContractNode }>(KEYED_CREATE, { input, key: `contract-${driver}-${input.number}` })).createCustomerContract;
    expect(contract).toMatchObject({ number: input.number, subscriptions: [{ seatsTotal: 2 }] });
    const start = contract.subscriptions[0]!;
    const seats = (version: number, count: number) => ({ input: { customerId, subscriptionId: start.id, expectedVersion: version, seats: count }, key: `seats-${driver}-${start.id}` });
    const renew = (version: number) => ({ input: { customerId, subscriptionId: start.id, expectedVersion: version, endsOn: '2028-10-31' }, key: `renew-${driver}-${start.id}` });
    const cancel = (version: number) => ({ input: { customerId, subscriptionId: start.id, expectedVersion: version, when: 'AT_RENEWAL' }, key: `cancel-${driver}-${start.id}` });
    const changed = dataOf(await operator.graphql<{ changeSubscriptionSeats: Sub }>(KEYED_SEATS, seats(start.version, 4))).changeSubscriptionSeats;
    const renewed = dataOf(await operator.graphql<{ renewSubscription: Sub }>(KEYED_RENEW, renew(changed.version))).renewSubscription;
    const cancelled = dataOf(await operator.graphql<{ cancelSubscription: Sub }>(KEYED_CANCEL, cancel(renewed.version))).cancelSubscription;
    expect(cancelled).toMatchObject({ seatsTotal: 4, endsOn: '2028-10-31', cancelAtTermEnd: true });

    // The billing system replays all three, reading the version anew: the first answers, nothing written.
    const before = await counts();
    expect(dataOf(await operator.graphql<{ createCustomerContract: ContractNode }>(KEYED_CREATE, { input, key: `contract-${driver}-${input.number}` })).createCustomerContract).toEqual(contract);
    expect(dataOf(await operator.graphql<{ changeSubscriptionSeats: Sub }>(KEYED_SEATS, seats(cancelled.version, 4))).changeSubscriptionSeats).toEqual(changed);
    expect(dataOf(await operator.graphql<{ renewSubscription: Sub }>(KEYED_RENEW, renew(cancelled.version))).renewSubscription).toEqual(renewed);
    expect(dataOf(await operator.graphql<{ cancelSubscription: Sub }>(KEYED_CANCEL, cancel(cancelled.version))).cancelSubscription).toEqual(cancelled);
    expect(await counts()).toEqual(before);
    expect(await subscriptionRow(start.id)).toMatchObject({ seats: 4, version: cancelled.version });

    // The version is only a precondition: other seats with the same key are still a conflict, and a stale first call is still refused.
    expect(errorOf(await operator.graphql(KEYED_SEATS, seats(cancelled.version, 5))).extensions).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey' });
    const stale = errorOf(await operator.graphql(KEYED_SEATS, { ...seats(start.version, 5), key: `seats-stale-${driver}-${start.id}` }));
    expect(stale.extensions).toMatchObject({ code: 'STALE_CHANGE', field: 'expectedVersion' });
    expect(await counts()).toEqual(before);
  });
});
