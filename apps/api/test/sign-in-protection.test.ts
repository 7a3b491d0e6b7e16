import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredCounters } from '../src/modules/identity/rate-limits.js';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, PRODUCTION_ENV, startTestApp, type TestApp } from './harness.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const SESSIONS = `query { mySessions { edges { node { id browser os deviceType ip signedInAt lastSeenAt expiresAt current } } } }`;
const SESSION_PAGE = `query Page($after: String) { mySessions(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id current } } } }`;
type SessionPage = { mySessions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; current: boolean } }[] } };
const sessionsOf = (data: { mySessions: { edges: { node: SessionRow }[] } }) => data.mySessions.edges.map((edge) => edge.node);
const END = `mutation End($id: UUID!) { endSession(id: $id) }`;
const EVERYWHERE = `mutation { signOutEverywhere }`;
const OTHERS = `mutation { endOtherSessions }`;
const ME = `query { me { email } }`;

interface SessionRow {
  id: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  current: boolean;
  lastSeenAt: string;
}

describe.each(drivers)('sign-in protection and sessions (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, {
      env: { SMTP_URL: peer.url, SEATWISE_SIGNIN_FAILURES_PER_ACCOUNT: '3', SEATWISE_SIGNIN_FAILURES_PER_IP: '12' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('locks an account after repeated failures, even for the right password, and alike for unknown emails', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(errorOf(await app.client().signIn('user@example.com', 'wrong-password')).extensions?.code).toBe('INVALID_CREDENTIALS');
      expect(errorOf(await app.client().signIn('ghost@example.com', 'wrong-password')).extensions?.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = errorOf(await app.client().signIn('user@example.com', DEMO_PASSWORD));
    const ghost = errorOf(await app.client().signIn('ghost@example.com', DEMO_PASSWORD));
    expect(locked.extensions).toEqual({ code: 'TOO_MANY_ATTEMPTS', field: 'email' });
    expect(ghost.extensions).toEqual(locked.extensions);
    expect(ghost.message).toBe(locked.message);
    expect(locked.message).toMatch(/Wait \d+ minutes? and try again/);

    // The counters live in the database, so another instance sees them: they expire on their own.
    const rows = await app.sql<{ key: string }>('select key from rate_limits');
    expect(rows.some((row) => row.key.startsWith('signin_account:'))).toBe(true);
    expect(rows.some((row) => row.key.includes('user@example.com'))).toBe(false);
    // The sweep keeps live windows and removes those that ended over an hour ago.
    expect(await deleteExpiredCounters(app.orm)).toBe(0);
    expect(await deleteExpiredCounters(app.orm, Date.now() + 2 * 60 * 60 * 1000)).toBeGreaterThanOrEqual(2);
    expect(dataOf(await app.client().signIn('user@example.com'))).toBeTruthy();
  });

  it('a successful sign-in clears the account count', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) await app.client().signIn('maja.horvat@kolektor-gradnje.si', 'wrong-password');
    dataOf(await app.client().signIn('maja.horvat@kolektor-gradnje.si'));
    for (let attempt = 0; attempt < 2; attempt += 1) await app.client().signIn('maja.horvat@kolektor-gradnje.si', 'wrong-password');
    expect(dataOf(await app.client().signIn('maja.horvat@kolektor-gradnje.si'))).toBeTruthy();
  });

  it('locks an IP after repeated failures across accounts', async () => {
    await app.sql('delete from rate_limits');
    const emails = ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example', 'f@x.example'];
    for (const email of emails) {
      await app.client().signIn(email, 'wrong-password');
      await app.client().signIn(email, 'wrong-password');
    }
    const error = errorOf(await app.client().signIn('admin@example.com'));
    expect(error.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    await app.sql('delete from rate_limits');
  });

  it('pages through the own sessions one at a time: the current one first, each once', async () => {
    const email = 'maja.horvat@kolektor-gradnje.si';
    const clients = [app.client(), app.client(), app.client()];
    const [asking] = clients;
    for (const client of clients) dataOf(await client.signIn(email));
    const seen: { id: string; current: boolean }[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page += 1) {
      const result: SessionPage['mySessions'] = dataOf(await asking!.graphql<SessionPage>(SESSION_PAGE, { after })).mySessions;
      total = result.totalCount;
      seen.push(...result.edges.map((edge) => edge.node));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((session) => session.id)).size).toBe(total);
    expect(seen.map((session) => session.current)).toEqual([true, ...Array<boolean>(total - 1).fill(false)]);
  });

  it('lists the own sessions with device and IP, ends one, and signs out everywhere', async () => {
    const email = 'admin@alpine.example';
    const laptop = app.client();
    const phone = app.client();
    dataOf(await laptop.signIn(email));
    dataOf(await phone.signIn(email));
    const other = app.client();
    dataOf(await other.signIn('admin@example.com'));

    const mySessions = sessionsOf(dataOf(await laptop.graphql<{ mySessions: { edges: { node: SessionRow }[] } }>(SESSIONS)));
    expect(mySessions).toHaveLength(2);
    expect(mySessions[0]).toMatchObject({ current: true, ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(mySessions.filter((session) => session.current)).toHaveLength(1);
    const phoneSession = mySessions.find((session) => !session.current)!;

    // Another person's session id is not found, and nothing ends.
    const foreign = sessionsOf(dataOf(await other.graphql<{ mySessions: { edges: { node: SessionRow }[] } }>(SESSIONS)))[0]!;
    expect(errorOf(await laptop.graphql(END, { id: foreign.id })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(dataOf(await other.graphql<{ me: unknown }>(ME)).me).not.toBeNull();
    expect(errorOf(await laptop.graphql(END, { id: 'not-a-session' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    expect(dataOf(await laptop.graphql(END, { id: phoneSession.id }))).toEqual({ endSession: true });
    expect(dataOf(await phone.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(sessionsOf(dataOf(await laptop.graphql<{ mySessions: { edges: { node: SessionRow }[] } }>(SESSIONS)))).toHaveLength(1);

    dataOf(await phone.signIn(email));
    expect(dataOf(await laptop.graphql<{ signOutEverywhere: number }>(EVERYWHERE)).signOutEverywhere).toBe(2);
    expect(laptop.cookies.has('seatwise_session')).toBe(false);
    expect(dataOf(await phone.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(dataOf(await other.graphql<{ me: unknown }>(ME)).me).not.toBeNull();
  });

  it('ends every other session and keeps this one ("end all but this one")', async () => {
    const email = 'user@example.com';
    const laptop = app.client();
    const phone = app.client();
    const tablet = app.client();
    const other = app.client();
    dataOf(await laptop.signIn(email));
    // Whatever earlier tests left signed in ends first.
    dataOf(await laptop.graphql(OTHERS));
    dataOf(await phone.signIn(email));
    dataOf(await tablet.signIn(email));
    dataOf(await other.signIn('admin@example.com'));

    expect(dataOf(await laptop.graphql<{ endOtherSessions: number }>(OTHERS)).endOtherSessions).toBe(2);
    // The others are signed out: their next protected request is refused as unauthenticated.
    expect(dataOf(await phone.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(errorOf(await tablet.graphql(SESSIONS)).extensions?.code).toBe('UNAUTHENTICATED');
    // This one still works, alone in the list, and another person's session is untouched.
    expect(laptop.cookies.has('seatwise_session')).toBe(true);
    const left = sessionsOf(dataOf(await laptop.graphql<{ mySessions: { edges: { node: SessionRow }[] } }>(SESSIONS)));
    expect(left.map((session) => session.current)).toEqual([true]);
    expect(dataOf(await other.graphql<{ me: unknown }>(ME)).me).not.toBeNull();
    // Nothing else to end.
    expect(dataOf(await laptop.graphql<{ endOtherSessions: number }>(OTHERS)).endOtherSessions).toBe(0);
    expect(errorOf(await phone.graphql(OTHERS)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not write last-seen on every request, and expired sessions stop working', async () => {
    const client = app.client();
    dataOf(await client.signIn('user@example.com'));
    const before = sessionsOf(dataOf(await client.graphql<{ mySessions: { edges: { node: SessionRow }[] } }>(SESSIONS)))[0]!;
    await client.graphql(ME);
    const after = sessionsOf(dataOf(await client.graphql<{ mySessions: { edges: { node: SessionRow }[] } }>(SESSIONS)))[0]!;
    expect(after.lastSeenAt).toBe(before.lastSeenAt);

    const past = driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000);
    await app.sql('update sessions set expires_at = ? where id = ?', [past, before.id]);
    expect(dataOf(await client.graphql<{ me: unknown }>(ME)).me).toBeNull();
  });

  it('writes the alert in the person\u2019s language, the moment as Slovenian writes it', async () => {
    const email = 'maja.horvat@kolektor-gradnje.si';
    await app.sql("update users set language = 'SL' where email = ?", [email]);
    try {
      await app.sql('delete from sessions where user_id in (select id from users where email = ?)', [email]);
      const isAlert = (m: Parameters<ReturnType<typeof sentTo>>[0]) => sentTo(email)(m) && m.subject === 'Nova prijava v vaš račun Seatwise';
      const before = peer.received.filter(isAlert).length;
      const client = app.client();
      dataOf(await client.signIn(email));
      await expect.poll(() => peer.received.filter(isAlert).length).toBe(before + 1);
      const alert = peer.received.filter(isAlert).at(-1)!;
      expect(alert.text).toMatch(/^Pozdravljeni, Maja,\n\nV vaš račun Seatwise se je pravkar nekdo prijavil/);
      expect(alert.text).toMatch(/\n\nKdaj: \d{1,2}\. \d{1,2}\. \d{4}, \d{2}:\d{2} UTC\nNaprava: .+\nNaslov IP: .*127\.0\.0\.1\n\n/);
      expect(alert.text).toContain('To sporočilo prejemate, ker imate v nastavitvah vklopljena varnostna opozorila.');
      expect(alert.html).toContain('<html lang="sl">');
      await client.graphql(`mutation { signOut }`);
    } finally {
      await app.sql("update users set language = 'EN' where email = ?", [email]);
    }
  });

  it('alerts about a sign-in from a new browser, once, unless security alerts are off', async () => {
    const email = 'maja.horvat@kolektor-gradnje.si';
    const count = () => peer.received.filter((m) => sentTo(email)(m) && /New sign-in/.test(m.subject ?? '')).length;
    // Signed in nowhere: the next sign-in is from a browser not seen before.
    await app.sql('delete from sessions where user_id in (select id from users where email = ?)', [email]);
    const before = count();
    const client = app.client();
    dataOf(await client.signIn(email));
    await expect.poll(count).toBe(before + 1);
    const alert = peer.received.filter((m) => sentTo(email)(m) && /New sign-in/.test(m.subject ?? '')).at(-1)!;
    expect(alert.text).toMatch(/When: \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} UTC\nDevice: .+\nIP address: .*127\.0\.0\.1/);

    dataOf(await client.graphql(`mutation { updateSettings(input: { notifications: [{ category: SECURITY_ALERTS, channel: NONE }] }) { language } }`));
    await client.graphql(`mutation { signOut }`);
    dataOf(await app.client().signIn(email));
    // Signed out, so this browser counts as new again: only the preference keeps the alert away.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(count()).toBe(before + 1);
  });

  it('refuses a GraphQL request a browser could send cross-site without a preflight (CSRF)', async () => {
    const client = app.client();
    dataOf(await client.signIn('admin@example.com'));
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { signOutEverywhere }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
    expect(dataOf(await client.graphql<{ me: unknown }>(ME)).me).not.toBeNull();
  });
});

describe('cookies outside development', () => {
  it('are Secure in production', async () => {
    const app = await startTestApp('sqlite', { env: { ...PRODUCTION_ENV } });
    try {
      const { response } = await app.client().post(
        `mutation { signIn(input: { email: "admin@example.com", password: "${DEMO_PASSWORD}" }) { viewer { id } } }`,
      );
      const cookie = response.headers.getSetCookie().find((header) => header.startsWith('seatwise_session='));
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
    } finally {
      await app.close();
    }
  });
});
