import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp } from './harness.js';

const ME = `query { me { id email firstName lastName role account { id name } } }`;
const USERS = `query { users { totalCount } }`;

describe.each(drivers)('identity (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(driver);
  });
  afterAll(() => app?.close());

  it('signs in and `me` returns the viewer with role and account', async () => {
    const client = app.client();
    expect(dataOf(await client.graphql(ME)).me).toBeNull();
    dataOf(await client.signIn('Admin@Example.com '));
    const { me } = dataOf(await client.graphql<{ me: Record<string, unknown> }>(ME));
    expect(me).toMatchObject({
      email: 'admin@example.com',
      firstName: 'Ana',
      lastName: 'Novak',
      role: 'PRIMARY_ADMIN',
      account: { name: 'Kolektor Gradnje d.o.o.' },
    });
  });

  it('answers a wrong password and an unknown email alike (no enumeration)', async () => {
    const wrongPassword = errorOf(await app.client().signIn('admin@example.com', 'not-the-password'));
    const unknownEmail = errorOf(await app.client().signIn('nobody@example.com', 'Seatwise-demo-1'));
    expect(wrongPassword.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(unknownEmail.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });

  it('rejects an empty email with BAD_USER_INPUT on field `email`', async () => {
    const error = errorOf(await app.client().signIn('   ', 'whatever'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('signs out: `me` is null and admin lists need a session again', async () => {
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    expect(dataOf(await client.graphql(USERS))).toBeTruthy();
    const token = client.cookies.get('seatwise_session');
    expect(dataOf(await client.graphql<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    expect(client.cookies.has('seatwise_session')).toBe(false);
    expect(dataOf(await client.graphql(ME)).me).toBeNull();
    expect(errorOf(await client.graphql(USERS)).extensions?.code).toBe('UNAUTHENTICATED');

    // The old cookie no longer opens a session, even when replayed.
    client.cookies.set('seatwise_session', token!);
    expect(dataOf(await client.graphql(ME)).me).toBeNull();
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const { response, body } = await app.client().post(
      `mutation { signIn(input: { email: "admin@example.com", password: "Seatwise-demo-1" }) { viewer { id } } }`,
    );
    expect(body.errors).toBeUndefined();
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('seatwise_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  it('stores only a hash of the session token', async () => {
    const client = app.client();
    dataOf(await client.signIn('maja.horvat@kolektor-gradnje.si'));
    const token = decodeURIComponent(client.cookies.get('seatwise_session')!);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const sessions = await app.sql('select * from sessions');
    expect(sessions.length).toBeGreaterThan(0);
    for (const row of sessions) {
      for (const value of Object.values(row)) expect(String(value)).not.toContain(token);
    }
  });
});
