import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { accountId, addMembers, addSubscription, userId } from './fixtures/accounts.js';

const OUTCOMES = 'actionId done refused outcomes { userId done changed code message }';
const BULK_UNASSIGN = `mutation U($input: BulkUnassignProductInput!) { bulkUnassignProduct(input: $input) { ${OUTCOMES} } }`;
const BULK_REMOVE = `mutation R($input: BulkUsersInput!) { bulkRemoveUsers(input: $input) { ${OUTCOMES} } }`;
const BULK_ROLE = `mutation C($input: BulkChangeRoleInput!) { bulkChangeRole(input: $input) { ${OUTCOMES} } }`;
const BULK_RESEND = `mutation S($input: BulkUsersInput!) { bulkResendInvitations(input: $input) { ${OUTCOMES} } }`;
const UNDO = `mutation Undo($input: UndoSeatChangeInput!) { undoSeatChange(input: $input) { actionId restored { id event reason userId seatId subscriptionName restoresId: id } } }`;
const LEDGER = `query L($first: Int, $after: String, $filter: SeatLedgerFilter) {
  seatLedger(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id actionId event reason userId email subscriptionName seatId role actorKind actorId tokenId undoneAt undoableUntil } }
  }
}`;
const ASSIGN = `mutation Assign($input: AssignSeatInput!) { assignSeat(input: $input) { id } }`;
const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;

interface Outcome { userId: string; done: boolean; changed: number; code: string | null; message: string | null }
interface BulkResult { actionId: string | null; done: number; refused: number; outcomes: Outcome[] }
interface LedgerNode { id: string; actionId: string; event: string; reason: string; userId: string | null; email: string | null; subscriptionName: string | null; seatId: string | null; role: string | null; actorKind: string; actorId: string | null; undoneAt: string | null; undoableUntil: string | null }

describe.each(drivers)('bulk actions on people, the seat ledger and undo (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let secondary: TestClient;
  let account: string;
  let primaryId: string;
  let secondaryId: string;
  let productId: string;

  const seatsOf = async (subscriptionId: string) =>
    app.sql<{ id: string; user_id: string }>('select id, user_id from seat_assignments where subscription_id = ? order by user_id', [subscriptionId]);
  const assign = async (userIds: string[], subscriptionId: string) => {
    for (const id of userIds) dataOf(await admin.graphql(ASSIGN, { input: { userId: id, subscriptionId } }));
  };
  const ledger = async (filter: Record<string, unknown>, client = admin) =>
    dataOf(await client.graphql<{ seatLedger: { totalCount: number; edges: { node: LedgerNode }[] } }>(LEDGER, { filter, first: 100 })).seatLedger;

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    secondary = app.client();
    dataOf(await secondary.signIn('maja.horvat@kolektor-gradnje.si'));
    account = await accountId(app);
    primaryId = await userId(app, 'admin@example.com');
    secondaryId = await userId(app, 'maja.horvat@kolektor-gradnje.si');
    const [product] = await app.sql<{ id: string }>("select id from products where code = 'DRF'");
    productId = product!.id;
  });
  afterAll(() => app?.close());

  it('unassigns a product from selected people in one go, one outcome and one audit entry each, and undo gives the same seats back', async () => {
    const subscriptionId = await addSubscription(app, account, 'Bulk Drafter', 3);
    const people = await addMembers(app, account, 4, 'bulk-unassign');
    await assign(people.slice(0, 3), subscriptionId);
    const before = await seatsOf(subscriptionId);

    const result = dataOf(await admin.graphql<{ bulkUnassignProduct: BulkResult }>(BULK_UNASSIGN, { input: { userIds: people, productId } })).bulkUnassignProduct;
    expect(result).toMatchObject({ done: 3, refused: 1 });
    expect(result.outcomes.map((outcome) => outcome.userId)).toEqual(people);
    expect(result.outcomes[3]).toMatchObject({ done: false, code: 'NOTHING_TO_DO', message: expect.stringContaining('no seat of') });
    expect(await seatsOf(subscriptionId)).toEqual([]);
    const audits = await app.sql<{ target_id: string }>("select target_id from audit_entries where action = 'seat.unassign' and target_id in (?, ?, ?, ?)", people);
    expect(audits.map((row) => row.target_id).sort()).toEqual(people.slice(0, 3).sort());

    const entries = (await ledger({ actionId: result.actionId })).edges.map((edge) => edge.node);
    expect(entries).toHaveLength(3);
    expect(entries.every((entry) => entry.event === 'UNASSIGN' && entry.reason === 'UNASSIGN' && entry.actorKind === 'PERSON' && entry.actorId === primaryId)).toBe(true);
    expect(entries.every((entry) => entry.undoableUntil !== null && entry.email?.startsWith('bulk-unassign-'))).toBe(true);

    const undone = dataOf(await admin.graphql<{ undoSeatChange: { restored: LedgerNode[] } }>(UNDO, { input: { actionId: result.actionId } })).undoSeatChange;
    expect(undone.restored.map((entry) => entry.event)).toEqual(['RESTORE', 'RESTORE', 'RESTORE']);
    // The same seats: the same assignment ids, for the same people.
    expect(await seatsOf(subscriptionId)).toEqual(before);
    expect(errorOf(await admin.graphql(UNDO, { input: { actionId: result.actionId } })).extensions).toEqual({ code: 'ALREADY_UNDONE', field: 'actionId' });
    const restoredAudits = await app.sql("select id from audit_entries where action = 'seat.restore' and target_id in (?, ?, ?)", people.slice(0, 3));
    expect(restoredAudits).toHaveLength(3);
  });

  it('removes selected people but never the primary admin or yourself, and undo brings them back with role, team and seats', async () => {
    const subscriptionId = await addSubscription(app, account, 'Bulk Removal', 2);
    const [leaver, admin2] = await addMembers(app, account, 2, 'bulk-remove');
    await app.sql("update memberships set role = 'SECONDARY_ADMIN' where user_id = ?", [admin2]);
    const [team] = await app.sql<{ id: string }>("select id from teams where name = 'Uprava'");
    await app.sql('update memberships set team_id = ? where user_id = ?', [team!.id, leaver]);
    await assign([leaver!, admin2!], subscriptionId);
    const before = await seatsOf(subscriptionId);

    const result = dataOf(await secondary.graphql<{ bulkRemoveUsers: BulkResult }>(BULK_REMOVE, { input: { userIds: [leaver, admin2, primaryId, secondaryId] } })).bulkRemoveUsers;
    expect(result).toMatchObject({ done: 2, refused: 2 });
    expect(result.outcomes[2]).toMatchObject({ userId: primaryId, done: false, code: 'FORBIDDEN', message: expect.stringContaining('primary admin cannot be removed') });
    expect(result.outcomes[3]).toMatchObject({ userId: secondaryId, done: false, code: 'BAD_USER_INPUT' });
    const statuses = await app.sql<{ user_id: string; status: string }>('select user_id, status from memberships where user_id in (?, ?, ?)', [leaver, admin2, primaryId]);
    expect(Object.fromEntries(statuses.map((row) => [row.user_id, row.status]))).toEqual({ [leaver!]: 'INACTIVE', [admin2!]: 'INACTIVE', [primaryId]: 'ACTIVE' });
    expect(await seatsOf(subscriptionId)).toEqual([]);
    const entries = (await ledger({ actionId: result.actionId })).edges.map((edge) => edge.node);
    expect(entries.filter((entry) => entry.event === 'MEMBER_REMOVE').map((entry) => entry.role).sort()).toEqual(['SECONDARY_ADMIN', 'USER']);
    expect(entries.filter((entry) => entry.event === 'UNASSIGN')).toHaveLength(2);

    // One seat alone cannot come back while its person is still removed.
    const seatEntry = entries.find((entry) => entry.event === 'UNASSIGN')!;
    expect(errorOf(await admin.graphql(UNDO, { input: { entryId: seatEntry.id } })).extensions).toEqual({ code: 'UNDO_REMOVAL_FIRST', field: 'entryId' });

    dataOf(await admin.graphql(UNDO, { input: { actionId: result.actionId } }));
    const back = await app.sql<{ user_id: string; status: string; role: string; team_id: string | null }>(
      'select user_id, status, role, team_id from memberships where user_id in (?, ?) order by user_id',
      [leaver, admin2],
    );
    expect(Object.fromEntries(back.map((row) => [row.user_id, [row.status, row.role, row.team_id]]))).toEqual({
      [leaver!]: ['ACTIVE', 'USER', team!.id],
      [admin2!]: ['ACTIVE', 'SECONDARY_ADMIN', null],
    });
    expect(await seatsOf(subscriptionId)).toEqual(before);
  });

  it('an undo whose seat was taken meanwhile names it and restores nothing', async () => {
    const subscriptionId = await addSubscription(app, account, 'Taken Seat', 1);
    const [first, second] = await addMembers(app, account, 2, 'taken');
    await assign([first!], subscriptionId);
    const result = dataOf(await admin.graphql<{ bulkUnassignProduct: BulkResult }>(BULK_UNASSIGN, { input: { userIds: [first], productId } })).bulkUnassignProduct;
    await assign([second!], subscriptionId);
    const error = errorOf(await admin.graphql(UNDO, { input: { actionId: result.actionId } }));
    expect(error.extensions).toEqual({ code: 'SEAT_TAKEN', field: 'actionId' });
    expect(error.message).toContain('Taken Seat');
    expect((await seatsOf(subscriptionId)).map((row) => row.user_id)).toEqual([second]);
    // Nothing was claimed: once the seat is free again, the undo works.
    const [held] = await seatsOf(subscriptionId);
    dataOf(await admin.graphql(`mutation { unassignSeat(input: { assignmentId: "${held!.id}" }) { id } }`));
    dataOf(await admin.graphql(UNDO, { input: { actionId: result.actionId } }));
    expect((await seatsOf(subscriptionId)).map((row) => row.user_id)).toEqual([first]);
  });

  it('two parallel undos of the same action restore once', async () => {
    const subscriptionId = await addSubscription(app, account, 'Parallel Undo', 5);
    const people = await addMembers(app, account, 3, 'parallel-undo');
    await assign(people, subscriptionId);
    const result = dataOf(await admin.graphql<{ bulkUnassignProduct: BulkResult }>(BULK_UNASSIGN, { input: { userIds: people, productId } })).bulkUnassignProduct;
    const answers = await Promise.all([
      admin.graphql(UNDO, { input: { actionId: result.actionId } }),
      secondary.graphql(UNDO, { input: { actionId: result.actionId } }),
      admin.graphql(UNDO, { input: { actionId: result.actionId } }),
    ]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors).map((answer) => errorOf(answer).extensions?.code)).toEqual(['ALREADY_UNDONE', 'ALREADY_UNDONE']);
    expect(await seatsOf(subscriptionId)).toHaveLength(3);
    const restores = await app.sql("select id from seat_ledger where event = 'RESTORE' and subscription_id = ?", [subscriptionId]);
    expect(restores).toHaveLength(3);
  });

  it('an undo racing an assign of the last free seat never over-assigns', async () => {
    for (let round = 0; round < 4; round += 1) {
      const subscriptionId = await addSubscription(app, account, `Race Undo ${round}`, 1);
      const [holder, newcomer] = await addMembers(app, account, 2, `race-undo-${round}`);
      await assign([holder!], subscriptionId);
      const result = dataOf(await admin.graphql<{ bulkUnassignProduct: BulkResult }>(BULK_UNASSIGN, { input: { userIds: [holder], productId } })).bulkUnassignProduct;
      const [undo, assigned] = await Promise.all([
        admin.graphql(UNDO, { input: { actionId: result.actionId } }),
        secondary.graphql(ASSIGN, { input: { userId: newcomer, subscriptionId } }),
      ]);
      expect([undo, assigned].filter((answer) => !answer.errors)).toHaveLength(1);
      const loser = [undo, assigned].find((answer) => answer.errors)!;
      expect(['SEAT_TAKEN', 'SEAT_LIMIT_REACHED']).toContain(errorOf(loser).extensions?.code);
      expect(await seatsOf(subscriptionId)).toHaveLength(1);
    }
  });

  it('changes the role of selected people with the single rules: never to or from the primary admin', async () => {
    const people = await addMembers(app, account, 2, 'bulk-role');
    const result = dataOf(await admin.graphql<{ bulkChangeRole: BulkResult }>(BULK_ROLE, { input: { userIds: [...people, primaryId], role: 'SECONDARY_ADMIN' } })).bulkChangeRole;
    expect(result).toMatchObject({ done: 2, refused: 1, actionId: null });
    expect(result.outcomes[2]).toMatchObject({ userId: primaryId, code: 'FORBIDDEN' });
    const roles = await app.sql<{ role: string }>('select role from memberships where user_id in (?, ?)', people);
    expect(roles.map((row) => row.role)).toEqual(['SECONDARY_ADMIN', 'SECONDARY_ADMIN']);
    expect(await app.sql("select id from audit_entries where action = 'user.role.change' and target_id in (?, ?)", people)).toHaveLength(2);
    expect(errorOf(await admin.graphql(BULK_ROLE, { input: { userIds: people, role: 'PRIMARY_ADMIN' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(errorOf(await admin.graphql(BULK_ROLE, { input: { userIds: [], role: 'USER' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'userIds' });
  });

  it('resends the invitations of selected invited people; an active person has none', async () => {
    const invited = dataOf(await admin.graphql<{ inviteUser: { id: string } }>(INVITE, { input: { email: 'bulk-resend@test.example', firstName: 'Re', lastName: 'Send' } }));
    expect(invited.inviteUser.id).toBeTruthy();
    const invitee = await userId(app, 'bulk-resend@test.example');
    const [active] = await addMembers(app, account, 1, 'bulk-resend-active');
    const [before] = await app.sql<{ token_hash: string }>("select token_hash from invitations where email = 'bulk-resend@test.example'");
    const result = dataOf(await admin.graphql<{ bulkResendInvitations: BulkResult }>(BULK_RESEND, { input: { userIds: [invitee, active] } })).bulkResendInvitations;
    expect(result.outcomes.map((outcome) => [outcome.done, outcome.code])).toEqual([[true, null], [false, 'NOTHING_TO_DO']]);
    const [after] = await app.sql<{ token_hash: string }>("select token_hash from invitations where email = 'bulk-resend@test.example'");
    expect(after!.token_hash).not.toBe(before!.token_hash);
  });

  it('records every path that changes seats, pages the ledger and keeps it from users and other accounts', async () => {
    const subscriptionId = await addSubscription(app, account, 'Ledger Paths', 3);
    const [person] = await addMembers(app, account, 1, 'ledger-paths');
    await assign([person!], subscriptionId);
    const [seat] = await seatsOf(subscriptionId);
    dataOf(await admin.graphql(`mutation { unassignSeat(input: { assignmentId: "${seat!.id}" }) { id } }`));
    // The test clock stands still, so both entries have the same moment: compared as a set.
    const events = (await ledger({ userId: person })).edges.map((edge) => `${edge.node.event}/${edge.node.reason}`);
    expect(events.sort()).toEqual(['ASSIGN/ASSIGN', 'UNASSIGN/UNASSIGN']);

    const firstPage = dataOf(await admin.graphql<{ seatLedger: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: LedgerNode }[] } }>(LEDGER, { first: 2 })).seatLedger;
    expect(firstPage.edges).toHaveLength(2);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(await admin.graphql<{ seatLedger: { edges: { node: LedgerNode }[] } }>(LEDGER, { first: 2, after: firstPage.pageInfo.endCursor })).seatLedger;
    expect(next.edges.map((edge) => edge.node.id)).not.toContain(firstPage.edges[0]!.node.id);

    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect(errorOf(await user.graphql(LEDGER, {})).extensions?.code).toBe('FORBIDDEN');
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    const theirs = (await ledger({}, other)).edges.map((edge) => edge.node.id);
    expect(theirs).not.toContain(firstPage.edges[0]!.node.id);
    const entry = (await ledger({ userId: person })).edges.find((edge) => edge.node.event === 'UNASSIGN')!.node;
    expect(errorOf(await other.graphql(UNDO, { input: { entryId: entry.id } })).extensions).toEqual({ code: 'NOT_FOUND', field: 'entryId' });
    expect(errorOf(await admin.graphql(UNDO, { input: {} })).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an undo after the window is refused, and an assignment cannot be undone', async () => {
    const subscriptionId = await addSubscription(app, account, 'Late Undo', 1);
    const [person] = await addMembers(app, account, 1, 'late-undo');
    await assign([person!], subscriptionId);
    const assignEntry = (await ledger({ userId: person })).edges.find((edge) => edge.node.event === 'ASSIGN')!.node;
    expect(errorOf(await admin.graphql(UNDO, { input: { entryId: assignEntry.id } })).extensions).toEqual({ code: 'NOT_UNDOABLE', field: 'entryId' });
    const result = dataOf(await admin.graphql<{ bulkUnassignProduct: BulkResult }>(BULK_UNASSIGN, { input: { userIds: [person], productId } })).bulkUnassignProduct;
    app.setNow(new Date(TODAY.getTime() + 15 * 86_400_000));
    try {
      expect(errorOf(await admin.graphql(UNDO, { input: { actionId: result.actionId } })).extensions).toEqual({ code: 'UNDO_EXPIRED', field: 'actionId' });
    } finally {
      app.setNow(TODAY);
    }
    expect(await seatsOf(subscriptionId)).toEqual([]);
  });
});
