import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { freshPerson } from './security-fixtures.js';

const FIELDS = 'id email firstName lastName name status lastSignInAt';
const USERS = `query Users($filter: UsersFilter) { users(first: 100, filter: $filter) { totalCount edges { node { ${FIELDS} } } } }`;
const USER = `query User($id: ID!) { user(id: $id) { ${FIELDS} } }`;
const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { userId } }`;
const INVITE_MANY = `mutation InviteMany($input: InviteUsersInput!) { inviteUsers(input: $input) { invitedCount } }`;
const IMPORT = `mutation Import($input: UserImportInput!) { importUsers(input: $input) { committed created updated errors } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { email account { name } } } }`;
const UPDATE_PROFILE = `mutation Profile($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
const CHANGE_PASSWORD = `mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) { endedSessions } }`;

interface Row {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  status: string;
  lastSignInAt: string | null;
}

/** The newest invitation link mailed to `email` (mails go out after the commit, in the background). */
async function invitationToken(app: TestApp, email: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const message = (await app.outbox.list(200)).find((candidate) => candidate.to === email && /invitation\?token=/.test(candidate.text));
    const token = message && /invitation\?token=(\S+)/.exec(message.text)?.[1];
    if (token) return decodeURIComponent(token);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No invitation reached ${email}.`);
}

describe.each(drivers)('an account sees only what it typed about a person until they accept (%s)', (driver) => {
  let app: TestApp;
  let kolektor: TestClient;
  let alpine: TestClient;

  /** The person's row in the list the client's account sees, and their details: both must agree. */
  async function seenBy(admin: TestClient, email: string): Promise<Row | undefined> {
    const list = dataOf(await admin.graphql<{ users: { edges: { node: Row }[] } }>(USERS, { filter: { statuses: ['ACTIVE', 'INVITED'] } }));
    const row = list.users.edges.map((edge) => edge.node).find((node) => node.email === email);
    if (row) expect(dataOf(await admin.graphql<{ user: Row }>(USER, { id: row.id })).user).toEqual(row);
    return row;
  }

  const search = async (admin: TestClient, text: string) =>
    dataOf(await admin.graphql<{ users: { edges: { node: Row }[] } }>(USERS, { filter: { search: text } })).users.edges.map((edge) => edge.node.email);

  let people = 0;
  /** A Kolektor person who signed in (a sign-in time to leak) and calls themselves something their email does not say. */
  async function realPerson(): Promise<{ id: string; email: string; firstName: string; lastName: string }> {
    const person = await freshPerson(app);
    const own = app.client();
    dataOf(await own.signIn(person.email));
    people += 1;
    const names = { firstName: 'Resnična', lastName: `Oseba${'abc'[people - 1]}` };
    dataOf(await own.graphql(UPDATE_PROFILE, { input: names }));
    return { ...person, ...names };
  }

  /** What Alpine may see of a Kolektor person it invited with made-up names, before they accept. */
  async function expectOnlyTyped(email: string, realName: string): Promise<Row> {
    const row = (await seenBy(alpine, email))!;
    expect(row).toMatchObject({ email, firstName: 'Izmišljen', lastName: 'Priimek', name: 'Izmišljen Priimek', status: 'INVITED', lastSignInAt: null });
    expect(await search(alpine, realName)).not.toContain(email);
    expect(await search(alpine, 'izmišljen priimek')).toContain(email);
    return row;
  }

  beforeAll(async () => {
    app = await startTestApp(driver);
    kolektor = app.client();
    dataOf(await kolektor.signIn('admin@example.com'));
    alpine = app.client();
    dataOf(await alpine.signIn('admin@alpine.example'));
  });
  afterAll(() => app?.close());

  it('inviteUser: made-up names and no sign-in until acceptance; then their names, and only sign-ins to Alpine count', async () => {
    const person = await realPerson();
    dataOf(await alpine.graphql(INVITE, { input: { email: person.email, firstName: 'Izmišljen', lastName: 'Priimek' } }));
    await expectOnlyTyped(person.email, `${person.firstName} ${person.lastName}`);

    // Signing in to their own account changes nothing on Alpine's side.
    dataOf(await app.client().signIn(person.email));
    await expectOnlyTyped(person.email, `${person.firstName} ${person.lastName}`);

    // Accepting opens a session in Alpine: that is their first sign-in there.
    const accepted = dataOf(await app.client().graphql<{ acceptInvitation: { viewer: { account: { name: string } } } }>(ACCEPT, {
      input: { token: await invitationToken(app, person.email), password: DEMO_PASSWORD },
    }));
    expect(accepted.acceptInvitation.viewer.account.name).toBe('Alpine Studio GmbH');
    const joined = (await seenBy(alpine, person.email))!;
    expect(joined).toMatchObject({ firstName: person.firstName, lastName: person.lastName, status: 'ACTIVE' });
    expect(joined.lastSignInAt).not.toBeNull();

    // A sign-in goes to their oldest account, Kolektor (there is no choosing an account at sign-in
    // yet): Kolektor's value moves, Alpine's stays.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const signedIn = dataOf(await app.client().signIn(person.email)) as { signIn: { viewer: { id: string } } };
    expect(signedIn.signIn.viewer.id).toBe(person.id);
    expect((await seenBy(alpine, person.email))!.lastSignInAt).toBe(joined.lastSignInAt);
    const atKolektor = (await seenBy(kolektor, person.email))!;
    expect(new Date(atKolektor.lastSignInAt!).getTime()).toBeGreaterThan(new Date(joined.lastSignInAt!).getTime());
  });

  it('inviteUsers: made-up names and no sign-in for a person of another account', async () => {
    const person = await realPerson();
    const result = dataOf(await alpine.graphql<{ inviteUsers: { invitedCount: number } }>(INVITE_MANY, {
      input: { rows: [{ email: person.email, firstName: 'Izmišljen', lastName: 'Priimek' }] },
    }));
    expect(result.inviteUsers.invitedCount).toBe(1);
    await expectOnlyTyped(person.email, `${person.firstName} ${person.lastName}`);
    // Kolektor still sees the person's own names.
    expect(await seenBy(kolektor, person.email)).toMatchObject({ firstName: person.firstName, lastName: person.lastName });
  });

  it('importUsers: made-up names and no sign-in; a later file changes only what Alpine typed', async () => {
    const person = await realPerson();
    const csv = (first: string, last: string) => `email,first name,last name\n${person.email},${first},${last}\n`;
    const report = dataOf(await alpine.graphql<{ importUsers: Record<string, unknown> }>(IMPORT, { input: { csv: csv('Izmišljen', 'Priimek'), sendInvitations: false } }));
    expect(report.importUsers).toMatchObject({ committed: true, created: 1, errors: 0 });
    await expectOnlyTyped(person.email, `${person.firstName} ${person.lastName}`);

    const fixed = dataOf(await alpine.graphql<{ importUsers: Record<string, unknown> }>(IMPORT, { input: { csv: csv('Drugačen', 'Priimek'), sendInvitations: false } }));
    expect(fixed.importUsers).toMatchObject({ committed: true, updated: 1, errors: 0 });
    expect(await seenBy(alpine, person.email)).toMatchObject({ firstName: 'Drugačen', lastName: 'Priimek', lastSignInAt: null });
    expect(await seenBy(kolektor, person.email)).toMatchObject({ firstName: person.firstName, lastName: person.lastName });
  });

  it('two accounts inviting the same new person each see their own names, whatever the other one types or imports', async () => {
    const email = 'skupna.oseba@nikjer.example';
    dataOf(await kolektor.graphql(INVITE, { input: { email, firstName: 'Kolektorjeva', lastName: 'Različica' } }));
    const csv = `email,first name,last name\n${email},Alpinska,Različica\n`;
    expect(dataOf(await alpine.graphql<{ importUsers: Record<string, unknown> }>(IMPORT, { input: { csv, sendInvitations: false } })).importUsers).toMatchObject({ created: 1 });
    expect(await seenBy(alpine, email)).toMatchObject({ firstName: 'Alpinska', lastName: 'Različica', lastSignInAt: null });
    expect(await seenBy(kolektor, email)).toMatchObject({ firstName: 'Kolektorjeva', lastName: 'Različica', lastSignInAt: null });

    const renamed = `email,first name,last name\n${email},Preimenovana,Različica\n`;
    expect(dataOf(await alpine.graphql<{ importUsers: Record<string, unknown> }>(IMPORT, { input: { csv: renamed, sendInvitations: false } })).importUsers).toMatchObject({ updated: 1 });
    expect(await seenBy(kolektor, email)).toMatchObject({ firstName: 'Kolektorjeva', lastName: 'Različica' });
  });

  it('accepting an invitation sets a first password under the same policy as a reset or a change', async () => {
    const email = 'nova.oseba@alpine-gost.example';
    dataOf(await alpine.graphql(INVITE, { input: { email, firstName: 'Nova', lastName: 'Oseba' } }));
    const token = await invitationToken(app, email);
    const guest = app.client();
    for (const password of ['password123', 'aaaaaaaaaaaa', 'nova.oseba-2026!', 'x'.repeat(129)]) {
      const refused = errorOf(await guest.graphql(ACCEPT, { input: { token, password } }));
      const elsewhere = errorOf(await kolektor.graphql(CHANGE_PASSWORD, { input: { currentPassword: DEMO_PASSWORD, newPassword: password.replace('nova.oseba', 'admin') } }));
      expect(refused.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
      expect(refused.message).toBe(elsewhere.message);
    }
    const [user] = await app.sql<{ password_hash: string | null }>('select password_hash from users where email = ?', [email]);
    expect(user!.password_hash).toBeNull();
    expect(dataOf(await guest.graphql<{ acceptInvitation: { viewer: { email: string } } }>(ACCEPT, { input: { token, password: 'Dober-nov-geslo-7' } })).acceptInvitation.viewer.email).toBe(email);
  });
});
