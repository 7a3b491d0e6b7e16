import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, startTestApp, type TestApp } from './harness.js';

const INVITE = `mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;
const REQUEST = `mutation Request($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation Reset($input: ResetPasswordInput!) { resetPassword(input: $input) }`;

/** The token of the newest reset link sent to `email`, read from the outbox (sent after the commit, through the event bus). */
async function resetToken(app: TestApp, email: string): Promise<string> {
  await app.deliverEvents();
  const message = (await app.outbox.list()).find((candidate) => candidate.to === email && /reset-password\?token=/.test(candidate.text));
  const token = message && /reset-password\?token=([\w-]+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`No reset link reached ${email}.`);
  return token;
}

describe.each(drivers)('an invited person sets a first password through "FORGOT?" (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(driver);
  });
  afterAll(() => app?.close());

  it('joins the account they were invited to and can sign in', async () => {
    const email = 'nova.sodelavka@kolektor-gradnje.test';
    const admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    dataOf(await admin.graphql(INVITE, { input: { email, firstName: 'Nova', lastName: 'Sodelavka' } }));

    const person = app.client();
    dataOf(await person.graphql(REQUEST, { input: { email } }));
    const token = await resetToken(app, email);
    dataOf(await person.graphql(RESET, { input: { token, newPassword: 'Prvo-geslo-2026' } }));

    const signedIn = dataOf(await person.signIn(email, 'Prvo-geslo-2026')) as { signIn: { viewer: { email: string } | null } };
    expect(signedIn.signIn.viewer?.email).toBe(email);
    const [invitation] = await app.sql<{ status: string }>('select status from invitations where email = ?', [email]);
    expect(invitation?.status).toBe('ACCEPTED');
    const audit = await app.sql<{ action: string }>(
      `select action from audit_entries where action = 'invitation.accept' and summary like ?`,
      [`${email}%`],
    );
    expect(audit).toHaveLength(1);
  });
});
