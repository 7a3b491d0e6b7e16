import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser } from './browser';

const password = 'Seatwise-demo-1';

const e2e = serverAndBrowser();

async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

function countOf(text: string | null): number {
  return Number(/\d+/.exec(text ?? '')?.[0] ?? Number.NaN);
}

describe('signing in and listing users', () => {
  it('the keyboard goes email, password, Sign in, then the reset link; Enter from the password signs in', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByLabel('Email').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return `${element?.tagName.toLowerCase()}:${element?.getAttribute('autocomplete') ?? element?.innerText.trim()}`;
      });
    expect(await focused()).toBe('input:username');
    await checkAtPhoneWidth(page, 'sign-in');
    await page.getByLabel('Email').focus();
    await page.keyboard.type('admin@example.com');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input:current-password');
    await page.keyboard.type(password);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Sign in');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('a:FORGOT?');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await context.close();
  });

  it('an admin signs in, sees the users, switches to Slovenian and searches', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/users`);

    await page.waitForURL('**/sign-in');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is not correct.');

    await signIn(page, 'admin@example.com');
    await page.waitForURL('**/users');
    await page.getByRole('heading', { name: 'By User' }).waitFor();
    await page.getByRole('row', { name: /Ana Novak/ }).waitFor();
    const count = page.getByTestId('users-count');
    const everyone = countOf(await count.textContent());
    expect(everyone).toBeGreaterThan(10);

    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByText('Uporabniki', { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: /Zadnja prijava/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sl');

    await page.getByLabel('Iskanje').fill('Novak');
    await expect.poll(async () => countOf(await count.textContent()), { timeout: 10_000 }).toBeLessThan(everyone);
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.includes('Ana Novak'))).toBe(true);
    expect(rows.every((row) => row.toLowerCase().includes('novak'))).toBe(true);
    expect(page.url()).toContain('q=Novak');
    await context.close();
  });

  it('a person with the User role sees no Users section and may not open it', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/sign-in`);
    await signIn(page, 'user@example.com');
    await page.getByRole('link', { name: 'All Products and Services' }).waitFor();

    const navigation = page.getByRole('navigation', { name: 'Account management navigation' });
    expect(await navigation.getByText('Users', { exact: true }).count()).toBe(0);
    expect(await navigation.getByText('By User', { exact: true }).count()).toBe(0);

    await page.goto(`${e2e.server.url}/users`);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await context.close();
  });
});
