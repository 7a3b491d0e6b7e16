import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { accountId, addSubscription } from './fixtures/accounts.js';

const PREVIEW = `mutation Preview($input: UserImportInput!) { previewUserImport(input: $input) { committed created updated unchanged errors rows { line email status field message reason detail } } }`;
const IMPORT = `mutation Import($input: UserImportInput!) { importUsers(input: $input) { committed created updated unchanged errors rows { line email status field message } } }`;
const TEMPLATE = `query { userImportTemplate }`;
const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;

interface Report {
  committed: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  rows: { line: number; email: string; status: string; field: string | null; message: string | null; reason?: string | null; detail?: string | null }[];
}

describe.each(drivers)('CSV import F-43 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let account: string;

  const preview = async (csv: string) => dataOf(await admin.graphql<{ previewUserImport: Report }>(PREVIEW, { input: { csv } })).previewUserImport;
  const commit = async (csv: string) => dataOf(await admin.graphql<{ importUsers: Report }>(IMPORT, { input: { csv, sendInvitations: false } })).importUsers;
  const countUsers = async () => Number((await app.sql<{ n: number | string }>('select count(*) as n from users'))[0]!.n);

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    account = await accountId(app);
  });
  afterAll(() => app?.close());

  it('previews the template without writing, then imports it; the same file again changes nothing', async () => {
    const template = dataOf(await admin.graphql<{ userImportTemplate: string }>(TEMPLATE)).userImportTemplate;
    expect(template.split('\r\n')[0]).toBe('email,first name,last name,role,team,products');
    const before = await countUsers();
    const seen = await preview(template);
    expect(seen).toMatchObject({ committed: false, created: 2, errors: 0 });
    expect(await countUsers()).toBe(before);
    const done = await commit(template);
    expect(done).toMatchObject({ committed: true, created: 2, updated: 0, errors: 0 });
    expect(await countUsers()).toBe(before + 2);
    const [seats] = await app.sql<{ n: number | string }>("select count(*) as n from seat_assignments sa join users u on u.id = sa.user_id where u.email = 'marko.kos@example.com'");
    expect(Number(seats!.n)).toBe(2);
    const again = await commit(template);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 0 });
    expect(await countUsers()).toBe(before + 2);
  });

  it("reads BOM, semicolons, quotes, CRLF and Autodesk Account's three-column template", async () => {
    const european = '\uFEFFE-mail;First Name;Last Name;Team\r\n"semi@test.example";"Ana; Marija";Kos;Uprava\r\n';
    const result = await preview(european);
    expect(result.rows).toEqual([{ line: 2, email: 'semi@test.example', status: 'CREATE', field: null, message: null, reason: null, detail: null }]);
    const autodesk = 'First Name,Last Name,Email\n"Peter","O\'Brien, Jr.",peter@test.example\nMaja,Horvat,maja.horvat@kolektor-gradnje.si\n';
    const rows = (await preview(autodesk)).rows;
    expect(rows.map((row) => [row.email, row.status])).toEqual([
      ['peter@test.example', 'CREATE'],
      ['maja.horvat@kolektor-gradnje.si', 'UNCHANGED'],
    ]);
  });

  it('reports every bad row with its reason, and commits only the valid ones', async () => {
    await addSubscription(app, account, 'Only One Seat', 1, 'MOT');
    const csv = [
      'email,first name,last name,role,team,products',
      'not-an-email,A,B,,,',
      'dup@test.example,Dup,One,,,',
      'DUP@test.example,Dup,Two,,,',
      'team@test.example,T,T,,No Such Team,',
      'product@test.example,P,P,,,No Such Product',
      'seat1@test.example,S,One,,,Only One Seat',
      'seat2@test.example,S,Two,,,Only One Seat',
      'role@test.example,R,R,Primary admin,,',
      'noname@test.example,,X,,,',
    ].join('\n');
    const result = await preview(csv);
    expect(result.rows.map((row) => [row.line, row.status, row.field])).toEqual([
      [2, 'ERROR', 'email'],
      [3, 'CREATE', null],
      [4, 'ERROR', 'email'],
      [5, 'ERROR', 'team'],
      [6, 'ERROR', 'products'],
      [7, 'CREATE', null],
      [8, 'ERROR', 'products'],
      [9, 'ERROR', 'role'],
      [10, 'ERROR', 'firstName'],
    ]);
    expect(result.rows.map((row) => [row.reason, row.detail])).toEqual([
      ['INVALID_EMAIL', 'not-an-email'],
      [null, null],
      ['DUPLICATE_IN_FILE', '3'],
      ['UNKNOWN_TEAM', 'No Such Team'],
      ['UNKNOWN_PRODUCT', 'No Such Product'],
      [null, null],
      ['NO_SEAT_LEFT', 'Only One Seat'],
      ['PRIMARY_ADMIN_ROLE', null],
      ['MISSING_FIRST_NAME', 'noname@test.example'],
    ]);
    expect(result.rows[2]!.message).toContain('Duplicate in file');
    expect(result.rows[2]!.message).toContain('line 3');
    expect(result.rows[6]!.message).toContain('No seat of Only One Seat is left');
    const done = await commit(csv);
    expect(done).toMatchObject({ created: 2, errors: 7 });
    expect(await app.sql("select id from users where email = 'seat2@test.example'")).toEqual([]);
  });

  it.each(['\n', '\r\n'])('reports a row whose quoted cell spans lines at the line it starts on (line break %j)', async (nl) => {
    const csv = [
      'email,first name,last name',
      'multi@test.example,Mia,"Novak',
      'Kovač',
      'Zupan"',
      'not-an-email,A,B',
      '',
      '"two@test.example","Two","Lines',
      'Here"',
      'after@test.example,After,Row',
    ].join(nl);
    const lines = (report: Report) => report.rows.map((row) => [row.line, row.email]);
    const expected = [
      [2, 'multi@test.example'],
      [5, 'not-an-email'],
      [7, 'two@test.example'],
      [9, 'after@test.example'],
    ];
    const seen = await preview(csv);
    expect(lines(seen)).toEqual(expected);
    expect(seen.rows[1]).toMatchObject({ status: 'ERROR', field: 'email' });
    expect(lines(await commit(csv))).toEqual(expected);
  });

  it('updates role and team of existing users', async () => {
    const csv = 'email,first name,last name,role,team\nuser@example.com,Jure,Kovač,Secondary admin,Strojništvo\n';
    const seen = await preview(csv);
    expect(seen.rows[0]).toMatchObject({ status: 'UPDATE', message: 'Changes role, team.' });
    expect(await commit(csv)).toMatchObject({ updated: 1 });
    const [row] = await app.sql<{ role: string; name: string }>(
      "select m.role, t.name from memberships m join users u on u.id = m.user_id join teams t on t.id = m.team_id where u.email = 'user@example.com'",
    );
    expect(row).toEqual({ role: 'SECONDARY_ADMIN', name: 'Strojništvo' });
    expect((await preview(csv)).rows[0]!.status).toBe('UNCHANGED');
  });

  it('names the problem of a file that cannot be read', async () => {
    expect(errorOf(await admin.graphql(PREVIEW, { input: { csv: 'name,surname\nA,B\n' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(errorOf(await admin.graphql(PREVIEW, { input: { csv: 'email,first name,last name\n"unclosed,A,B\n' } })).message).toContain('could not be read');
    expect(errorOf(await admin.graphql(PREVIEW, { input: { csv: '' } })).message).toContain('empty');
  });

  it('imports a file of 10,000 people, stops at the seat ceiling, and a second import changes nothing', async () => {
    await addSubscription(app, account, 'Ten Thousand', 3000, 'STR');
    const lines = ['First Name;Last Name;Email;Products'];
    for (let index = 0; index < 10_000; index += 1) {
      lines.push(`Ime ${index};"Priimek; ${index}";big${index}@import.example;${index <= 3000 ? 'Ten Thousand' : ''}`);
    }
    const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
    const before = await countUsers();
    const seen = await preview(csv);
    expect(seen).toMatchObject({ created: 9999, errors: 1 });
    expect(seen.rows.find((row) => row.status === 'ERROR')).toMatchObject({ line: 3002, reason: 'NO_SEAT_LEFT', detail: 'Ten Thousand' });
    expect(await countUsers()).toBe(before);
    expect(await commit(csv)).toMatchObject({ created: 9999, errors: 1 });
    expect(await countUsers()).toBe(before + 9999);
    const [seats] = await app.sql<{ n: number | string }>("select count(*) as n from seat_assignments sa join subscriptions s on s.id = sa.subscription_id where s.name = 'Ten Thousand'");
    expect(Number(seats!.n)).toBe(3000);
    expect(await commit(csv)).toMatchObject({ created: 0, updated: 0, unchanged: 9999, errors: 1 });
    expect(await countUsers()).toBe(before + 9999);
  }, 180_000);

  it('tells webhooks of each person invited and seat assigned, as one-by-one invitations do, from the import\'s own transaction', async () => {
    const received: { type: string; data: Record<string, unknown> }[] = [];
    const receiver: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: Record<string, unknown> });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      // Earlier changes' events go out before the endpoint exists.
      await app.deliverEvents();
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const { endpoint } = dataOf(
        await admin.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
          'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }',
          { input: { url, allEvents: false, events: ['MEMBER_INVITED', 'SEAT_ASSIGNED'] } },
        ),
      ).createWebhookEndpoint;
      // Room for the seats below (the 10,000-person import filled some subscriptions).
      await app.sql('update subscriptions set seats = seats + 10 where account_id = ?', [account]);
      // One person invited one by one with a seat: the events an invitation makes.
      const [subscription] = await app.sql<{ id: string; name: string }>("select id, name from subscriptions where account_id = ? and state = 'ACTIVE' and licence_type = 'SINGLE_USER' order by name limit 1", [account]);
      dataOf(await admin.graphql(INVITE, { input: { email: 'hook.single@test.example', firstName: 'Ena', lastName: 'Sama', subscriptionIds: [subscription!.id] } }));
      await app.deliverEvents();
      const single = received.splice(0);
      expect(single.map((event) => event.type).sort()).toEqual(['member.invited', 'seat.assigned']);

      // The template's two people with new addresses: one seat for the first, two for the second.
      const template = dataOf(await admin.graphql<{ userImportTemplate: string }>(TEMPLATE)).userImportTemplate;
      const csv = template.replaceAll('@example.com', '@hooks.test.example');
      const done = await commit(csv);
      expect(done).toMatchObject({ created: 2, errors: 0 });
      const [{ n: seatCount } = { n: 0 }] = await app.sql<{ n: number | string }>(
        "select count(*) as n from seat_assignments sa join users u on u.id = sa.user_id where u.email like '%@hooks.test.example'",
      );
      await app.deliverEvents();
      const invited = received.filter((event) => event.type === 'member.invited');
      const seats = received.filter((event) => event.type === 'seat.assigned');
      expect(invited.map((event) => event.data.email).sort()).toEqual(done.rows.filter((row) => row.status === 'CREATE').map((row) => row.email).sort());
      expect(seats).toHaveLength(Number(seatCount));
      expect(Number(seatCount)).toBeGreaterThan(0);
      // The same facts as the one-by-one events carry, about the same people and seats.
      const keys = (type: string, from: typeof received) => Object.keys(from.find((event) => event.type === type)!.data).sort();
      expect(keys('member.invited', invited)).toEqual(keys('member.invited', single));
      expect(keys('seat.assigned', seats)).toEqual(keys('seat.assigned', single));
      const assignments = await app.sql<{ id: string; user_id: string; subscription_id: string }>(
        "select sa.id, sa.user_id, sa.subscription_id from seat_assignments sa join users u on u.id = sa.user_id where u.email like '%@hooks.test.example'",
      );
      expect(seats.map((event) => `${event.data.assignmentId as string} ${event.data.userId as string} ${event.data.subscriptionId as string}`).sort()).toEqual(
        assignments.map((row) => `${row.id} ${row.user_id} ${row.subscription_id}`).sort(),
      );
      for (const event of invited) {
        const [user] = await app.sql<{ id: string }>('select id from users where email = ?', [event.data.email]);
        expect(event.data.userId).toBe(user!.id);
      }
      dataOf(await admin.graphql('mutation ($id: UUID!) { deleteWebhookEndpoint(id: $id) { id } }', { id: endpoint.id }));
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('an import that fails on its last row writes no row at all', async () => {
    if (driver === 'sqlite') {
      await app.sql("create trigger refuse_boom before insert on invitations when new.email = 'boom@test.example' begin select raise(abort, 'refused'); end");
    } else {
      await app.sql("create function refuse_boom() returns trigger language plpgsql as $$ begin if new.email = 'boom@test.example' then raise exception 'refused'; end if; return new; end $$");
      await app.sql('create trigger refuse_boom before insert on invitations for each row execute function refuse_boom()');
    }
    const before = await countUsers();
    const imports = async () => Number((await app.sql<{ n: number | string }>("select count(*) as n from audit_entries where action = 'users.import'"))[0]!.n);
    const importsBefore = await imports();
    const webhookEvents = async () => Number((await app.sql<{ n: number | string }>("select count(*) as n from event_deliveries where event = 'webhooks.event'"))[0]!.n);
    const eventsBefore = await webhookEvents();
    const rows = Array.from({ length: 50 }, (_, index) => `atomic${index}@test.example,A,${index}`);
    const failed = await admin.graphql(IMPORT, { input: { csv: ['email,first name,last name', ...rows, 'boom@test.example,Boom,Last'].join('\n'), sendInvitations: false } });
    expect(errorOf(failed).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await countUsers()).toBe(before);
    expect(await imports()).toBe(importsBefore);
    // Nor an event for webhooks: the outbox rolled back with the rows.
    expect(await webhookEvents()).toBe(eventsBefore);
  });
});
