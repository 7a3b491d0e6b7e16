import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './browser';

const email = 'user@example.com';
const password = 'Seatwise-demo-1';

const e2e = serverAndBrowser();

/** What an authenticator app shows, `stepsAhead` 30-second steps from now. */
function appCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

async function enterPassword(page: Page) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('2-step verification with an authenticator app', () => {
  it('a user turns it on with a code from the app, then signs in with the password and a code', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/profile/security`);
    await page.waitForURL('**/sign-in');
    await enterPassword(page);
    await page.waitForURL('**/profile/security');

    const section = page.getByRole('region', { name: '2-step verification' });
    await section.getByText('Off', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Set up authenticator app' }).click();

    const dialog = page.getByRole('dialog', { name: 'Set up an authenticator app' });
    await dialog.getByLabel('Current password').fill('not-my-password');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText('The password is not correct.').waitFor();
    await dialog.getByLabel('Current password').fill(password);
    await dialog.getByRole('button', { name: 'Continue' }).click();

    await dialog.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await dialog.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await dialog.getByLabel('6-digit code from the app').fill('12345');
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog.getByText('Enter the 6-digit code.').waitFor();
    await dialog.getByLabel('6-digit code from the app').fill(appCode(secret));
    await dialog.getByRole('button', { name: 'Turn on' }).click();

    const done = page.getByRole('dialog', { name: '2-step verification is on' });
    await done.getByTestId('recovery-code').first().waitFor();
    const codes = await done.getByTestId('recovery-code').allTextContents();
    expect(codes).toHaveLength(10);
    await done.getByRole('button', { name: 'I saved them' }).click();
    await section.getByText('On', { exact: true }).waitFor();
    await section.getByText('10 recovery codes left', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');

    // The password alone opens no session: the second step is asked for.
    await enterPassword(page);
    await page.getByRole('heading', { name: '2-step verification' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That code is not correct.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // The set-up used this step's code; a code is good once, so the app's next one signs in.
    await page.getByLabel('Code', { exact: true }).fill(appCode(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.getByRole('button', { name: 'Account menu' }).waitFor();

    await page.goto(`${e2e.server.url}/profile/security`);
    await page.getByRole('region', { name: '2-step verification' }).getByText('On', { exact: true }).waitFor();
    await context.close();
  });
});
