import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { appCode, freshPerson } from './security-fixtures.js';
import { addSubscription, accountId } from './fixtures/accounts.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id userId email role status team { name } expiresAt } }`;
const INVITE_MANY = `mutation InviteMany($input: InviteUsersInput!) { inviteUsers(input: $input) { invitedCount rows { row email ok field message reason detail } } }`;
const INVITATIONS = `query { invitations(first: 100) { edges { node { id email status } } } }`;
const INVITATION_PAGE = `query Page($after: String) { invitations(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
type InvitationList = { invitations: { edges: { node: { id: string; email: string; status: string } }[] } };
type InvitationPage = { invitations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };
const nodes = (list: InvitationList) => list.invitations.edges.map((edge) => edge.node);
const START_APP = `mutation Start($password: String!) { startAuthenticatorSetup(input: { password: $password }) { secret } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTwoStep(input: { code: $code }) { codes } }`;
const RESEND = `mutation Resend($id: UUID!) { resendInvitation(id: $id) { id status } }`;
const REVOKE = `mutation Revoke($id: UUID!) { revokeInvitation(id: $id) { id status } }`;
const PREVIEW = `query Preview($token: String!) { invitationByToken(token: $token) { email firstName accountName status needsPassword } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { email role account { name } } } }`;
const USER = `query User($id: UUID!) { user(id: $id) { status seatCount } }`;

type Invited = { inviteUser: { id: string; userId: string; email: string; status: string; expiresAt: string } };

const tokenOf = (text: string) => decodeURIComponent(/invitation\?token=([^\s]+)/.exec(text)![1]!);

describe.each(drivers)('invitations F-41 F-42 (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, PUBLIC_URL: 'http://seatwise.test' } });
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('invites a new person with a team and a seat; they set a password through the link and are signed in', async () => {
    const [team] = await app.sql<{ id: string }>("select id from teams where name = 'Arhitektura'");
    const subscriptionId = await addSubscription(app, await accountId(app), 'Invite Sub', 1);
    const invited = dataOf(await admin.graphql<Invited>(INVITE, {
      input: { email: ' Nina.Zupan@Test.example ', firstName: 'Nina', lastName: 'Zupan', role: 'SECONDARY_ADMIN', teamId: team!.id, subscriptionIds: [subscriptionId] },
    })).inviteUser;
    expect(invited).toMatchObject({ email: 'nina.zupan@test.example', status: 'PENDING' });
    expect(dataOf(await admin.graphql<{ user: { status: string; seatCount: number } }>(USER, { id: invited.userId })).user).toEqual({ status: 'INVITED', seatCount: 1 });

    const mail = await peer.waitFor(sentTo('nina.zupan@test.example'));
    expect(mail.subject).toMatch(/^.+ invited you to Kolektor Gradnje d\.o\.o\. on Seatwise$/);
    expect(mail.text).toContain('http://seatwise.test/invitation?token=');
    const until = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(invited.expiresAt));
    expect(mail.text).toContain(`The link works until ${until}. If you did not expect this message, you can ignore it.`);
    expect(mail.html).toContain('<html lang="en">');
    const token = tokenOf(mail.text!);

    const guest = app.client();
    const preview = dataOf(await guest.graphql<{ invitationByToken: Record<string, unknown> }>(PREVIEW, { token })).invitationByToken;
    expect(preview).toEqual({ email: 'nina.zupan@test.example', firstName: 'Nina', accountName: 'Kolektor Gradnje d.o.o.', status: 'PENDING', needsPassword: true });
    expect(errorOf(await guest.graphql(ACCEPT, { input: { token, password: 'short' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    const accepted = dataOf(await guest.graphql<{ acceptInvitation: { viewer: { email: string; role: string } } }>(ACCEPT, { input: { token, password: 'A-good-new-password' } }));
    expect(accepted.acceptInvitation.viewer).toMatchObject({ email: 'nina.zupan@test.example', role: 'SECONDARY_ADMIN' });
    expect(dataOf(await guest.graphql<InvitationList>(INVITATIONS)).invitations.edges).toBeDefined();
    // The link works once.
    expect(errorOf(await app.client().graphql(ACCEPT, { input: { token, password: 'A-good-new-password' } })).extensions?.code).toBe('INVITATION_CLOSED');
    const again = app.client();
    dataOf(await again.signIn('nina.zupan@test.example', 'A-good-new-password'));
  });

  it('writes a new person\u2019s invitation in the inviter\u2019s language: Slovenian, with the date as Slovenian writes it', async () => {
    await app.sql("update users set language = 'SL' where email = 'admin@example.com'");
    try {
      const invited = dataOf(await admin.graphql<Invited>(INVITE, { input: { email: 'maja.sl@test.example', firstName: 'Maja', lastName: 'Kos', role: 'USER' } })).inviteUser;
      const mail = await peer.waitFor(sentTo('maja.sl@test.example'));
      expect(mail.subject).toMatch(/^.+ vas vabi v Kolektor Gradnje d\.o\.o\. na Seatwise$/);
      expect(mail.text).toMatch(/^Pozdravljeni, Maja,\n\n.+ vas vabi, da se pridružite računu Kolektor Gradnje d\.o\.o\. na Seatwise/);
      const expires = new Date(invited.expiresAt);
      const until = `${expires.getUTCDate()}. ${expires.getUTCMonth() + 1}. ${expires.getUTCFullYear()}`;
      expect(mail.text).toContain(`Povezava deluje do ${until}. Če tega sporočila niste pričakovali, ga lahko prezrete.`);
      expect(mail.html).toContain('<html lang="sl">');
      expect(mail.html).toContain(`<p>Povezava deluje do ${until}.`);
    } finally {
      await app.sql("update users set language = 'EN' where email = 'admin@example.com'");
    }
  });

  it('an existing person of another account signs in through the link and gains this account', async () => {
    dataOf(await admin.graphql<Invited>(INVITE, { input: { email: 'admin@alpine.example', firstName: 'Lukas', lastName: 'Gruber' } }));
    const mail = await peer.waitFor(sentTo('admin@alpine.example'));
    const token = tokenOf(mail.text!);
    const guest = app.client();
    expect(dataOf(await guest.graphql<{ invitationByToken: { needsPassword: boolean } }>(PREVIEW, { token })).invitationByToken.needsPassword).toBe(false);
    expect(errorOf(await guest.graphql(ACCEPT, { input: { token, password: 'not-their-password' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    const accepted = dataOf(await guest.graphql<{ acceptInvitation: { viewer: { account: { name: string } } } }>(ACCEPT, { input: { token, password: 'Seatwise-demo-1' } }));
    expect(accepted.acceptInvitation.viewer.account.name).toBe('Kolektor Gradnje d.o.o.');
    const [user] = await app.sql<{ first_name: string }>("select first_name from users where email = 'admin@alpine.example'");
    expect(user!.first_name).toBe('Lukas');
  });

  it('a person with 2-step verification on joins through the link but signs in through both steps', async () => {
    const person = await freshPerson(app);
    const own = app.client();
    dataOf(await own.signIn(person.email));
    const { secret } = dataOf(
      await own.graphql<{ startAuthenticatorSetup: { secret: string } }>(START_APP, { password: DEMO_PASSWORD }),
    ).startAuthenticatorSetup;
    dataOf(await own.graphql(CONFIRM, { code: appCode(secret) }));

    const alpine = app.client();
    dataOf(await alpine.signIn('admin@alpine.example'));
    // Lukas joined Kolektor above, and a sign-in opens the account entered last: he switches back.
    const [alpineAccount] = await app.sql<{ id: string }>("select id from accounts where name = 'Alpine Studio GmbH'");
    dataOf(await alpine.graphql('mutation ($id: UUID!) { switchAccount(accountId: $id) { account { name } } }', { id: alpineAccount!.id }));
    dataOf(await alpine.graphql<Invited>(INVITE, { input: { email: person.email, firstName: 'Dve', lastName: 'Stopnji' } }));
    const invitation = await peer.waitFor((mail) => sentTo(person.email)(mail) && Boolean(mail.text?.includes('invitation?token=')));
    const token = tokenOf(invitation.text!);

    const guest = app.client();
    const accepted = dataOf(await guest.graphql<{ acceptInvitation: { viewer: unknown } }>(ACCEPT, { input: { token, password: DEMO_PASSWORD } }));
    expect(accepted.acceptInvitation.viewer).toBeNull();
    expect(guest.cookies.has('seatwise_session')).toBe(false);
    const memberships = await app.sql<{ status: string }>(
      `select m.status from memberships m join accounts a on a.id = m.account_id where m.user_id = ? and a.name <> ?`,
      [person.id, 'Kolektor Gradnje d.o.o.'],
    );
    expect(memberships).toEqual([{ status: 'ACTIVE' }]);
  });

  it('refuses bad input naming the field, and people already in the account', async () => {
    expect(errorOf(await admin.graphql(INVITE, { input: { email: 'not an email', firstName: 'A', lastName: 'B' } })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'email',
      errors: [{ field: 'email', message: '"not an email" is not a valid email address.' }],
    });
    expect(errorOf(await admin.graphql(INVITE, { input: { email: 'a@b.example', firstName: ' ', lastName: 'B' } })).extensions?.field).toBe('firstName');
    expect(errorOf(await admin.graphql(INVITE, { input: { email: 'a@b.example', firstName: 'A', lastName: 'B', role: 'PRIMARY_ADMIN' } })).extensions?.field).toBe('role');
    expect(errorOf(await admin.graphql(INVITE, { input: { email: 'user@example.com', firstName: 'J', lastName: 'K' } })).message).toContain('already a user');
    const full = await addSubscription(app, await accountId(app), 'Full Zero', 0);
    expect(errorOf(await admin.graphql(INVITE, { input: { email: 'nobody@seat.example', firstName: 'N', lastName: 'S', subscriptionIds: [full] } })).extensions?.code).toBe('SEAT_LIMIT_REACHED');
    // Nothing was half written: no user, no invitation for the refused invite.
    expect(await app.sql("select id from users where email = 'nobody@seat.example'")).toEqual([]);
  });

  it('resends with a new link (the old one stops working) and revokes, freeing the invitee', async () => {
    const invited = dataOf(await admin.graphql<Invited>(INVITE, { input: { email: 'resend@test.example', firstName: 'Re', lastName: 'Send' } })).inviteUser;
    const first = tokenOf((await peer.waitFor(sentTo('resend@test.example'))).text!);
    dataOf(await admin.graphql(RESEND, { id: invited.id }));
    const mails = await peer.waitFor((mail) => sentTo('resend@test.example')(mail) && tokenOf(mail.text!) !== first);
    expect(tokenOf(mails.text!)).not.toBe(first);
    expect(errorOf(await app.client().graphql(PREVIEW, { token: first })).extensions?.code).toBe('INVITATION_INVALID');
    expect(dataOf(await admin.graphql<{ revokeInvitation: { status: string } }>(REVOKE, { id: invited.id })).revokeInvitation.status).toBe('REVOKED');
    expect(dataOf(await admin.graphql<{ user: { status: string } }>(USER, { id: invited.userId })).user.status).toBe('INACTIVE');
    expect(errorOf(await admin.graphql(REVOKE, { id: invited.id })).extensions?.code).toBe('INVITATION_CLOSED');
    const pending = nodes(dataOf(await admin.graphql<InvitationList>(INVITATIONS)));
    expect(pending.map((invitation) => invitation.id)).not.toContain(invited.id);
  });

  it('pages through the invitations with first and after, each once, the latest to expire first', async () => {
    for (const name of ['pa', 'pb', 'pc']) {
      dataOf(await admin.graphql<Invited>(INVITE, { input: { email: `${name}@test.example`, firstName: 'Pa', lastName: 'Ge' } }));
    }
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page += 1) {
      const result: InvitationPage['invitations'] = dataOf(await admin.graphql<InvitationPage>(INVITATION_PAGE, { after })).invitations;
      total = result.totalCount;
      seen.push(...result.edges.map((edge) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(nodes(dataOf(await admin.graphql<InvitationList>(INVITATIONS))).map((invitation) => invitation.id));
    expect(errorOf(await admin.graphql(`{ invitations(first: 101) { totalCount } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('an expired invitation cannot be accepted, and shows as EXPIRED', async () => {
    const invited = dataOf(await admin.graphql<Invited>(INVITE, { input: { email: 'late@test.example', firstName: 'La', lastName: 'Te' } })).inviteUser;
    const token = tokenOf((await peer.waitFor(sentTo('late@test.example'))).text!);
    await app.sql('update invitations set expires_at = ? where id = ?', [driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000), invited.id]);
    const listed = nodes(dataOf(await admin.graphql<InvitationList>(INVITATIONS)));
    expect(listed.find((invitation) => invitation.id === invited.id)?.status).toBe('EXPIRED');
    expect(errorOf(await app.client().graphql(ACCEPT, { input: { token, password: 'A-good-new-password' } })).message).toContain('expired');
  });

  it('two admins inviting the same new person at once make one invitation', async () => {
    const secondary = app.client();
    dataOf(await secondary.signIn('maja.horvat@kolektor-gradnje.si'));
    const input = { email: 'twice@test.example', firstName: 'Two', lastName: 'Admins' };
    const answers = await Promise.all([admin.graphql(INVITE, { input }), secondary.graphql(INVITE, { input })]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(errorOf(answers.find((answer) => answer.errors)!).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    const [count] = await app.sql<{ n: number | string }>("select count(*) as n from invitations where email = 'twice@test.example'");
    expect(Number(count!.n)).toBe(1);
  });

  it('every invalid field at once: inviteUser lists them in extensions.errors, Invite Multiple in each row\'s problems, in the reader\'s language', async () => {
    const invalid = errorOf(await admin.graphql(INVITE, { input: { email: 'nope', firstName: ' ', lastName: 'x'.repeat(101) } }));
    expect(invalid.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'email',
      errors: [
        { field: 'email', message: '"nope" is not a valid email address.' },
        { field: 'firstName', message: 'Enter a first name.' },
        { field: 'lastName', message: 'A last name can be at most 100 characters.' },
      ],
    });
    const inSlovenian = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: JSON.stringify({ query: INVITE, variables: { input: { email: '', firstName: '', lastName: 'B' } } }),
    });
    const slovenian = errorOf((await inSlovenian.json()) as Parameters<typeof errorOf>[0]);
    const listed = (slovenian.extensions as { errors: { field: string; message: string }[] }).errors;
    expect(listed.map((error) => error.field)).toEqual(['email', 'firstName']);
    expect(listed[1]!.message).toBe('Vnesite ime.');

    const MANY_PROBLEMS = `mutation InviteMany($input: InviteUsersInput!) { inviteUsers(input: $input) { invitedCount rows { row ok field problems { field reason detail message } } } }`;
    type Report = { inviteUsers: { invitedCount: number; rows: { row: number; ok: boolean; field: string | null; problems: { field: string; reason: string; detail: string | null }[] }[] } };
    const report = dataOf(
      await admin.graphql<Report>(MANY_PROBLEMS, {
        input: { rows: [{ email: 'bad', firstName: '', lastName: '' }, { email: 'fine@test.example', firstName: 'Ana', lastName: 'Novak' }], dryRun: true },
      }),
    ).inviteUsers;
    expect(report.rows[0]!.field).toBe('email');
    expect(report.rows[0]!.problems.map((problem) => [problem.field, problem.reason, problem.detail])).toEqual([
      ['email', 'INVALID_EMAIL', 'bad'],
      ['firstName', 'MISSING_FIRST_NAME', null],
      ['lastName', 'MISSING_LAST_NAME', null],
    ]);
    expect(report.rows[1]).toMatchObject({ ok: true, problems: [] });
  });

  it('Invite Multiple reports every row and invites all or none', async () => {
    const rows = [
      { email: 'm1@test.example', firstName: 'Ema', lastName: 'Ena' },
      { email: 'bad', firstName: 'Dva', lastName: 'Dve' },
      { email: 'M1@test.example', firstName: 'Tri', lastName: 'Tri' },
      { email: 'm4@test.example', firstName: 'Štiri', lastName: '' },
      { email: 'user@example.com', firstName: 'Jure', lastName: 'Kovač' },
    ];
    const report = dataOf(await admin.graphql<{ inviteUsers: { invitedCount: number; rows: { row: number; ok: boolean; field: string | null; message: string | null; reason: string | null; detail: string | null }[] } }>(INVITE_MANY, { input: { rows } })).inviteUsers;
    expect(report.invitedCount).toBe(0);
    expect(report.rows.map((row) => [row.row, row.ok, row.field])).toEqual([
      [1, true, null],
      [2, false, 'email'],
      [3, false, 'email'],
      [4, false, 'lastName'],
      [5, false, 'email'],
    ]);
    expect(report.rows[2]!.message).toContain('row 1');
    expect(report.rows.map((row) => [row.reason, row.detail])).toEqual([
      [null, null],
      ['INVALID_EMAIL', 'bad'],
      ['DUPLICATE_IN_FILE', '1'],
      ['MISSING_LAST_NAME', 'm4@test.example'],
      ['ALREADY_MEMBER', 'user@example.com'],
    ]);
    expect(await app.sql("select id from users where email = 'm1@test.example'")).toEqual([]);
    const good = [rows[0]!, { email: 'm2@test.example', firstName: 'Dva', lastName: 'Dve' }];
    const dry = dataOf(await admin.graphql<{ inviteUsers: { invitedCount: number } }>(INVITE_MANY, { input: { rows: good, dryRun: true } })).inviteUsers;
    expect(dry.invitedCount).toBe(0);
    const done = dataOf(await admin.graphql<{ inviteUsers: { invitedCount: number } }>(INVITE_MANY, { input: { rows: good } })).inviteUsers;
    expect(done.invitedCount).toBe(2);
    await peer.waitFor(sentTo('m2@test.example'));
    const [audits] = await app.sql<{ total: number | string }>("select count(*) as total from audit_entries where action = 'user.invite' and cast(after as text) like '%m_@test.example%'");
    expect(Number(audits!.total)).toBe(2);
  });
});
