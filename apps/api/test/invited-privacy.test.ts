import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../src/common/days.js';
import { Account } from '../src/modules/accounts/account.entity.js';
import { User } from '../src/modules/identity/user.entity.js';
import { Subscription } from '../src/modules/subscriptions/subscription.entity.js';
import { CloudCreditEntry, CloudCreditEntryKind } from '../src/modules/usage/cloud-credit-entry.entity.js';
import { accountId, addSubscription } from './fixtures/accounts.js';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { rest } from './rest.js';
import { freshPerson } from './security-fixtures.js';

const FIELDS = 'id email firstName lastName name status lastSignInAt';
const USERS = `query Users($filter: UsersFilter) { users(first: 100, filter: $filter) { totalCount edges { node { ${FIELDS} } } } }`;
const USER = `query User($id: UUID!) { user(id: $id) { ${FIELDS} } }`;
const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { userId } }`;
const INVITE_MANY = `mutation InviteMany($input: InviteUsersInput!) { inviteUsers(input: $input) { invitedCount } }`;
const IMPORT = `mutation Import($input: UserImportInput!) { importUsers(input: $input) { committed created updated errors } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { email account { name } } } }`;
const UPDATE_PROFILE = `mutation Profile($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
const CHANGE_PASSWORD = `mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) { endedSessions } }`;
const ASSIGN = `mutation Assign($input: AssignSeatInput!) { assignSeat(input: $input) { id } }`;
const SEAT_USAGE = `query SeatUsage($range: DateRangeInput!, $filter: SeatUsageFilter, $orderBy: SeatUsageOrder) {
  seatUsageByUser(range: $range, filter: $filter, orderBy: $orderBy, first: 100) { rows { user { id name email } } } }`;
const CLOUD_USAGE = `query Cloud($range: DateRangeInput!, $search: String) { cloudServicesUsageByUser(range: $range, search: $search) { user { id name email } } }`;
const INVITATIONS = `{ invitations(first: 100) { edges { node { userId email firstName lastName } } } }`;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-25' };

interface Row {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  status: string;
  lastSignInAt: string | null;
}

/** The newest invitation link mailed to `email` (mails go out after the commit, through the event bus). */
async function invitationToken(app: TestApp, email: string): Promise<string> {
  await app.deliverEvents();
  const message = (await app.outbox.list(200)).find((candidate) => candidate.to === email && /invitation\?token=/.test(candidate.text));
  const token = message && /invitation\?token=(\S+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`No invitation reached ${email}.`);
  return decodeURIComponent(token);
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
    const names = { firstName: 'Resnična', lastName: `Oseba${'abcd'[people - 1]}` };
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

    // A sign-in opens the account entered last, Alpine (switchAccount chooses another): Alpine's
    // value moves, Kolektor's stays.
    const before = (await seenBy(kolektor, person.email))!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const signedIn = dataOf(await app.client().signIn(person.email)) as { signIn: { viewer: { id: string } } };
    expect(signedIn.signIn.viewer.id).toBe(person.id);
    expect((await seenBy(kolektor, person.email))!.lastSignInAt).toBe(before.lastSignInAt);
    const atAlpine = (await seenBy(alpine, person.email))!;
    expect(new Date(atAlpine.lastSignInAt!).getTime()).toBeGreaterThan(new Date(joined.lastSignInAt!).getTime());
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

  it('Seat Usage, Cloud Services Usage, their exports and the invitations show what Alpine typed until acceptance, then the profile as it changes', async () => {
    const person = await realPerson();
    const realName = `${person.firstName} ${person.lastName}`;
    const alpineId = await accountId(app, 'Alpine Studio GmbH');
    const subscription = await addSubscription(app, alpineId, 'Alpine Drafter', 5);
    dataOf(await alpine.graphql(INVITE, { input: { email: person.email, firstName: 'Izmišljen', lastName: 'Priimek' } }));
    // A pending person can hold a seat already; so does Alpine's admin, Lukas Gruber, whose name
    // sorts after the typed one and before the person's own.
    const [admin] = await app.sql<{ id: string }>('select id from users where email = ?', ['admin@alpine.example']);
    for (const userId of [person.id, admin!.id]) dataOf(await alpine.graphql(ASSIGN, { input: { userId, subscriptionId: subscription } }));
    const em = app.em();
    const occurredAt = new Date('2026-11-20T10:00:00Z');
    em.create(CloudCreditEntry, {
      account: em.getReference(Account, alpineId), subscription: em.getReference(Subscription, subscription), kind: CloudCreditEntryKind.CONSUMPTION,
      amount: -7, service: 'rendering', user: em.getReference(User, person.id), occurredAt, day: localDay(occurredAt, 'Europe/Vienna'),
    });
    await em.flush();

    /** Everything Alpine shows of the person: one name per view, or undefined where a search misses them. */
    const alpineShows = async (search: string) => {
      const seats = async (variables: Record<string, unknown>) =>
        dataOf(await alpine.graphql<{ seatUsageByUser: { rows: { user: { id: string; name: string; email: string } }[] } }>(SEAT_USAGE, { range: NOVEMBER, ...variables }))
          .seatUsageByUser.rows.map((row) => row.user);
      const cloud = async (text: string | null) =>
        dataOf(await alpine.graphql<{ cloudServicesUsageByUser: { user: { id: string; name: string; email: string } }[] }>(CLOUD_USAGE, { range: NOVEMBER, search: text }))
          .cloudServicesUsageByUser.map((row) => row.user);
      const byName = await seats({ orderBy: { field: 'NAME', direction: 'ASC' } });
      const csv = async (report: string) => (await (await rest(app, alpine, `/api/exports/${report}.csv?from=${NOVEMBER.from}&to=${NOVEMBER.to}`)).text()).split('\n');
      const line = (lines: string[]) => lines.filter((text) => text.includes(person.email));
      return {
        seatUsage: byName.filter((user) => user.id === person.id).map((user) => `${user.name} <${user.email}>`),
        // Where they sort among Alpine's seat holders: before or after Lukas Gruber.
        seatOrder: byName.map((user) => (user.id === person.id ? 'person' : 'lukas')),
        seatSearch: (await seats({ filter: { search } })).filter((user) => user.id === person.id).map((user) => user.name),
        cloud: (await cloud(null)).filter((user) => user.id === person.id).map((user) => `${user.name} <${user.email}>`),
        cloudSearch: (await cloud(search)).filter((user) => user.id === person.id).map((user) => user.name),
        seatExport: line(await csv('seat-usage')).map((text) => text.split(',')[0]),
        cloudExport: line(await csv('cloud-services-usage-by-user')).map((text) => text.split(',')[0]),
      };
    };
    const typed = `Izmišljen Priimek <${person.email}>`;
    expect(await alpineShows('izmišljen')).toEqual({
      seatUsage: [typed], seatOrder: ['person', 'lukas'], seatSearch: ['Izmišljen Priimek'], cloud: [typed], cloudSearch: ['Izmišljen Priimek'],
      seatExport: ['Izmišljen Priimek'], cloudExport: ['Izmišljen Priimek'],
    });
    // Searching by the real name finds nothing, anywhere; the export files never hold it.
    expect(await alpineShows(person.lastName.toLowerCase())).toMatchObject({ seatSearch: [], cloudSearch: [] });
    const files = await Promise.all(['seat-usage', 'cloud-services-usage-by-user'].map(async (report) =>
      (await rest(app, alpine, `/api/exports/${report}.csv?from=${NOVEMBER.from}&to=${NOVEMBER.to}`)).text()));
    for (const file of files) expect(file).not.toContain(person.lastName);
    const invitation = dataOf(await alpine.graphql<{ invitations: { edges: { node: { userId: string; email: string; firstName: string; lastName: string } }[] } }>(INVITATIONS))
      .invitations.edges.map((edge) => edge.node).find((row) => row.email === person.email);
    expect(invitation).toEqual({ userId: person.id, email: person.email, firstName: 'Izmišljen', lastName: 'Priimek' });

    dataOf(await app.client().graphql(ACCEPT, { input: { token: await invitationToken(app, person.email), password: DEMO_PASSWORD } }));
    const own = `${realName} <${person.email}>`;
    expect(await alpineShows(person.lastName.toLowerCase())).toEqual({
      seatUsage: [own], seatOrder: ['lukas', 'person'], seatSearch: [realName], cloud: [own], cloudSearch: [realName], seatExport: [realName], cloudExport: [realName],
    });

    // The person renames themselves: every account they belong to shows the new name at once.
    const self = app.client();
    dataOf(await self.signIn(person.email));
    dataOf(await self.graphql(UPDATE_PROFILE, { input: { firstName: 'Ana', lastName: 'Preimenovana' } }));
    const renamed = `Ana Preimenovana <${person.email}>`;
    expect(await alpineShows('preimenovana')).toEqual({
      seatUsage: [renamed], seatOrder: ['person', 'lukas'], seatSearch: ['Ana Preimenovana'], cloud: [renamed], cloudSearch: ['Ana Preimenovana'],
      seatExport: ['Ana Preimenovana'], cloudExport: ['Ana Preimenovana'],
    });
    for (const admin of [alpine, kolektor]) {
      expect(await seenBy(admin, person.email)).toMatchObject({ firstName: 'Ana', lastName: 'Preimenovana', name: 'Ana Preimenovana' });
      expect(await search(admin, 'ana preimenovana')).toContain(person.email);
    }
  });
});
