import { TOTP, Secret } from 'otpauth';
import { expect } from 'vitest';
import { DEMO_OPERATOR_EMAIL, DEMO_OPERATOR_PHONE } from '../src/db/seed/demo-operator.js';
import { dataOf, DEMO_PASSWORD, type TestApp, type TestClient } from './harness.js';
import { latestSmsCode } from './security-fixtures.js';

export { DEMO_OPERATOR_EMAIL };

export const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { viewer { email } secondStep { method } staff { email role } } }`;
export const COMPLETE_SIGN_IN = `mutation ($code: String!, $kind: SecondStepCodeKind!) {
  completeSignIn(input: { code: $code, kind: $kind }) { viewer { email } staff { id email role } }
}`;
export const VENDOR_VIEWER = '{ vendorViewer { email role } me { email } }';

/** The code an authenticator app shows for this secret, `stepsAhead` 30-second steps from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** Signs the demo operator in: password, then the text-message code from the outbox. */
export async function signInDemoOperator(app: TestApp, client: TestClient = app.client()): Promise<TestClient> {
  const first = dataOf(await client.graphql<{ signIn: { secondStep: { method: string } | null } }>(SIGN_IN, { input: { email: DEMO_OPERATOR_EMAIL, password: DEMO_PASSWORD } }));
  expect(first.signIn.secondStep?.method).toBe('SMS');
  const code = await latestSmsCode(app, DEMO_OPERATOR_PHONE);
  const done = dataOf(await client.graphql<{ completeSignIn: { staff: { role: string } | null } }>(COMPLETE_SIGN_IN, { code, kind: 'SMS' }));
  expect(done.completeSignIn.staff?.role).toBe('OPERATOR');
  return client;
}

/** A setup link's token from its URL. */
export const tokenOf = (url: string) => decodeURIComponent(url.split('/setup/')[1]!);

export const BEGIN_SETUP = `mutation ($input: BeginOperatorSetupInput!) { beginOperatorSetup(input: $input) { secret otpauthUri qrCodeDataUrl } }`;
export const COMPLETE_SETUP = `mutation ($input: CompleteOperatorSetupInput!) { completeOperatorSetup(input: $input) { staff { id email role firstName } recoveryCodes } }`;

/** Walks a set-up link through the API: name and password, then the app's first code. */
export async function useSetupLink(client: TestClient, url: string, person: { email?: string; firstName?: string; lastName?: string; password?: string } = {}) {
  const token = tokenOf(url);
  const begun = dataOf(
    await client.graphql<{ beginOperatorSetup: { secret: string } }>(BEGIN_SETUP, {
      input: { token, email: person.email ?? null, firstName: person.firstName ?? 'Olga', lastName: person.lastName ?? 'Operaterka', password: person.password ?? 'Vendor-console-7' },
    }),
  );
  const secret = begun.beginOperatorSetup.secret;
  const done = dataOf(
    await client.graphql<{ completeOperatorSetup: { staff: { id: string; email: string; role: string }; recoveryCodes: string[] } }>(COMPLETE_SETUP, {
      input: { token, code: totpCode(secret) },
    }),
  );
  return { secret, ...done.completeOperatorSetup };
}
