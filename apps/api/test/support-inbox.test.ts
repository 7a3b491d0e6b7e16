import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffSetupLink } from '../src/modules/vendor/setup-link.service.js';
import { dataOf, drivers, errorOf, startTestApp, TODAY, type TestApp, type TestClient } from './harness.js';
import { signInDemoOperator, useSetupLink } from './vendor-helpers.js';

const REQUEST_FIELDS = 'id subject status customerId customerName openedBy openedByEmail messageCount closedAt';
const INBOX = `query ($first: Int, $after: String, $filter: SupportInboxFilter, $orderBy: SupportInboxOrder) {
  supportInbox(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${REQUEST_FIELDS} } } }
}`;
const THREAD = `query ($id: UUID!) { inboxSupportRequest(id: $id) { request { ${REQUEST_FIELDS} } messages { author authorName body } } }`;
const REPLY = `mutation ($input: ReplyToSupportRequestInput!) { replyToSupportRequest(input: $input) { request { status messageCount } messages { author body } } }`;
const CLOSE = 'mutation ($id: UUID!) { closeSupportRequest(id: $id) { request { status closedAt } } }';
const REOPEN = 'mutation ($id: UUID!) { reopenSupportRequest(id: $id) { request { status closedAt } } }';
const OPEN = 'mutation ($input: OpenSupportRequestInput!) { openSupportRequest(input: $input) { id } }';
const HOME = '{ adminHome { openSupportRequestCount recentSupportRequests { id subject status replyCount closedAt lastReplyAt } } }';
const WRITE = `mutation ($input: AddSupportMessageInput!) { addSupportMessage(input: $input) { request { id status closedAt replyCount } messages { author authorName body } } }`;
const CUSTOMER_THREAD = 'query ($id: UUID!) { supportRequest(id: $id) { request { id status replyCount } messages { author authorName body } } }';

interface InboxNode {
  id: string;
  subject: string;
  status: string;
  customerId: string;
  customerName: string;
  openedByEmail: string | null;
  messageCount: number;
}
type InboxAnswer = { supportInbox: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: InboxNode }[] } };
type HomeAnswer = { adminHome: { openSupportRequestCount: number; recentSupportRequests: { id: string; subject: string; status: string; replyCount: number; closedAt: string | null }[] } };

describe.each(drivers)('the support inbox (%s)', (driver) => {
  let app: TestApp;
  let operator: TestClient;
  let support: TestClient;
  let kolektor: TestClient;
  let alpine: TestClient;
  let alpineRequest: string;

  const inbox = async (client: TestClient, variables: Record<string, unknown> = {}) => dataOf(await client.graphql<InboxAnswer>(INBOX, variables)).supportInbox;
  const mailsTo = async (email: string) => (await app.outbox.list(500)).filter((message) => message.to === email);

  beforeAll(async () => {
    app = await startTestApp(driver);
    operator = await signInDemoOperator(app);
    const link = await createStaffSetupLink(app.em(), app.config, 'helpdesk@vendor.example', 'SUPPORT' as never);
    support = app.client();
    await useSetupLink(support, link.url, { email: 'helpdesk@vendor.example', firstName: 'Hana', lastName: 'Podpora' });
    kolektor = app.client();
    await kolektor.signIn('admin@example.com');
    alpine = app.client();
    await alpine.signIn('admin@alpine.example');
    alpineRequest = dataOf(await alpine.graphql<{ openSupportRequest: { id: string } }>(OPEN, { input: { subject: 'Alpine cannot download Structa BIM' } })).openSupportRequest.id;
  });
  afterAll(() => app?.close());

  it('lists the requests of every customer, filtered, searched and sorted, page by page', async () => {
    const all = await inbox(support);
    expect(all.totalCount).toBe(4);
    expect(all.edges[0]!.node).toMatchObject({ id: alpineRequest, customerName: 'Alpine Studio GmbH', openedByEmail: 'admin@alpine.example', status: 'OPEN', messageCount: 0 });
    const oldest = await inbox(support, { orderBy: { direction: 'ASC' } });
    expect(oldest.edges.map((edge) => edge.node.id)).toEqual(all.edges.map((edge) => edge.node.id).reverse());
    expect((await inbox(support, { filter: { status: 'CLOSED' } })).edges.map((edge) => edge.node.subject)).toEqual(['Move seats between teams']);
    const alpineOnly = await inbox(support, { filter: { customerId: all.edges[0]!.node.customerId } });
    expect(alpineOnly.totalCount).toBe(1);
    expect((await inbox(support, { filter: { search: 'INVOICE' } })).edges.map((edge) => edge.node.subject)).toEqual(['Invoice for the Structa BIM renewal']);
    expect((await inbox(support, { filter: { search: 'alpine' } })).totalCount).toBe(1);
    const first = await inbox(support, { first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await inbox(support, { first: 3, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(all.edges.map((edge) => edge.node.id));
  });

  it("records opening a request in the customer's audit log, in the request's transaction; a refused subject writes neither", async () => {
    type Log = { auditLog: { edges: { node: { action: string; actorName: string | null; targetId: string; summary: string } }[] } };
    const LOG = 'query ($filter: AuditFilter) { auditLog(first: 10, filter: $filter) { edges { node { action actorName targetId summary } } } }';
    const opened = dataOf(await alpine.graphql<Log>(LOG, { filter: { actions: ['support.open'] } })).auditLog.edges.map((edge) => edge.node);
    expect(opened).toEqual([{ action: 'support.open', actorName: expect.any(String), targetId: alpineRequest, summary: 'Opened the support request "Alpine cannot download Structa BIM"' }]);
    // Another account's log does not show it.
    expect(dataOf(await kolektor.graphql<Log>(LOG, { filter: { actions: ['support.open'] } })).auditLog.edges).toEqual([]);
    const count = async () => Number((await app.sql<{ n: number | string }>("select (select count(*) from support_requests) + (select count(*) from audit_entries where action = 'support.open') as n"))[0]!.n);
    const before = await count();
    expect(errorOf(await alpine.graphql(OPEN, { input: { subject: ' x ' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject' });
    expect(await count()).toBe(before);
  });

  it('lets Support reply and close; the opener gets each reply by mail once, parallel replies included', async () => {
    const replies = ['Which version do you try to download?', 'We have reset your download links.\nPlease try again now.', 'Thank you for waiting.'];
    const answers = await Promise.all(replies.map((body) => support.graphql(REPLY, { input: { requestId: alpineRequest, body } })));
    // Each reply hands the request to the customer: answered, still on the home card's count.
    for (const answer of answers) expect(dataOf(answer as { data: { replyToSupportRequest: { request: { status: string } } } }).replyToSupportRequest.request.status).toBe('ANSWERED');
    expect((await inbox(support, { filter: { status: 'ANSWERED' } })).edges.map((edge) => edge.node.id)).toEqual([alpineRequest]);
    expect(dataOf(await alpine.graphql<HomeAnswer>(HOME)).adminHome.openSupportRequestCount).toBe(1);
    await app.deliverEvents();
    const mails = (await mailsTo('admin@alpine.example')).filter((mail) => mail.subject?.includes('support replied'));
    expect(mails).toHaveLength(3);
    for (const body of replies) expect(mails.filter((mail) => mail.text.includes(body))).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Seatwise support replied: Alpine cannot download Structa BIM');
    expect(mails[0]!.text).toContain(`${app.config.publicUrl}/support/${alpineRequest}`);

    const thread = dataOf(await support.graphql<{ inboxSupportRequest: { request: InboxNode; messages: { author: string; authorName: string; body: string }[] } }>(THREAD, { id: alpineRequest })).inboxSupportRequest;
    expect(thread.request.messageCount).toBe(3);
    expect(thread.messages.map((message) => message.body).sort()).toEqual([...replies].sort());
    expect(thread.messages.every((message) => message.author === 'VENDOR' && message.authorName === 'Hana Podpora')).toBe(true);

    expect(dataOf(await support.graphql<{ closeSupportRequest: { request: { status: string; closedAt: string } } }>(CLOSE, { id: alpineRequest })).closeSupportRequest.request.status).toBe('CLOSED');
    const refused = errorOf(await support.graphql(REPLY, { input: { requestId: alpineRequest, body: 'One more thing' } }));
    expect(refused.extensions).toMatchObject({ code: 'SUPPORT_REQUEST_CLOSED', field: 'input.requestId' });
    const audit = await app.sql<{ action: string }>("select action from vendor_audit_entries where action like 'support.%' order by action");
    expect(audit.map((row) => row.action)).toEqual(['support.close', 'support.reply', 'support.reply', 'support.reply']);
  });

  it('shows the replies and a closed request on the home card, and the thread to its own account only', async () => {
    const home = dataOf(await alpine.graphql<HomeAnswer>(HOME)).adminHome;
    expect(home.openSupportRequestCount).toBe(0);
    expect(home.recentSupportRequests).toEqual([expect.objectContaining({ id: alpineRequest, status: 'CLOSED', replyCount: 3, closedAt: expect.any(String) })]);
    const thread = dataOf(await alpine.graphql<{ supportRequest: { messages: { body: string }[] } }>(CUSTOMER_THREAD, { id: alpineRequest })).supportRequest;
    expect(thread.messages).toHaveLength(3);
    // Kolektor's admin never sees Alpine's request, by id or on the home card.
    expect(errorOf(await kolektor.graphql(CUSTOMER_THREAD, { id: alpineRequest })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    const kolektorHome = dataOf(await kolektor.graphql<HomeAnswer>(HOME)).adminHome;
    expect(kolektorHome.recentSupportRequests.map((request) => request.id)).not.toContain(alpineRequest);
    // The seeded request closed 40 days ago has left the card; the open ones stay.
    expect(kolektorHome.recentSupportRequests.map((request) => request.subject)).toEqual(['Licence server does not hand out Formwork 3D seats', 'Invoice for the Structa BIM renewal']);
  });

  it('reopens, names bad input, and refuses customers and their tokens', async () => {
    expect(dataOf(await operator.graphql<{ reopenSupportRequest: { request: { status: string; closedAt: string | null } } }>(REOPEN, { id: alpineRequest })).reopenSupportRequest.request).toEqual({ status: 'OPEN', closedAt: null });
    expect(errorOf(await support.graphql(REPLY, { input: { requestId: alpineRequest, body: '   ' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    expect(errorOf(await support.graphql(REPLY, { input: { requestId: alpineRequest, body: 'x'.repeat(5001) } })).extensions).toMatchObject({ field: 'input.body' });
    expect(errorOf(await support.graphql(THREAD, { id: '00000000-0000-4000-8000-000000000000' })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    const [{ n }] = (await app.sql<{ n: number }>('select count(*) as n from support_messages where request_id = ?', [alpineRequest])) as [{ n: number }];
    expect(Number(n)).toBe(3);
    expect(errorOf(await kolektor.graphql(INBOX)).extensions).toMatchObject({ code: 'VENDOR_STAFF_ONLY' });
    expect(errorOf(await alpine.graphql(REPLY, { input: { requestId: alpineRequest, body: 'I answer myself' } })).extensions).toMatchObject({ code: 'VENDOR_STAFF_ONLY' });
    const { createApiToken } = dataOf(
      await kolektor.graphql<{ createApiToken: { secret: string } }>('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }', {
        input: { name: 'inbox probe', kind: 'PERSONAL', scopes: ['READ_SUBSCRIPTIONS', 'WRITE_SUBSCRIPTIONS'] },
      }),
    );
    const token = app.client({ token: createApiToken.secret });
    expect((await token.graphql(INBOX)).data ?? null).toBeNull();
    expect(errorOf(await app.client().graphql(INBOX)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("lets the opener and the account's admins write in the thread: a closed request opens again, audited, and Support sees it", async () => {
    dataOf(await operator.graphql(CLOSE, { id: alpineRequest }));
    // The test clock stands still; an hour on, the customer's messages come after support's.
    app.setNow(new Date(TODAY.getTime() + 3_600_000));
    type Written = { addSupportMessage: { request: { status: string; closedAt: string | null }; messages: { author: string; authorName: string | null; body: string }[] } };
    const written = dataOf(await alpine.graphql<Written>(WRITE, { input: { requestId: alpineRequest, body: '  Still failing on the\r\nsecond computer.  ' } })).addSupportMessage;
    expect(written.request).toEqual({ id: alpineRequest, status: 'OPEN', closedAt: null, replyCount: 3 });
    expect(written.messages.at(-1)).toMatchObject({ author: 'CUSTOMER', body: 'Still failing on the\nsecond computer.' });
    // Support sees it at the top of the inbox, open again, in the thread.
    expect((await inbox(support, { filter: { status: 'OPEN' } })).edges[0]!.node).toMatchObject({ id: alpineRequest, status: 'OPEN', messageCount: 4 });
    const seen = dataOf(await support.graphql<{ inboxSupportRequest: { messages: { author: string; body: string }[] } }>(THREAD, { id: alpineRequest })).inboxSupportRequest;
    expect(seen.messages.at(-1)).toMatchObject({ author: 'CUSTOMER', body: 'Still failing on the\nsecond computer.' });
    // Support answers; the customer's next message makes it support's turn again, open; each is one entry of the customer's audit log.
    app.setNow(new Date(TODAY.getTime() + 5_400_000));
    expect(dataOf(await support.graphql<{ replyToSupportRequest: { request: { status: string } } }>(REPLY, { input: { requestId: alpineRequest, body: 'Which computer?' } })).replyToSupportRequest.request.status).toBe('ANSWERED');
    app.setNow(new Date(TODAY.getTime() + 7_200_000));
    expect(dataOf(await alpine.graphql<Written>(WRITE, { input: { requestId: alpineRequest, body: 'And on the third.' } })).addSupportMessage.request.status).toBe('OPEN');
    const audit = await app.sql<{ action: string; target_id: string; email: string }>(
      `select e.action, e.target_id, u.email from audit_entries e join users u on u.id = e.actor_id where e.target_type = 'support_request' order by e.created_at, e.action desc`,
    );
    expect(audit).toEqual([
      { action: 'support.open', target_id: alpineRequest, email: 'admin@alpine.example' },
      { action: 'support.message.reopen', target_id: alpineRequest, email: 'admin@alpine.example' },
      { action: 'support.message', target_id: alpineRequest, email: 'admin@alpine.example' },
    ]);

    // Another admin of the account may write; a plain user only in a request they opened.
    const kolektorRequest = dataOf(await kolektor.graphql<{ openSupportRequest: { id: string } }>(OPEN, { input: { subject: 'Seats of the new office' } })).openSupportRequest.id;
    const maja = app.client();
    dataOf(await maja.signIn('maja.horvat@kolektor-gradnje.si'));
    expect(dataOf(await maja.graphql<Written>(WRITE, { input: { requestId: kolektorRequest, body: 'Twelve seats, please.' } })).addSupportMessage.messages.at(-1)).toMatchObject({
      author: 'CUSTOMER',
      authorName: 'Maja Horvat',
    });
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect(errorOf(await user.graphql(WRITE, { input: { requestId: kolektorRequest, body: 'Me too.' } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    await app.sql("update support_requests set opened_by_id = (select id from users where email = 'user@example.com') where id = ?", [kolektorRequest]);
    expect(dataOf(await user.graphql<Written>(WRITE, { input: { requestId: kolektorRequest, body: 'Me too.' } })).addSupportMessage.messages).toHaveLength(2);

    // Another account's request is not found; bad input is named; neither writes anything.
    const before = await app.sql('select id from support_messages');
    expect(errorOf(await kolektor.graphql(WRITE, { input: { requestId: alpineRequest, body: 'Hello' } })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.requestId' });
    expect(errorOf(await alpine.graphql(WRITE, { input: { requestId: alpineRequest, body: ' \n ' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    expect(errorOf(await alpine.graphql(WRITE, { input: { requestId: alpineRequest, body: 'x'.repeat(5001) } })).extensions).toMatchObject({ field: 'input.body' });
    expect(await app.sql('select id from support_messages')).toHaveLength(before.length);
    app.setNow(TODAY);
  });

  it('opens a request with its category and description, and lists the account’s requests filtered and paged, its own only', async () => {
    type Opened = { openSupportRequest: { id: string; status: string; category: string } };
    const OPEN_FULL = 'mutation ($input: OpenSupportRequestInput!) { openSupportRequest(input: $input) { id status category } }';
    const LIST = `query ($first: Int, $after: String, $filter: SupportRequestsFilter) {
      supportRequests(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id subject status category } } }
    }`;
    type Listed = { supportRequests: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; subject: string; status: string; category: string } }[] } };
    const list = async (client: TestClient, variables: Record<string, unknown> = {}) => dataOf(await client.graphql<Listed>(LIST, variables)).supportRequests;

    app.setNow(new Date(TODAY.getTime() + 10_800_000));
    const opened = dataOf(
      await kolektor.graphql<Opened>(OPEN_FULL, { input: { subject: 'Activation fails offline', category: 'LICENSING', description: '  The site office has no internet.\r\nHow do we activate?  ' } }),
    ).openSupportRequest;
    expect(opened).toMatchObject({ status: 'OPEN', category: 'LICENSING' });
    const thread = dataOf(await kolektor.graphql<{ supportRequest: { messages: { author: string; authorName: string; body: string }[] } }>(CUSTOMER_THREAD, { id: opened.id })).supportRequest;
    expect(thread.messages).toEqual([{ author: 'CUSTOMER', authorName: expect.any(String), body: 'The site office has no internet.\nHow do we activate?' }]);
    // Support sees the category and the description.
    const inboxThread = dataOf(await support.graphql<{ inboxSupportRequest: { messages: { body: string }[] } }>(THREAD, { id: opened.id })).inboxSupportRequest;
    expect(inboxThread.messages.map((message) => message.body)).toEqual(['The site office has no internet.\nHow do we activate?']);
    expect((await inbox(support, { filter: { category: 'LICENSING' } })).edges.map((edge) => edge.node.id)).toContain(opened.id);

    // Kolektor's list: every request of its own, latest activity first; none of Alpine's.
    const all = await list(kolektor);
    expect(all.edges[0]!.node).toMatchObject({ id: opened.id, subject: 'Activation fails offline', status: 'OPEN', category: 'LICENSING' });
    expect(all.edges.map((edge) => edge.node.subject)).toContain('Move seats between teams');
    expect(all.edges.map((edge) => edge.node.id)).not.toContain(alpineRequest);
    expect(all.totalCount).toBe(all.edges.length);
    expect((await list(kolektor, { filter: { status: ['CLOSED'] } })).edges.map((edge) => edge.node.subject)).toEqual(['Move seats between teams']);
    expect((await list(kolektor, { filter: { category: 'BILLING' } })).edges.map((edge) => edge.node.subject)).toEqual(['Invoice for the Structa BIM renewal']);
    expect((await list(kolektor, { filter: { search: 'ACTIVATION' } })).totalCount).toBe(1);
    expect((await list(kolektor, { filter: { status: ['OPEN', 'ANSWERED'] } })).totalCount).toBe(all.totalCount - 1);
    const first = await list(kolektor, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list(kolektor, { first: 100, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(all.edges.map((edge) => edge.node.id));
    expect((await list(alpine)).edges.map((edge) => edge.node.id)).toEqual([alpineRequest]);

    // A description too long is named and writes nothing; a plain user cannot list.
    const before = await app.sql('select id from support_requests');
    const tooLong = errorOf(await kolektor.graphql(OPEN_FULL, { input: { subject: 'Long one', description: 'x'.repeat(5001) } }));
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.description' });
    expect(await app.sql('select id from support_requests')).toHaveLength(before.length);
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect(errorOf(await user.graphql(LIST)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    app.setNow(TODAY);
  });
});
