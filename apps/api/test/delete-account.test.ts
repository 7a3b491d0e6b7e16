import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp } from './harness.js';
import { appCode, freshPerson } from './security-fixtures.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const DELETE = `mutation Delete($password: String!) { deleteOwnAccount(input: { password: $password }) }`;

describe.each(drivers)('deleting one’s own account (%s)', (driver) => {
  let app: TestApp;
  let peer: SmtpPeer;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url } });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  const count = async (sql: string, params: unknown[]) => Number(Object.values((await app.sql(sql, params))[0]!)[0]);

  it('refuses a wrong password, naming the field, and changes nothing', async () => {
    const person = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(person.email));
    const error = errorOf(await client.graphql(DELETE, { password: 'wrong-password' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(dataOf(await client.graphql<{ me: { email: string } }>('{ me { email } }')).me.email).toBe(person.email);
  });

  it('refuses the primary admin until the role is handed over', async () => {
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    const error = errorOf(await client.graphql(DELETE, { password: DEMO_PASSWORD }));
    expect(error.extensions?.code).toBe('PRIMARY_ADMIN_HANDOVER_REQUIRED');
    expect(error.message).toContain('Kolektor Gradnje d.o.o.');
    expect(await count('select count(*) from users where email = ? and deleted_at is null', ['admin@example.com'])).toBe(1);
  });

  it('needs a session', async () => {
    expect(errorOf(await app.client().graphql(DELETE, { password: DEMO_PASSWORD })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('releases the seats, removes personal data, keeps audit history and signs out everywhere', async () => {
    const person = await freshPerson(app, { withSeats: true });
    await app.sql("update users set phone = '+38640999888', company = 'Kolektor' where id = ?", [person.id]);
    const seatsBefore = await count('select count(*) from seat_assignments where user_id = ?', [person.id]);
    expect(seatsBefore).toBeGreaterThan(0);

    const client = app.client();
    const elsewhere = app.client();
    dataOf(await client.signIn(person.email));
    dataOf(await elsewhere.signIn(person.email));
    // With 2-step on, its secrets go too.
    const setup = dataOf(await client.graphql<{ startAuthenticatorSetup: { secret: string } }>(
      `mutation { startAuthenticatorSetup(input: { password: "${DEMO_PASSWORD}" }) { secret } }`,
    ));
    dataOf(await client.graphql(`mutation C($code: String!) { confirmTwoStep(input: { code: $code }) { codes } }`, {
      code: appCode(setup.startAuthenticatorSetup.secret),
    }));

    expect(dataOf(await client.graphql<{ deleteOwnAccount: boolean }>(DELETE, { password: DEMO_PASSWORD })).deleteOwnAccount).toBe(true);
    expect(client.cookies.has('seatwise_session')).toBe(false);
    expect(dataOf(await client.graphql<{ me: unknown }>('{ me { id } }')).me).toBeNull();
    expect(dataOf(await elsewhere.graphql<{ me: unknown }>('{ me { id } }')).me).toBeNull();
    expect(errorOf(await app.client().signIn(person.email)).extensions?.code).toBe('INVALID_CREDENTIALS');

    const [user] = await app.sql<Record<string, unknown>>('select * from users where id = ?', [person.id]);
    expect(user).toMatchObject({ first_name: 'Deleted', last_name: 'user', phone: null, company: null, country: null, password_hash: null });
    expect(user!.email).toBe(`deleted-${person.id}@deleted.invalid`);
    expect(user!.deleted_at).not.toBeNull();
    expect(JSON.stringify(await app.sql('select * from users where email = ?', [person.email]))).toBe('[]');
    for (const table of ['seat_assignments', 'memberships', 'sessions', 'two_step_factors', 'two_step_recovery_codes']) {
      expect(await count(`select count(*) from ${table} where user_id = ?`, [person.id]), table).toBe(0);
    }
    const audit = await app.sql<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_entries where target_id = ? and action = 'user.delete_self'",
      [person.id],
    );
    expect(audit).toEqual([{ action: 'user.delete_self', actor_id: person.id }]);
    const farewell = await peer.waitFor((mail) => sentTo(person.email)(mail) && mail.subject === 'Your Seatwise account was deleted');
    expect(farewell.subject).toBe('Your Seatwise account was deleted');

    // The admin's list no longer shows the person.
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const { users } = dataOf(await admin.graphql<{ users: { edges: { node: { email: string } }[] } }>(
      `query S($q: String!) { users(filter: { search: $q }) { edges { node { email } } } }`,
      { q: person.email },
    ));
    expect(users.edges).toHaveLength(0);
  });

  it('takes the person out of old audit summaries: their address everywhere, their name where the entry is theirs', async () => {
    const person = await freshPerson(app, { withSeats: true });
    const [names] = await app.sql<{ first_name: string; last_name: string }>('select first_name, last_name from users where id = ?', [person.id]);
    const fullName = `${names!.first_name} ${names!.last_name}`;
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    // The admin changes the person's role (an entry about them), and the person makes a token (an entry by them).
    const changeRole = async (role: string) => {
      const { user } = dataOf(await admin.graphql<{ user: { version: number } }>('query U($id: UUID!) { user(id: $id) { version } }', { id: person.id }));
      dataOf(await admin.graphql('mutation R($input: ChangeRoleInput!) { changeRole(input: $input) { id } }', { input: { userId: person.id, role, version: user.version } }));
    };
    await changeRole('SECONDARY_ADMIN');
    await changeRole('USER');
    const own = app.client();
    dataOf(await own.signIn(person.email));
    dataOf(await own.graphql('mutation { createApiToken(input: { kind: PERSONAL, name: "Mine", scopes: [READ_PROFILE] }) { secret } }'));
    // An entry about someone else that mentions the address (an import's note, say), and one naming a namesake.
    const [account] = await app.sql<{ id: string }>("select id from accounts where name = 'Kolektor Gradnje d.o.o.'");
    const [other] = await app.sql<{ id: string }>("select id from users where email = 'admin@example.com'");
    const mentionId = '11111111-1111-4111-8111-111111111111';
    const namesakeId = '22222222-2222-4222-8222-222222222222';
    const insert = 'insert into audit_entries (id, account_id, actor_id, action, target_type, target_id, summary, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)';
    const now = driver === 'sqlite' ? Date.now() : new Date();
    await app.sql(insert, [mentionId, account!.id, other!.id, 'users.import', 'import', null, `Import: row 4 was ${person.email.toUpperCase()}`, now]);
    await app.sql(insert, [namesakeId, account!.id, other!.id, 'user.invite', 'user', null, `Invited ${fullName} (namesake@elsewhere.example)`, now]);
    const mentioning = async () =>
      app.sql<{ id: string; summary: string; before: unknown; after: unknown }>(
        'select id, summary, before, after from audit_entries where target_id = ? or actor_id = ? or id in (?, ?)',
        [person.id, person.id, mentionId, namesakeId],
      );
    expect((await mentioning()).some((entry) => entry.summary.includes(person.email))).toBe(true);

    dataOf(await own.graphql(DELETE, { password: DEMO_PASSWORD }));
    const after = await mentioning();
    for (const entry of after) {
      const text = JSON.stringify(entry).toLowerCase();
      expect(text, entry.summary).not.toContain(person.email.toLowerCase());
      if (entry.id !== namesakeId) expect(text, entry.summary).not.toContain(fullName.toLowerCase());
    }
    expect(after.find((entry) => entry.id === mentionId)!.summary).toBe('Import: row 4 was a deleted person');
    // A namesake's entry keeps the name: it is someone else's.
    expect(after.find((entry) => entry.id === namesakeId)!.summary).toBe(`Invited ${fullName} (namesake@elsewhere.example)`);
    // What happened is kept.
    expect(after.filter((entry) => entry.summary.startsWith('Created personal token "Mine"'))).toHaveLength(1);
  });

  it('keeps the service tokens the person created working for the account, and ends their personal ones', async () => {
    const [admin] = await app.sql<{ id: string; email: string }>(
      "select u.id, u.email from users u join memberships m on m.user_id = u.id where m.role = 'SECONDARY_ADMIN' and m.status = 'ACTIVE' order by u.email limit 1",
    );
    const [hash] = await app.sql<{ password_hash: string }>('select password_hash from users where email = ?', ['admin@example.com']);
    await app.sql('update users set password_hash = ? where id = ?', [hash!.password_hash, admin!.id]);
    const client = app.client();
    dataOf(await client.signIn(admin!.email));
    const create = async (kind: string, scopes: string[]) =>
      dataOf(await client.graphql<{ createApiToken: { secret: string } }>(
        'mutation C($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
        { input: { kind, name: `${kind} of a leaver`, scopes } },
      )).createApiToken.secret;
    const service = await create('SERVICE', ['READ_USERS']);
    const personal = await create('PERSONAL', ['READ_PROFILE']);
    dataOf(await client.graphql(DELETE, { password: DEMO_PASSWORD }));

    const serviceClient = app.client({ token: service });
    expect(dataOf(await serviceClient.graphql<{ users: { totalCount: number } }>('{ users(first: 1) { totalCount } }')).users.totalCount).toBeGreaterThan(0);
    const refused = await app.client({ token: personal }).post('{ me { id } }');
    expect(refused.response.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
