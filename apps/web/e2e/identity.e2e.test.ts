import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from './browser';

const demoPassword = 'Seatwise-demo-1';

const e2e = serverAndBrowser();

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^(Password|Geslo)$/).fill(password);
  await page.getByLabel(/^(Password|Geslo)$/).press('Enter');
}

/** The reset link in the newest reset message, read from the Outbox page (demo mode, no SMTP relay). */
async function resetLinkFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto(`${e2e.server.url}/outbox`);
  const control = page.getByRole('button', { name: /Reset your Seatwise password/ }).first();
  await control.waitFor();
  await page.getByText(`To ${email}`).first().waitFor();
  if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
  const link = page.getByRole('link', { name: /reset-password\?token=/ }).first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=/);
  return href!;
}

describe('forgot password', () => {
  it('asks for a link, sets a new password through it, signs in with it; the link works once', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByLabel('Email').fill('user@example.com');
    await page.getByRole('link', { name: 'FORGOT?' }).click();

    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe('user@example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    const link = await resetLinkFromOutbox(page, 'user@example.com');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByText('For user@example.com.').waitFor();

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the new password').fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText(/The password does not meet the rule: at least 10 characters/).waitFor();

    await page.getByLabel('New password', { exact: true }).fill('user@example.com-2026');
    await page.getByLabel('Repeat the new password').fill('user@example.com-2026');
    await page.getByRole('button', { name: 'Save password' }).click();
    // The server's rule (not the email address) is enforced too, and named on the field.
    await page.getByText(/not your email address or name/).waitFor();

    await page.getByLabel('New password', { exact: true }).fill('Planina-Triglav-2864');
    await page.getByLabel('Repeat the new password').fill('Planina-Triglav-2864');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByText('Your password is saved. Sign in with it.').waitFor();

    await signIn(page, 'user@example.com', demoPassword);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is not correct.');
    await signIn(page, 'user@example.com', 'Planina-Triglav-2864');
    await page.waitForURL('**/profile');
    await page.getByRole('heading', { name: 'Profile' }).waitFor();

    await page.goto(link);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await page.getByText(/already used, has expired/).waitFor();
    await context.close();
  });
});

describe('display language', () => {
  it('changing it in Settings switches the UI and follows the person to another browser', async () => {
    const first = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 } });
    const page = await first.newPage();
    await page.goto(`${e2e.server.url}/profile/settings`);
    await page.waitForURL('**/sign-in');
    await signIn(page, 'maja.horvat@kolektor-gradnje.si', demoPassword);
    await page.waitForURL('**/profile/settings');
    await page.getByRole('heading', { name: 'Display language' }).waitFor();

    await page.getByText('Slovenščina', { exact: true }).click();
    await page.getByRole('heading', { name: 'Jezik prikaza' }).waitFor();
    await page.getByText('Nastavitve so shranjene.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sl');
    await page.getByRole('tab', { name: 'Profil' }).click();
    await page.waitForURL(/\/profile$/);
    await page.getByText('Ime in priimek').waitFor();

    // Another browser that has never chosen a language: after sign-in it follows the saved choice.
    const second = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const other = await second.newPage();
    await other.goto(`${e2e.server.url}/sign-in`);
    await other.getByRole('heading', { name: 'Sign in to Seatwise' }).waitFor();
    await signIn(other, 'maja.horvat@kolektor-gradnje.si', demoPassword);
    await other.waitForURL(/\/$|\/profile/);
    await other.goto(`${e2e.server.url}/profile/settings`);
    await other.getByRole('heading', { name: 'Jezik prikaza' }).waitFor();
    expect(await other.locator('html').getAttribute('lang')).toBe('sl');

    // Switching back from the menu at the top is saved the same way.
    await other.getByRole('button', { name: /^Jezik/ }).click();
    await other.getByRole('menuitem', { name: 'English' }).click();
    await other.getByRole('heading', { name: 'Display language' }).waitFor();
    await page.reload();
    await page.getByText('Name', { exact: true }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await first.close();
    await second.close();
  });
});
