import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { announceFirstRun } from '../src/modules/vendor/first-run.js';
import { dataOf, drivers, errorOf, startTestApp, type TestApp } from './harness.js';
import {
  BEGIN_SETUP,
  COMPLETE_SETUP,
  COMPLETE_SIGN_IN,
  SIGN_IN,
  tokenOf,
  totpCode,
  useSetupLink,
  VENDOR_VIEWER,
} from './vendor-helpers.js';

const LINK = 'query ($token: String!) { operatorSetupLink(token: $token) { email role expiresAt } }';
const API_DIR = join(import.meta.dirname, '..');

describe.each(drivers)('first run and vendor staff set-up (%s)', (driver) => {
  let app: TestApp;
  const logger = createLogger('silent');

  /** Start-up's announcement, captured: what it printed and the link it made. */
  async function start() {
    const printed: string[] = [];
    const url = await announceFirstRun(app.orm, app.config, logger, (text) => printed.push(text));
    return { printed: printed.join('\n'), url };
  }

  beforeAll(async () => {
    app = await startTestApp(driver, { seed: false });
  });
  afterAll(() => app?.close());

  it('an empty install prints a single-use link; a restart before set-up replaces it', async () => {
    const first = await start();
    expect(first.url).toMatch(/\/setup\/[\w-]{43}$/);
    expect(first.printed).toContain(first.url!);
    expect(first.printed).toContain('operator:create');
    const shown = dataOf(await app.client().graphql<{ operatorSetupLink: { email: string | null; role: string; expiresAt: string } }>(LINK, { token: tokenOf(first.url!) }));
    expect(shown.operatorSetupLink).toMatchObject({ email: null, role: 'OPERATOR' });
    const hours = (new Date(shown.operatorSetupLink.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(0.98);
    expect(hours).toBeLessThanOrEqual(1);

    const second = await start();
    expect(second.url).not.toBe(first.url);
    expect(errorOf(await app.client().graphql(LINK, { token: tokenOf(first.url!) })).extensions).toMatchObject({ code: 'SETUP_LINK_INVALID', field: 'token' });
    expect(errorOf(await app.client().graphql(LINK, { token: 'made-up' })).extensions?.code).toBe('SETUP_LINK_INVALID');
  });

  it('creates the first operator with a password and an authenticator app, then prints nothing on later starts', async () => {
    const { url } = await start();
    const token = tokenOf(url!);
    const client = app.client();
    const bad = async (input: Record<string, unknown>) => errorOf(await client.graphql(BEGIN_SETUP, { input: { token, firstName: 'Olga', lastName: 'Novak', password: 'Vendor-console-7', ...input } })).extensions;
    expect(await bad({ email: 'not an email' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await bad({ email: 'olga@vendor.example', password: 'short' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(await bad({ email: 'olga@vendor.example', firstName: ' ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
    expect(errorOf(await client.graphql(COMPLETE_SETUP, { input: { token, code: '123456' } })).extensions?.code).toBe('SETUP_NOT_STARTED');

    const begun = dataOf(await client.graphql<{ beginOperatorSetup: { secret: string; otpauthUri: string; qrCodeDataUrl: string } }>(BEGIN_SETUP, {
      input: { token, email: 'Olga@Vendor.example', firstName: 'Olga', lastName: 'Novak', password: 'Vendor-console-7', language: 'SL' },
    })).beginOperatorSetup;
    expect(begun.otpauthUri).toContain('olga%40vendor.example');
    expect(begun.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    // Nothing of the person exists before the first right code.
    expect(await app.sql('select id from users where email = ?', ['olga@vendor.example'])).toHaveLength(0);
    expect(errorOf(await client.graphql(COMPLETE_SETUP, { input: { token, code: totpCode(begun.secret, 10) } })).extensions).toMatchObject({ field: 'code' });

    // Two tabs finishing at once: one operator.
    const code = totpCode(begun.secret);
    const [one, two] = await Promise.all([client.graphql(COMPLETE_SETUP, { input: { token, code } }), app.client().graphql(COMPLETE_SETUP, { input: { token, code } })]);
    const results = [one, two];
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.find((result) => result.errors)!.errors![0]!.extensions?.code).toBe('SETUP_LINK_INVALID');
    const winner = one.errors ? two : one;
    const done = (winner.data as { completeOperatorSetup: { staff: { email: string; role: string }; recoveryCodes: string[] } }).completeOperatorSetup;
    expect(done.staff).toMatchObject({ email: 'olga@vendor.example', role: 'OPERATOR' });
    expect(done.recoveryCodes).toHaveLength(10);
    expect(await app.sql('select role from vendor_staff')).toHaveLength(1);
    expect(await app.sql('select * from memberships m join users u on u.id = m.user_id where u.email = ?', ['olga@vendor.example'])).toHaveLength(0);
    expect(await app.sql("select method from two_step_factors f join users u on u.id = f.user_id where u.email = ? and f.enabled_at is not null", ['olga@vendor.example'])).toEqual([
      { method: 'AUTHENTICATOR_APP' },
    ]);

    // The browser that finished is signed in to the console, and to no customer account.
    const signedIn = one.errors ? null : client;
    if (signedIn) expect(dataOf(await signedIn.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: { email: 'olga@vendor.example', role: 'OPERATOR' }, me: null });
    expect(errorOf(await client.graphql(LINK, { token })).extensions?.code).toBe('SETUP_LINK_INVALID');

    const later = await start();
    expect(later).toEqual({ printed: '', url: null });

    // Signing in again: password, then the app (a later code: each is good once).
    const browser = app.client();
    const answer = dataOf(await browser.graphql<{ signIn: { viewer: null; secondStep: { method: string }; staff: null } }>(SIGN_IN, {
      input: { email: 'olga@vendor.example', password: 'Vendor-console-7' },
    }));
    expect(answer.signIn).toMatchObject({ viewer: null, staff: null, secondStep: { method: 'AUTHENTICATOR_APP' } });
    expect(dataOf(await browser.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: null, me: null });
    const completed = dataOf(await browser.graphql<{ completeSignIn: { viewer: null; staff: { email: string } } }>(COMPLETE_SIGN_IN, { code: totpCode(begun.secret, 1), kind: 'AUTHENTICATOR_APP' }));
    expect(completed.completeSignIn).toMatchObject({ viewer: null, staff: { email: 'olga@vendor.example' } });
    expect(dataOf(await browser.graphql<{ vendorViewer: { role: string } }>(VENDOR_VIEWER)).vendorViewer.role).toBe('OPERATOR');
    expect(dataOf(await browser.graphql('{ vendorStaff { totalCount edges { node { email role } } } }'))).toEqual({
      vendorStaff: { totalCount: 1, edges: [{ node: { email: 'olga@vendor.example', role: 'OPERATOR' } }] },
    });

    // A new password by the reset link ends the console sessions too.
    dataOf(await app.client().graphql('mutation ($email: String!) { requestPasswordReset(input: { email: $email }) }', { email: 'olga@vendor.example' }));
    let resetToken: string | undefined;
    for (let attempt = 0; attempt < 50 && !resetToken; attempt += 1) {
      const mail = (await app.outbox.list(50)).find((message) => message.to === 'olga@vendor.example');
      resetToken = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
      if (!resetToken) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    dataOf(await app.client().graphql('mutation ($token: String!, $password: String!) { resetPassword(input: { token: $token, newPassword: $password }) }', {
      token: resetToken,
      password: 'Vendor-console-8',
    }));
    expect(dataOf(await browser.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: null, me: null });

    // Signing out ends the staff session.
    const again = await signedInAgain(done.recoveryCodes[0]!);
    dataOf(await again.graphql('mutation { signOut }'));
    expect(dataOf(await again.graphql(VENDOR_VIEWER))).toEqual({ vendorViewer: null, me: null });

  });

  /** Olga signs in again with her new password and a recovery code (the app's codes of now are used up). */
  async function signedInAgain(recoveryCode: string) {
    const client = app.client();
    dataOf(await client.graphql(SIGN_IN, { input: { email: 'olga@vendor.example', password: 'Vendor-console-8' } }));
    dataOf(await client.graphql(COMPLETE_SIGN_IN, { code: recoveryCode, kind: 'RECOVERY_CODE' }));
    expect(dataOf(await client.graphql<{ vendorViewer: { email: string } }>(VENDOR_VIEWER)).vendorViewer.email).toBe('olga@vendor.example');
    return client;
  }

  it('refuses an expired link, and staff whose 2-step verification is gone', async () => {
    const { createStaffSetupLink } = await import('../src/modules/vendor/setup-link.service.js');
    const link = await createStaffSetupLink(app.em(), app.config, 'late@vendor.example', 'SUPPORT' as never);
    await app.sql('update vendor_setup_links set expires_at = ? where email = ?', [app.driver === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000).toISOString(), 'late@vendor.example']);
    expect(errorOf(await app.client().graphql(LINK, { token: tokenOf(link.url) })).extensions?.code).toBe('SETUP_LINK_INVALID');

    // Guessing the app's code: the fifth wrong one uses the link up.
    const guessed = await createStaffSetupLink(app.em(), app.config, 'guess@vendor.example', 'SUPPORT' as never);
    const guesser = app.client();
    dataOf(await guesser.graphql(BEGIN_SETUP, { input: { token: tokenOf(guessed.url), firstName: 'G', lastName: 'Uesser', password: 'Vendor-console-7' } }));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(errorOf(await guesser.graphql(COMPLETE_SETUP, { input: { token: tokenOf(guessed.url), code: '000000' } })).extensions?.field).toBe('code');
    }
    expect(errorOf(await guesser.graphql(COMPLETE_SETUP, { input: { token: tokenOf(guessed.url), code: '000000' } })).extensions?.code).toBe('SETUP_LINK_INVALID');

    const fresh = await createStaffSetupLink(app.em(), app.config, 'support@vendor.example', 'SUPPORT' as never);
    const supportClient = app.client();
    const made = await useSetupLink(supportClient, fresh.url, { email: 'ignored@vendor.example' });
    expect(made.staff).toMatchObject({ email: 'support@vendor.example', role: 'SUPPORT' });
    expect(errorOf(await supportClient.graphql('{ vendorStaff { edges { node { email } } } }')).extensions?.code).toBe('FORBIDDEN');
    await app.sql('delete from two_step_factors where user_id = ?', [made.staff.id]);
    expect(errorOf(await app.client().graphql(SIGN_IN, { input: { email: 'support@vendor.example', password: 'Vendor-console-7' } })).extensions?.code).toBe('TWO_STEP_REQUIRED');
  });

  it('operator:create prints a link for automation that works for its address, and refuses an address already in use', async () => {
    // A second process on the same database, as a deployment script would run it.
    const run = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        const env = { ...process.env, DATABASE_URL: app.databaseUrl, SEATWISE_DATA_DIR: app.dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/operator-create.ts', ...args], { cwd: API_DIR, env, timeout: 90_000 }, (error, stdout, stderr) =>
          resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const made = await run('--email', 'Ops@Vendor.example', '--role', 'operator', '--json');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const printed = JSON.parse(made.stdout) as { url: string; expiresAt: string };
    expect(printed.url).toContain('/setup/');
    const made2 = await useSetupLink(app.client(), printed.url, { email: 'someone-else@vendor.example' });
    expect(made2.staff).toMatchObject({ email: 'ops@vendor.example', role: 'OPERATOR' });
    const again = await run('--email', 'ops@vendor.example');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('ops@vendor.example already signs in to Seatwise');
  }, 200_000);
});
