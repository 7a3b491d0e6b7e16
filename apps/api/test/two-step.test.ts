import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';
import { appCode, freshPerson, latestSmsCode } from './security-fixtures.js';
import { sentTo, startSmtpPeer, type SmtpPeer } from './smtp-peer.js';

const STATUS = `query { accountSecurity { twoStep { enabled method phoneHint recoveryCodesLeft enabledAt } } }`;
const START_APP = `mutation Start($password: String!) {
  startAuthenticatorSetup(input: { password: $password }) { secret otpauthUri qrCodeDataUrl }
}`;
const START_SMS = `mutation Start($phone: String!, $password: String!) {
  startSmsSetup(input: { phone: $phone, password: $password }) { phoneHint }
}`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTwoStep(input: { code: $code }) { codes } }`;
const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(input: { email: $email, password: $password }) { viewer { id email } secondStep { method phoneHint expiresAt } }
}`;
const COMPLETE = `mutation Complete($code: String!, $kind: SecondStepCodeKind!) {
  completeSignIn(input: { code: $code, kind: $kind }) { viewer { id email } secondStep { method } }
}`;
const TURN_OFF = `mutation Off($password: String, $code: String) {
  turnOffTwoStep(input: { password: $password, code: $code }) { enabled method recoveryCodesLeft }
}`;
const ME = `query { me { id email } }`;

interface TwoStepStatus {
  enabled: boolean;
  method: string | null;
  phoneHint: string | null;
  recoveryCodesLeft: number;
}
type SignInAnswer = { signIn: { viewer: { id: string } | null; secondStep: { method: string; phoneHint: string | null } | null } };

const status = async (client: TestClient) =>
  dataOf(await client.graphql<{ accountSecurity: { twoStep: TwoStepStatus } }>(STATUS)).accountSecurity.twoStep;

describe.each(drivers)('2-step verification (%s)', (driver) => {
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

  /** Signs `email` in and turns on the authenticator app; answers the secret and the recovery codes. */
  async function withAuthenticator(email: string) {
    const client = app.client();
    dataOf(await client.signIn(email));
    const setup = dataOf(await client.graphql<{ startAuthenticatorSetup: { secret: string } }>(START_APP, { password: DEMO_PASSWORD }));
    const { secret } = setup.startAuthenticatorSetup;
    const codes = dataOf(await client.graphql<{ confirmTwoStep: { codes: string[] } }>(CONFIRM, { code: appCode(secret) })).confirmTwoStep.codes;
    return { client, secret, codes };
  }

  it('turns the authenticator app on only after a right code, with ten single-use recovery codes kept as hashes', async () => {
    const person = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(person.email));
    expect(await status(client)).toMatchObject({ enabled: false, method: null, recoveryCodesLeft: 0 });

    const wrongPassword = errorOf(await client.graphql(START_APP, { password: 'not-my-password' }));
    expect(wrongPassword.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(await app.sql('select * from two_step_factors where user_id = ?', [person.id])).toHaveLength(0);

    const setup = dataOf(
      await client.graphql<{ startAuthenticatorSetup: { secret: string; otpauthUri: string; qrCodeDataUrl: string } }>(START_APP, {
        password: DEMO_PASSWORD,
      }),
    ).startAuthenticatorSetup;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Seatwise:.+\?.*secret=[A-Z2-7]{32}/);
    expect(setup.otpauthUri).toContain('issuer=Seatwise');
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not on yet: the set-up is not confirmed.
    expect((await status(client)).enabled).toBe(false);
    expect(dataOf(await app.client().graphql<SignInAnswer>(SIGN_IN, { email: person.email, password: DEMO_PASSWORD })).signIn.viewer).not.toBeNull();

    const wrong = errorOf(await client.graphql(CONFIRM, { code: String((Number(appCode(setup.secret)) + 1) % 1_000_000).padStart(6, '0') }));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const malformed = errorOf(await client.graphql(CONFIRM, { code: '12ab' }));
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await status(client)).enabled).toBe(false);

    const { codes } = dataOf(await client.graphql<{ confirmTwoStep: { codes: string[] } }>(CONFIRM, { code: appCode(setup.secret) })).confirmTwoStep;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await status(client)).toMatchObject({ enabled: true, method: 'AUTHENTICATOR_APP', recoveryCodesLeft: 10 });

    // Neither the secret nor any recovery code is stored readable.
    const stored = JSON.stringify([
      ...(await app.sql('select * from two_step_factors where user_id = ?', [person.id])),
      ...(await app.sql('select * from two_step_recovery_codes where user_id = ?', [person.id])),
    ]);
    expect(stored).not.toContain(setup.secret);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }
    // And the secret is not answered again once set up.
    const again = errorOf(await client.graphql(START_APP, { password: DEMO_PASSWORD }));
    expect(again.extensions?.code).toBe('TWO_STEP_ALREADY_ON');
  });

  it('asks for the second step at sign-in and opens no session until a right code', async () => {
    const person = await freshPerson(app);
    const setUp = await withAuthenticator(person.email);
    const { secret } = setUp;
    // Signed out everywhere, so the next sign-in comes from a browser with no live session.
    dataOf(await setUp.client.graphql(`mutation { signOut }`));

    const client = app.client();
    const first = dataOf(await client.graphql<SignInAnswer>(SIGN_IN, { email: person.email, password: DEMO_PASSWORD })).signIn;
    expect(first.viewer).toBeNull();
    expect(first.secondStep).toMatchObject({ method: 'AUTHENTICATOR_APP', phoneHint: null });
    expect(client.cookies.has('seatwise_session')).toBe(false);
    expect(client.cookies.has('seatwise_2step')).toBe(true);
    expect(dataOf(await client.graphql<{ me: unknown }>(ME)).me).toBeNull();
    expect(errorOf(await client.graphql(STATUS)).extensions?.code).toBe('UNAUTHENTICATED');

    const wrong = errorOf(await client.graphql(COMPLETE, { code: '000000', kind: 'AUTHENTICATOR_APP' }));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const wrongKind = errorOf(await client.graphql(COMPLETE, { code: appCode(secret, 1), kind: 'SMS' }));
    expect(wrongKind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });

    // The set-up used the current step's code, so the next step's code is the fresh one.
    const code = appCode(secret, 1);
    const done = dataOf(await client.graphql<{ completeSignIn: { viewer: { email: string } } }>(COMPLETE, { code, kind: 'AUTHENTICATOR_APP' }));
    expect(done.completeSignIn.viewer.email).toBe(person.email);
    expect(client.cookies.has('seatwise_session')).toBe(true);
    expect(client.cookies.has('seatwise_2step')).toBe(false);
    expect(dataOf(await client.graphql<{ me: { email: string } }>(ME)).me.email).toBe(person.email);

    // A code is good once, even within its 30 seconds.
    const other = app.client();
    dataOf(await other.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    expect(errorOf(await other.graphql(COMPLETE, { code, kind: 'AUTHENTICATOR_APP' })).extensions).toMatchObject({ field: 'code' });

    // The sign-in from a browser with no live session is reported to the person, once it is complete.
    const alert = await peer.waitFor((mail) => sentTo(person.email)(mail) && mail.subject === 'New sign-in to your Seatwise account');
    expect(alert.text).toContain('Your Seatwise account was just signed in to from a browser or device not signed in before.');
  });

  it('needs a pending sign-in: no cookie, or an expired one, gets SECOND_STEP_EXPIRED', async () => {
    const person = await freshPerson(app);
    const { secret } = await withAuthenticator(person.email);
    expect(errorOf(await app.client().graphql(COMPLETE, { code: appCode(secret, 1), kind: 'AUTHENTICATOR_APP' })).extensions?.code).toBe(
      'SECOND_STEP_EXPIRED',
    );
    const client = app.client();
    dataOf(await client.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    await app.sql('update sign_in_challenges set expires_at = ? where user_id = ?', [
      app.driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000),
      person.id,
    ]);
    expect(errorOf(await client.graphql(COMPLETE, { code: appCode(secret, 1), kind: 'AUTHENTICATOR_APP' })).extensions?.code).toBe(
      'SECOND_STEP_EXPIRED',
    );
  });

  it('signs in with a recovery code once', async () => {
    const person = await freshPerson(app);
    const { codes } = await withAuthenticator(person.email);
    const client = app.client();
    dataOf(await client.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    const typed = codes[3]!.toLowerCase().replace('-', ' ');
    expect(dataOf(await client.graphql<{ completeSignIn: { viewer: { email: string } } }>(COMPLETE, { code: typed, kind: 'RECOVERY_CODE' })).completeSignIn.viewer.email).toBe(
      person.email,
    );
    expect((await status(client)).recoveryCodesLeft).toBe(9);

    const again = app.client();
    dataOf(await again.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    expect(errorOf(await again.graphql(COMPLETE, { code: codes[3], kind: 'RECOVERY_CODE' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
  });

  it('locks codes after five wrong ones, across sign-in attempts, and the right code then waits too', async () => {
    const person = await freshPerson(app);
    const { secret } = await withAuthenticator(person.email);
    const client = app.client();
    dataOf(await client.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(errorOf(await client.graphql(COMPLETE, { code: '999999', kind: 'AUTHENTICATOR_APP' })).extensions?.code).toBe('BAD_USER_INPUT');
    }
    // A new sign-in does not reset the count.
    const other = app.client();
    dataOf(await other.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    const fifth = errorOf(await other.graphql(COMPLETE, { code: '999999', kind: 'AUTHENTICATOR_APP' }));
    expect(fifth.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: 'code' });
    const right = errorOf(await other.graphql(COMPLETE, { code: appCode(secret, 1), kind: 'AUTHENTICATOR_APP' }));
    expect(right.extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(right.message).toMatch(/Try again in 15 minutes/);
    expect(other.cookies.has('seatwise_session')).toBe(false);
  });

  it('turns off with the password (not a wrong one), tells the person, and sign-in is one step again', async () => {
    const person = await freshPerson(app, { language: 'SL' });
    const { client } = await withAuthenticator(person.email);
    const wrong = errorOf(await client.graphql(TURN_OFF, { password: 'wrong-password' }));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await status(client)).enabled).toBe(true);
    const neither = errorOf(await client.graphql(TURN_OFF, {}));
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });

    const off = dataOf(await client.graphql<{ turnOffTwoStep: TwoStepStatus }>(TURN_OFF, { password: DEMO_PASSWORD })).turnOffTwoStep;
    expect(off).toMatchObject({ enabled: false, method: null, recoveryCodesLeft: 0 });
    expect(await app.sql('select * from two_step_recovery_codes where user_id = ?', [person.id])).toHaveLength(0);

    const alert = await peer.waitFor(
      (mail) => sentTo(person.email)(mail) && mail.subject === 'Preverjanje v dveh korakih je bilo izklopljeno',
    );
    expect(alert.text).toContain('Za vaš račun Seatwise je bilo izklopljeno preverjanje v dveh korakih.');

    const again = dataOf(await app.client().graphql<SignInAnswer>(SIGN_IN, { email: person.email, password: DEMO_PASSWORD })).signIn;
    expect(again.viewer).not.toBeNull();
    expect(again.secondStep).toBeNull();
  });

  it('turns off with a code from the app instead of the password', async () => {
    const person = await freshPerson(app);
    const { client, secret } = await withAuthenticator(person.email);
    const wrong = errorOf(await client.graphql(TURN_OFF, { code: '123456' === appCode(secret, 1) ? '654321' : '123456' }));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(dataOf(await client.graphql<{ turnOffTwoStep: TwoStepStatus }>(TURN_OFF, { code: appCode(secret, 1) })).turnOffTwoStep.enabled).toBe(false);
  });

  it('makes new recovery codes with the password; the old ones stop working', async () => {
    const person = await freshPerson(app);
    const { client, codes } = await withAuthenticator(person.email);
    const REGENERATE = `mutation R($password: String!) { regenerateRecoveryCodes(input: { password: $password }) { codes } }`;
    expect(errorOf(await client.graphql(REGENERATE, { password: 'wrong-password' })).extensions).toMatchObject({ field: 'password' });
    const fresh = dataOf(await client.graphql<{ regenerateRecoveryCodes: { codes: string[] } }>(REGENERATE, { password: DEMO_PASSWORD }))
      .regenerateRecoveryCodes.codes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => codes.includes(code))).toBe(false);
    expect((await status(client)).recoveryCodesLeft).toBe(10);

    const signingIn = app.client();
    dataOf(await signingIn.graphql(SIGN_IN, { email: person.email, password: DEMO_PASSWORD }));
    expect(errorOf(await signingIn.graphql(COMPLETE, { code: codes[0], kind: 'RECOVERY_CODE' })).extensions?.field).toBe('code');
    dataOf(await signingIn.graphql(COMPLETE, { code: fresh[0], kind: 'RECOVERY_CODE' }));
  });

  it('turns SMS 2-step off with a code it asks to have sent', async () => {
    const person = await freshPerson(app);
    const client = app.client();
    dataOf(await client.signIn(person.email));
    const phone = '+38641333444';
    dataOf(await client.graphql(START_SMS, { phone, password: DEMO_PASSWORD }));
    dataOf(await client.graphql(CONFIRM, { code: await latestSmsCode(app, phone) }));
    // Sending again within 30 seconds is refused; once the wait is over a new code comes.
    expect(errorOf(await client.graphql('mutation { sendTwoStepSmsCode { phoneHint } }')).extensions?.code).toBe('TOO_MANY_REQUESTS');
    await app.sql('update two_step_factors set sms_sent_at = null where user_id = ?', [person.id]);
    dataOf(await client.graphql('mutation { sendTwoStepSmsCode { phoneHint } }'));
    const off = dataOf(await client.graphql<{ turnOffTwoStep: TwoStepStatus }>(TURN_OFF, { code: await latestSmsCode(app, phone) }));
    expect(off.turnOffTwoStep.enabled).toBe(false);
  });

  it('works by text message: set-up code, sign-in code, limited resending, wrong phone refused', async () => {
    const person = await freshPerson(app, { language: 'SL' });
    const client = app.client();
    dataOf(await client.signIn(person.email));
    for (const phone of ['040 123 456', '+38640', 'phone']) {
      const error = errorOf(await client.graphql(START_SMS, { phone, password: DEMO_PASSWORD }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    }
    expect(await app.sql('select * from two_step_factors where user_id = ?', [person.id])).toHaveLength(0);

    const phone = '+38640111222';
    const setup = dataOf(await client.graphql<{ startSmsSetup: { phoneHint: string } }>(START_SMS, { phone: '+386 40 111 222', password: DEMO_PASSWORD }));
    expect(setup.startSmsSetup.phoneHint).toBe('•••••••••222');
    await app.deliverEvents();
    const sms = (await app.outbox.list()).find((message) => message.to === phone)!;
    expect(sms.text).toMatch(/^\d{6} je vaša koda za Seatwise/);
    expect((await status(client)).enabled).toBe(false);
    dataOf(await client.graphql(CONFIRM, { code: await latestSmsCode(app, phone) }));
    expect(await status(client)).toMatchObject({ enabled: true, method: 'SMS', phoneHint: '•••••••••222', recoveryCodesLeft: 10 });

    const signingIn = app.client();
    const answer = dataOf(await signingIn.graphql<SignInAnswer>(SIGN_IN, { email: person.email, password: DEMO_PASSWORD })).signIn;
    expect(answer.secondStep).toMatchObject({ method: 'SMS', phoneHint: '•••••••••222' });
    const code = await latestSmsCode(app, phone);
    const resend = errorOf(await signingIn.graphql('mutation { sendSignInSmsCode { method } }'));
    expect(resend.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(errorOf(await signingIn.graphql(COMPLETE, { code, kind: 'AUTHENTICATOR_APP' })).extensions?.field).toBe('kind');
    const done = dataOf(await signingIn.graphql<{ completeSignIn: { viewer: { email: string } } }>(COMPLETE, { code, kind: 'SMS' }));
    expect(done.completeSignIn.viewer.email).toBe(person.email);
  });
});
