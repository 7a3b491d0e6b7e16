import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

/** Changes the signed-in person's language the way Settings does, then reloads so the SPA follows it. */
async function useLanguage(page: Page, language: 'EN' | 'SL') {
  const response = await page.request.post(`${e2e.server.url}/graphql`, {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': '1' },
    data: { query: 'mutation ($input: UpdateSettingsInput!) { updateSettings(input: $input) { language } }', variables: { input: { language } } },
  });
  expect(response.ok()).toBe(true);
  await page.reload();
}

describe('cloud credits in the browser', () => {
  it('sets the low-credit alert (refusing a bad threshold by its field), warns on the page and the home, in English and Slovenian', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await useLanguage(page, 'EN');
    await page.goto(`${e2e.server.url}/reports/cloud-services-usage`);
    await page.getByRole('heading', { name: 'Low-credit alert' }).waitFor();
    const state = page.getByTestId('credit-alert-state');
    await expect.poll(() => state.textContent()).toContain('No alert is set.');
    // The demo's cloud subscription has consumed more than it bought: warned with no threshold set.
    const warnings = page.getByTestId('credit-warnings');
    const belowZero = /Cloud Credits 5000 is [\d,]+ credits? below zero: more was consumed than bought\./;
    await expect.poll(() => warnings.textContent()).toMatch(belowZero);

    const field = page.getByLabel('Alert below (credits)');
    await field.fill('-5');
    await page.getByRole('button', { name: 'Save alert' }).click();
    await page.getByText('The alert threshold must be a whole number of credits from 0 to 100,000,000.').waitFor();
    await expect.poll(() => state.textContent()).toContain('No alert is set.');

    await field.fill('99999999');
    await page.getByRole('button', { name: 'Save alert' }).click();
    await expect.poll(() => state.textContent()).toBe('Admins are alerted when fewer than 99,999,999 credits are left.');
    await expect.poll(() => warnings.textContent()).toMatch(belowZero);
    await checkAtPhoneWidth(page, 'cloud-credits-alert-en');

    // The admin home warns too, linking to the page.
    await page.goto(`${e2e.server.url}/`);
    const homeWarnings = page.getByTestId('credit-warnings');
    await expect.poll(() => homeWarnings.textContent()).toMatch(belowZero);
    await checkAtPhoneWidth(page, 'home-credit-warning-en');

    // Slovenian: the number as Slovenians write it, the plural by Slovenian rules.
    await useLanguage(page, 'SL');
    await expect.poll(() => homeWarnings.textContent()).toMatch(/Cloud Credits 5000: (porabljen je [\d.]+ kredit|porabljena sta [\d.]+ kredita|porabljeni so [\d.]+ krediti|porabljenih je [\d.]+ kreditov) več, kot je bilo kupljenih\./);
    await checkAtPhoneWidth(page, 'home-credit-warning-sl');
    await homeWarnings.getByRole('link', { name: 'Odpri porabo storitev v oblaku' }).click();
    await page.getByRole('heading', { name: 'Opozorilo o nizkem stanju kreditov' }).waitFor();
    await expect.poll(() => page.getByTestId('credit-alert-state').textContent()).toBe('Skrbniki dobijo opozorilo, ko ostane manj kot 99.999.999 kreditov.');
    await checkAtPhoneWidth(page, 'cloud-credits-alert-sl');

    // Turned off: only a balance below zero or under a tenth of what was bought is flagged.
    await page.getByRole('button', { name: 'Izklopi opozorilo' }).click();
    await expect.poll(() => page.getByTestId('credit-alert-state').textContent()).toContain('Opozorilo ni nastavljeno.');
    await useLanguage(page, 'EN');
    await context.close();
  });
});
