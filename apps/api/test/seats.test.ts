import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { accountId, addMembers, addSubscription, userId } from './fixtures/accounts.js';
import { startSecondProcess, type SecondProcess } from './second-process.js';

const ASSIGN = `mutation Assign($input: AssignSeatInput!) { assignSeat(input: $input) { id userId subscription { id seats assigned available } } }`;
const UNASSIGN = `mutation Unassign($input: UnassignSeatInput!) { unassignSeat(input: $input) { id assigned available } }`;
const BULK = `mutation Bulk($input: BulkAssignSeatsInput!) { bulkAssignSeats(input: $input) { assigned alreadyAssigned subscription { assigned available } } }`;
const USER_SEATS = `query Seats($userId: UUID!) { userSeats(userId: $userId) { id subscription { id name } } }`;
const ASSIGNABLE = `query { assignableSubscriptions { id name seats assigned available endsOn productNames } }`;

type AssignResult = { assignSeat: { id: string } };

/** Fires every assignment at once over HTTP, spread over the given clients; returns the answers. */
async function fireAssignments(clients: TestClient[], subscriptionId: string, userIds: string[]) {
  return Promise.all(userIds.map((id, index) => clients[index % clients.length]!.graphql<AssignResult>(ASSIGN, { input: { userId: id, subscriptionId } })));
}

async function seatsHeld(app: TestApp, subscriptionId: string) {
  const [row] = await app.sql<{ total: number | string }>('select count(*) as total from seat_assignments where subscription_id = ?', [subscriptionId]);
  return Number(row!.total);
}

describe.each(drivers)('seats F-44 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let account: string;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    account = await accountId(app);
  });
  afterAll(() => app?.close());

  it('200 concurrent assignments at a 10-seat subscription give exactly 10 seats', async () => {
    const subscriptionId = await addSubscription(app, account, 'Race Ten', 10);
    const people = await addMembers(app, account, 200, 'race');
    const answers = await fireAssignments([admin], subscriptionId, people);
    const ok = answers.filter((answer) => !answer.errors);
    expect(ok).toHaveLength(10);
    const codes = new Set(answers.filter((answer) => answer.errors).map((answer) => errorOf(answer).extensions?.code));
    expect([...codes]).toEqual(['SEAT_LIMIT_REACHED']);
    expect(await seatsHeld(app, subscriptionId)).toBe(10);
    const [audited] = await app.sql<{ total: number | string }>(
      "select count(*) as total from audit_entries where action = 'seat.assign' and cast(after as text) like ?",
      [`%${subscriptionId}%`],
    );
    expect(Number(audited!.total)).toBe(10);
  });

  it('assigns, lists, refuses a second seat of the same subscription, and unassigns', async () => {
    const subscriptionId = await addSubscription(app, account, 'Small Two', 2);
    const [first] = await addMembers(app, account, 1, 'single');
    const seat = dataOf(await admin.graphql<AssignResult & { assignSeat: { subscription: { available: number } } }>(ASSIGN, { input: { userId: first, subscriptionId } })).assignSeat;
    expect(seat.subscription.available).toBe(1);
    const again = errorOf(await admin.graphql(ASSIGN, { input: { userId: first, subscriptionId } }));
    expect(again.extensions).toEqual({ code: 'SEAT_ALREADY_ASSIGNED', field: 'userId' });
    const seats = dataOf(await admin.graphql<{ userSeats: { id: string; subscription: { name: string } }[] }>(USER_SEATS, { userId: first })).userSeats;
    expect(seats.map((s) => s.subscription.name)).toEqual(['Small Two']);
    const freed = dataOf(await admin.graphql<{ unassignSeat: { available: number } }>(UNASSIGN, { input: { assignmentId: seat.id } })).unassignSeat;
    expect(freed.available).toBe(2);
    expect(errorOf(await admin.graphql(UNASSIGN, { input: { assignmentId: seat.id } })).extensions?.code).toBe('NOT_FOUND');
    const [audit] = await app.sql<{ before: unknown }>("select before from audit_entries where action = 'seat.unassign' and target_id = ?", [first]);
    expect(JSON.stringify(audit!.before)).toContain(subscriptionId);
  });

  it('bulk assigns all or none', async () => {
    const subscriptionId = await addSubscription(app, account, 'Bulk Three', 3);
    const people = await addMembers(app, account, 4, 'bulk');
    const refused = errorOf(await admin.graphql(BULK, { input: { userIds: people, subscriptionId } }));
    expect(refused.extensions).toEqual({ code: 'SEAT_LIMIT_REACHED', field: 'subscriptionId' });
    expect(refused.message).toContain('Only 3 seats');
    expect(await seatsHeld(app, subscriptionId)).toBe(0);
    const done = dataOf(await admin.graphql<{ bulkAssignSeats: { assigned: number; alreadyAssigned: number; subscription: { available: number } } }>(BULK, { input: { userIds: people.slice(0, 3), subscriptionId } }));
    expect(done.bulkAssignSeats).toEqual({ assigned: 3, alreadyAssigned: 0, subscription: { assigned: 3, available: 0 } });
  });

  it('refuses cancelled or expired subscriptions, unknown users and other accounts', async () => {
    const someone = await userId(app, 'user@example.com');
    const [cancelled] = await app.sql<{ id: string }>("select id from subscriptions where name = 'Vault Docs'");
    expect(errorOf(await admin.graphql(ASSIGN, { input: { userId: someone, subscriptionId: cancelled!.id } })).extensions?.code).toBe('SUBSCRIPTION_NOT_ASSIGNABLE');
    const [expired] = await app.sql<{ id: string }>("select id from subscriptions where name = 'Sheet Metal Pro'");
    expect(errorOf(await admin.graphql(ASSIGN, { input: { userId: someone, subscriptionId: expired!.id } })).message).toContain('expired');
    const [foreign] = await app.sql<{ id: string }>("select s.id from subscriptions s join accounts a on a.id = s.account_id where a.name <> 'Kolektor Gradnje d.o.o.'");
    expect(errorOf(await admin.graphql(ASSIGN, { input: { userId: someone, subscriptionId: foreign!.id } })).extensions).toEqual({ code: 'NOT_FOUND', field: 'subscriptionId' });
    const otherAdmin = await userId(app, 'admin@alpine.example');
    const mine = await addSubscription(app, account, 'Mine One', 1);
    expect(errorOf(await admin.graphql(ASSIGN, { input: { userId: otherAdmin, subscriptionId: mine } })).extensions).toEqual({ code: 'NOT_FOUND', field: 'userId' });
    const list = dataOf(await admin.graphql<{ assignableSubscriptions: { name: string }[] }>(ASSIGNABLE)).assignableSubscriptions;
    expect(list.map((s) => s.name)).not.toContain('Vault Docs');
    expect(list.map((s) => s.name)).toContain('Drafter');
  });

  it('a plain user cannot assign', async () => {
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect(errorOf(await user.graphql(ASSIGNABLE)).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('seats across two API processes (postgresql)', () => {
  let app: TestApp;
  let admin: TestClient;
  let account: string;

  beforeAll(async () => {
    app = await startTestApp('postgresql');
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    account = await accountId(app);
  });
  afterAll(() => app?.close());

  it('holds the ceiling with two API processes sharing the database', async () => {
    const second: SecondProcess = await startSecondProcess(app.databaseUrl, app.dataDir);
    try {
      const other = createClient(second.url);
      dataOf(await other.signIn('admin@example.com'));
      const subscriptionId = await addSubscription(app, account, 'Race Two Processes', 10);
      const people = await addMembers(app, account, 200, 'race2');
      const answers = await fireAssignments([admin, other], subscriptionId, people);
      expect(answers.filter((answer) => !answer.errors)).toHaveLength(10);
      // Both processes answered (half the requests each), and refused the rest for the same reason.
      const refusals = answers.filter((answer, index) => answer.errors && index % 2 === 1);
      expect(refusals.length).toBeGreaterThan(0);
      expect(new Set(answers.filter((a) => a.errors).map((a) => errorOf(a).extensions?.code))).toEqual(new Set(['SEAT_LIMIT_REACHED']));
      expect(await seatsHeld(app, subscriptionId)).toBe(10);
    } finally {
      await second.stop();
    }
  }, 120_000);

});
