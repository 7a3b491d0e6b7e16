import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';

/** Issue 22, item 1: one person in several accounts reaches each, and the session remembers the one chosen. */
const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { account { name } } } }`;
const ME = `query { me { role account { id name } memberships { current role account { id name } } } }`;
const SWITCH = `mutation Switch($accountId: UUID!) { switchAccount(accountId: $accountId) { role account { name } memberships { current account { name } } } }`;
const USER_EMAILS = `query { users(first: 5, filter: { search: "alpine" }) { totalCount } }`;
const CREATE_TOKEN = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`;

type Me = {
  me: {
    role: string;
    account: { id: string; name: string };
    memberships: { current: boolean; role: string; account: { id: string; name: string } }[];
  };
};

const KOLEKTOR = 'Kolektor Gradnje d.o.o.';
const ALPINE = 'Alpine Studio GmbH';
const LUKAS = 'admin@alpine.example';

describe.each(drivers)('one person in several accounts (%s)', (driver) => {
  let app: TestApp;
  let kolektorAdmin: TestClient;
  let lukas: TestClient;
  let accountIds: Record<string, string>;
  /** Lukas's latest session, in Kolektor once the switch test has run. */
  let next: TestClient;

  beforeAll(async () => {
    app = await startTestApp(driver);
    kolektorAdmin = app.client();
    dataOf(await kolektorAdmin.signIn('admin@example.com'));
    const rows = await app.sql<{ id: string; name: string }>('select id, name from accounts');
    accountIds = Object.fromEntries(rows.map((row) => [row.name, row.id]));

    // Lukas, Alpine's primary admin, is invited to Kolektor as a user and joins with his password.
    dataOf(await kolektorAdmin.graphql(INVITE, { input: { email: LUKAS, firstName: 'Lukas', lastName: 'Gruber', role: 'USER' } }));
    await app.deliverEvents();
    const mail = (await app.outbox.list(20)).find((message) => message.to === LUKAS)!;
    const token = decodeURIComponent(/invitation\?token=([^\s]+)/.exec(mail.text)![1]!);
    lukas = app.client();
    const accepted = dataOf(await lukas.graphql<{ acceptInvitation: { viewer: { account: { name: string } } } }>(ACCEPT, { input: { token, password: DEMO_PASSWORD } }));
    expect(accepted.acceptInvitation.viewer.account.name).toBe(KOLEKTOR);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every account of the person, by name, with the role there and the current one marked', async () => {
    const { me } = dataOf(await lukas.graphql<Me>(ME));
    expect(me.account.name).toBe(KOLEKTOR);
    expect(me.memberships).toEqual([
      { current: false, role: 'PRIMARY_ADMIN', account: { id: accountIds[ALPINE], name: ALPINE } },
      { current: true, role: 'USER', account: { id: accountIds[KOLEKTOR], name: KOLEKTOR } },
    ]);
    // Someone in one account sees only that one.
    const own = dataOf(await kolektorAdmin.graphql<Me>(ME)).me.memberships;
    expect(own.map((choice) => choice.account.name)).toEqual([KOLEKTOR]);
  });

  it('switches the session to the other account: role and data follow, and the next sign-in opens it', async () => {
    // As a user of Kolektor, Lukas cannot list people.
    expect(errorOf(await lukas.graphql(USER_EMAILS)).extensions?.code).toBe('FORBIDDEN');
    const switched = dataOf(await lukas.graphql<{ switchAccount: { role: string; account: { name: string }; memberships: { current: boolean; account: { name: string } }[] } }>(SWITCH, { accountId: accountIds[ALPINE] })).switchAccount;
    expect(switched).toMatchObject({ role: 'PRIMARY_ADMIN', account: { name: ALPINE } });
    expect(switched.memberships.filter((choice) => choice.current).map((choice) => choice.account.name)).toEqual([ALPINE]);
    // The next request of the same session works in Alpine: its people, as its primary admin.
    expect(dataOf(await lukas.graphql<{ users: { totalCount: number } }>(USER_EMAILS)).users.totalCount).toBeGreaterThan(0);
    expect(dataOf(await lukas.graphql<Me>(ME)).me.account.name).toBe(ALPINE);

    // Remembered: a new sign-in opens Alpine, not the oldest or the newest membership.
    const later = app.client();
    dataOf(await later.signIn(LUKAS));
    expect(dataOf(await later.graphql<Me>(ME)).me.account.name).toBe(ALPINE);
    dataOf(await later.graphql(SWITCH, { accountId: accountIds[KOLEKTOR] }));
    next = app.client();
    dataOf(await next.signIn(LUKAS));
    expect(dataOf(await next.graphql<Me>(ME)).me.account.name).toBe(KOLEKTOR);
    // Each session keeps its own account: the first is still in Alpine.
    expect(dataOf(await lukas.graphql<Me>(ME)).me.account.name).toBe(ALPINE);
  });

  it('refuses an account the person is not an active member of, and changes nothing', async () => {
    const refused = errorOf(await kolektorAdmin.graphql(SWITCH, { accountId: accountIds[ALPINE] }));
    expect(refused.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect(refused.message).toBe('You cannot work in that account: you are not an active member of it, or it is suspended or closed.');
    expect(dataOf(await kolektorAdmin.graphql<Me>(ME)).me.account.name).toBe(KOLEKTOR);
    expect(errorOf(await kolektorAdmin.graphql(SWITCH, { accountId: '00000000-0000-4000-8000-000000000000' })).extensions?.field).toBe('accountId');
    expect(errorOf(await kolektorAdmin.graphql(SWITCH, { accountId: 'not-an-id' })).extensions?.field).toBe('accountId');

    // A suspended customer is not offered and cannot be entered; reactivated, it is again.
    await app.sql("update accounts set status = 'SUSPENDED' where name = ?", [ALPINE]);
    try {
      const choices = dataOf(await next.graphql<Me>(ME)).me.memberships.map((choice) => choice.account.name);
      expect(choices).toEqual([KOLEKTOR]);
      const suspended = errorOf(await next.graphql(SWITCH, { accountId: accountIds[ALPINE] }));
      expect(suspended.extensions?.field).toBe('accountId');
    } finally {
      await app.sql("update accounts set status = 'ACTIVE' where name = ?", [ALPINE]);
    }
  });

  it('answers in the reader\u2019s language', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sl', cookie: [...next.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: JSON.stringify({ query: SWITCH, variables: { accountId: '00000000-0000-4000-8000-000000000000' } }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toBe('V tem računu ne morete delati: niste njegov dejavni član ali pa je začasno ustavljen ali zaprt.');
  });

  it('keeps a token bound to its account: it sees only that one and cannot switch', async () => {
    const { createApiToken } = dataOf(
      await next.graphql<{ createApiToken: { secret: string } }>(CREATE_TOKEN, { input: { kind: 'PERSONAL', name: 'Two accounts', scopes: ['READ_PROFILE'] } }),
    );
    const script = app.client({ token: createApiToken.secret });
    const { me } = dataOf(await script.graphql<Me>(ME));
    expect(me.account.name).toBe(KOLEKTOR);
    expect(me.memberships.map((choice) => choice.account.name)).toEqual([KOLEKTOR]);
    const refused = errorOf(await script.graphql(SWITCH, { accountId: accountIds[ALPINE] }));
    expect(refused.extensions?.code).toBe('SESSION_REQUIRED');
  });

  it('parallel switches of one session leave it in one of the asked accounts, consistent with its role', async () => {
    const racer = app.client();
    dataOf(await racer.signIn(LUKAS));
    const targets = [ALPINE, KOLEKTOR, ALPINE, KOLEKTOR, ALPINE, KOLEKTOR];
    const answers = await Promise.all(targets.map((name) => racer.graphql<{ switchAccount: { account: { name: string } } }>(SWITCH, { accountId: accountIds[name] })));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const { me } = dataOf(await racer.graphql<Me>(ME));
    expect(me.role).toBe(me.account.name === ALPINE ? 'PRIMARY_ADMIN' : 'USER');
    const [session] = await app.sql<{ n: number | string }>(
      'select count(*) as n from sessions s join memberships m on m.user_id = s.user_id and m.account_id = s.account_id where s.user_id = (select id from users where email = ?)',
      [LUKAS],
    );
    const [all] = await app.sql<{ n: number | string }>('select count(*) as n from sessions where user_id = (select id from users where email = ?)', [LUKAS]);
    // Every session of the person points at an account they are a member of.
    expect(Number(session!.n)).toBe(Number(all!.n));
  });
});
