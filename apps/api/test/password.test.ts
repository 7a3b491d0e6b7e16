import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp } from './harness.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const REQUEST = `mutation Request($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const LINK = `query Link($token: String!) { passwordResetLink(token: $token) { email firstPassword expiresAt } }`;
const RESET = `mutation Reset($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }`;
const CHANGE = `mutation Change($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { endedSessions } }`;
const ME = `query { me { email } }`;

const tokenIn = (text: string | undefined) => {
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text ?? '');
  if (!match) throw new Error(`No reset link in:\n${text}`);
  return match[1]!;
};

describe.each(drivers)('passwords (%s)', (driver) => {
  let peer: SmtpPeer;
  let app: TestApp;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await startTestApp(driver, { env: { SMTP_URL: peer.url, PUBLIC_URL: 'https://seatwise.test', LOG_LEVEL: 'error' } });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('states the password rule', async () => {
    const { passwordPolicy } = dataOf(await app.client().graphql<{ passwordPolicy: { minLength: number; description: string } }>(
      `{ passwordPolicy { minLength maxLength description } }`,
    ));
    expect(passwordPolicy.minLength).toBe(10);
    expect(passwordPolicy.description).toMatch(/10 to 128 characters/);
  });

  it('resets a forgotten password by a single-use link that ends the other sessions', async () => {
    const email = 'maja.horvat@kolektor-gradnje.si';
    const elsewhere = app.client();
    dataOf(await elsewhere.signIn(email));

    expect(dataOf(await app.client().graphql(REQUEST, { email: ' Maja.Horvat@kolektor-gradnje.si ' }))).toEqual({ requestPasswordReset: true });
    const mail = await peer.waitFor((m) => sentTo(email)(m) && /Reset your Seatwise password/.test(m.subject ?? ''));
    expect(mail.text).toContain('https://seatwise.test/reset-password?token=');
    expect(mail.text).toContain('60 minutes');
    const token = tokenIn(mail.text);

    // Only a hash of the token is stored.
    const rows = await app.sql('select * from password_reset_tokens');
    for (const row of rows) for (const value of Object.values(row)) expect(String(value)).not.toContain(token);

    const link = dataOf(await app.client().graphql<{ passwordResetLink: { email: string; firstPassword: boolean } }>(LINK, { token }));
    expect(link.passwordResetLink).toMatchObject({ email, firstPassword: false });

    const weak = errorOf(await app.client().graphql(RESET, { token, password: 'short' }));
    expect(weak.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const personal = errorOf(await app.client().graphql(RESET, { token, password: 'maja.horvat-2026' }));
    expect(personal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    // A refused password leaves the link usable and the old password working.
    expect(dataOf(await app.client().signIn(email))).toBeTruthy();

    expect(dataOf(await app.client().graphql(RESET, { token, password: 'Nova-gesla-2026' }))).toEqual({ resetPassword: true });
    expect(dataOf(await elsewhere.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(errorOf(await app.client().signIn(email)).extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(dataOf(await app.client().signIn(email, 'Nova-gesla-2026'))).toBeTruthy();
    const [stored] = await app.sql<{ password_hash: string }>('select password_hash from users where email = ?', [email]);
    expect(stored!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const reused = errorOf(await app.client().graphql(RESET, { token, password: 'Another-one-2026' }));
    expect(reused.extensions).toMatchObject({ code: 'INVALID_RESET_LINK', field: 'token' });
    expect(errorOf(await app.client().graphql(LINK, { token })).extensions?.code).toBe('INVALID_RESET_LINK');

    const alert = await peer.waitFor((m) => sentTo(email)(m) && /password was changed/.test(m.subject ?? ''));
    expect(alert.text).toContain('https://seatwise.test/profile/security');
  });

  it('refuses an expired link and keeps only the newest link working', async () => {
    const email = 'user@example.com';
    dataOf(await app.client().graphql(REQUEST, { email }));
    const first = tokenIn((await peer.waitFor(sentTo(email))).text);
    dataOf(await app.client().graphql(REQUEST, { email }));
    await expect.poll(() => peer.received.filter(sentTo(email)).length).toBe(2);
    const second = tokenIn(peer.received.filter(sentTo(email))[1]!.text);
    expect(second).not.toBe(first);
    expect(errorOf(await app.client().graphql(RESET, { token: first, password: 'Nova-gesla-2026' })).extensions).toMatchObject({
      code: 'INVALID_RESET_LINK',
      field: 'token',
    });

    await app.sql('update password_reset_tokens set expires_at = ? where used_at is null', [
      driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000),
    ]);
    expect(errorOf(await app.client().graphql(RESET, { token: second, password: 'Nova-gesla-2026' })).extensions).toMatchObject({
      code: 'INVALID_RESET_LINK',
      field: 'token',
    });
    expect(dataOf(await app.client().signIn(email))).toBeTruthy();
  });

  it('answers an unknown email exactly like a known one and sends nothing', async () => {
    const known = await app.client().post(REQUEST, { email: 'admin@example.com' });
    const unknown = await app.client().post(REQUEST, { email: 'nobody@example.com' });
    expect(unknown.body).toEqual(known.body);
    expect(unknown.response.status).toBe(known.response.status);
    await peer.waitFor(sentTo('admin@example.com'));
    expect(peer.received.some(sentTo('nobody@example.com'))).toBe(false);
  });

  it('refuses a malformed email, naming the field', async () => {
    const error = errorOf(await app.client().graphql(REQUEST, { email: 'not-an-email' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('lets an invited person without a password set the first one through the same flow', async () => {
    const [row] = await app.sql<{ email: string; language: string }>(
      "select u.email, u.language from users u join memberships m on m.user_id = u.id where u.password_hash is null and m.status = 'ACTIVE' and u.language = 'SL' order by u.email limit 1",
    );
    const email = row!.email;
    dataOf(await app.client().graphql(REQUEST, { email }));
    const mail = await peer.waitFor(sentTo(email));
    expect(mail.subject).toBe('Nastavite geslo za Seatwise');
    const token = tokenIn(mail.text);
    expect(dataOf(await app.client().graphql<{ passwordResetLink: { firstPassword: boolean } }>(LINK, { token })).passwordResetLink.firstPassword).toBe(true);
    dataOf(await app.client().graphql(RESET, { token, password: 'Prvo-geslo-2026' }));
    expect(dataOf(await app.client().signIn(email, 'Prvo-geslo-2026'))).toBeTruthy();
    // Setting a first password is no change to warn about.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(peer.received.filter(sentTo(email)).map((m) => m.subject)).not.toContain('Geslo za Seatwise je bilo spremenjeno');
  });

  it('changes the own password with the current one; other sessions end, this one stays', async () => {
    const email = 'admin@alpine.example';
    const here = app.client();
    const there = app.client();
    dataOf(await here.signIn(email));
    dataOf(await there.signIn(email));

    const wrong = errorOf(await here.graphql(CHANGE, { current: 'not-it-at-all', next: 'Brand-new-2026' }));
    expect(wrong.extensions).toMatchObject({ code: 'WRONG_PASSWORD', field: 'currentPassword' });
    const weak = errorOf(await here.graphql(CHANGE, { current: DEMO_PASSWORD, next: '1234567890' }));
    expect(weak.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(dataOf(await there.graphql<{ me: unknown }>(ME)).me).not.toBeNull();

    const { changePassword } = dataOf(await here.graphql<{ changePassword: { endedSessions: number } }>(CHANGE, {
      current: DEMO_PASSWORD,
      next: 'Brand-new-2026',
    }));
    expect(changePassword.endedSessions).toBeGreaterThanOrEqual(1);
    expect(dataOf(await here.graphql<{ me: { email: string } }>(ME)).me?.email).toBe(email);
    expect(dataOf(await there.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(dataOf(await app.client().signIn(email, 'Brand-new-2026'))).toBeTruthy();

    const alert = await peer.waitFor((m) => sentTo(email)(m) && /password was changed/.test(m.subject ?? ''));
    expect(alert.text).toMatch(/IP address: /);
  });

  it('needs a session to change a password', async () => {
    const error = errorOf(await app.client().graphql(CHANGE, { current: DEMO_PASSWORD, next: 'Brand-new-2026' }));
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
