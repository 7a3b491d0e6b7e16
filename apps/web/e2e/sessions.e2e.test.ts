import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser } from './browser';

const e2e = serverAndBrowser();
const email = 'admin@alpine.example';
const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** A browser of its own (cookies apart), signed in on the sign-in page in either language. */
async function signedIn(browser: Browser, locale: string, userAgent?: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 860 }, ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/sign-in`);
  await page.getByLabel(/^(Email|E-pošta)$/).fill(email);
  await page.getByLabel(/^(Password|Geslo)$/).fill('Seatwise-demo-1');
  await page.getByLabel(/^(Password|Geslo)$/).press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

describe('where you are signed in', () => {
  it('groups the sessions by device and ends all but this one, confirmed with Enter', async () => {
    const laptop = await signedIn(e2e.browser, 'en-GB');
    const secondTab = await signedIn(e2e.browser, 'en-GB');
    const phone = await signedIn(e2e.browser, 'en-GB', PHONE_UA);
    const slovenian = await signedIn(e2e.browser, 'en-GB', PHONE_UA);

    await slovenian.goto(`${e2e.server.url}/profile/security`);
    await slovenian.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await slovenian.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await slovenian.getByText(/· 2 seji$/i).nth(1).waitFor();
    await slovenian.getByRole('button', { name: 'Končaj vse razen te' }).waitFor();
    await checkAtPhoneWidth(slovenian, 'sessions-grouped-sl');
    await slovenian.getByRole('button', { name: 'Končaj vse razen te' }).click();
    await slovenian.getByRole('dialog', { name: 'Želite končati vse druge seje?' }).waitFor();
    await slovenian.screenshot({ path: `${process.env.SEATWISE_SCREENSHOTS ?? '/tmp'}/sessions-confirm-sl.png` });
    await slovenian.keyboard.press('Escape');
    await slovenian.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await slovenian.getByRole('menuitem', { name: 'English' }).click();

    await laptop.goto(`${e2e.server.url}/profile/security`);
    // Two desktop browsers alike, two phones alike: one heading each with its count.
    await laptop.getByText(/· 2 sessions$/i).nth(1).waitFor();
    await checkAtPhoneWidth(laptop, 'sessions-grouped-en');
    await laptop.getByRole('button', { name: 'End all but this one' }).click();
    const dialog = laptop.getByRole('dialog', { name: 'End all other sessions?' });
    await dialog.waitFor();
    await laptop.keyboard.press('Enter');
    await laptop.getByText('3 other sessions ended.').waitFor();
    await checkAtPhoneWidth(laptop, 'sessions-ended-others-en');
    // The list is read again after the message: wait for it rather than count at once.
    await expect.poll(() => laptop.getByText(/· 1 session$/i).count()).toBe(1);
    await expect.poll(() => laptop.getByRole('button', { name: 'End all but this one' }).count()).toBe(0);

    // The others are signed out; this one still works.
    for (const other of [secondTab, phone, slovenian]) {
      await other.goto(`${e2e.server.url}/profile/security`);
      await other.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    }
    await laptop.reload();
    await laptop.getByText('This device').waitFor();

    // Escape closes the dialog without ending anything.
    await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
    await laptop.getByRole('dialog', { name: 'Sign out everywhere?' }).waitFor();
    await laptop.keyboard.press('Escape');
    await expect.poll(() => laptop.getByRole('dialog').count()).toBe(0);
    await laptop.reload();
    await laptop.getByText('This device').waitFor();

    // Escape cancels an inline edit of the profile as Cancel does.
    await laptop.goto(`${e2e.server.url}/profile`);
    await laptop.getByRole('button', { name: 'Edit: Phone' }).click();
    const row = laptop.getByRole('form', { name: 'Phone' });
    await row.getByRole('textbox').first().fill('+386 40 999 999');
    await row.getByRole('textbox').first().press('Escape');
    await expect.poll(() => laptop.getByRole('form', { name: 'Phone' }).count()).toBe(0);
    expect(await laptop.getByText('+386 40 999 999').count()).toBe(0);
  });
});
