import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signInDemoOperator, signInSpeaking } from './browser';

const e2e = serverAndBrowser();

interface Entry {
  label: string;
  href: string;
}

/** Every link of a navigation, read from the page itself (so a new page is checked too): its words and its address. */
async function entries(page: Page, navigation: string): Promise<Entry[]> {
  const links = page.getByRole('navigation', { name: navigation }).locator('a[href^="/"]');
  await links.first().waitFor({ state: 'attached' });
  return links.evaluateAll((found) => found.map((link) => ({ label: (link.textContent ?? '').trim(), href: link.getAttribute('href') ?? '' })));
}

/**
 * Opens each entry's page and compares its words with the page's heading (h1) and the browser
 * tab's title ("<entry> · <brand>"); answers what differs.
 */
async function mismatches(page: Page, list: Entry[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { label, href } of list) {
    await page.goto(`${e2e.server.url}${href}`);
    const heading = page.locator('h1').first();
    await heading.waitFor();
    const words = (await heading.textContent())?.trim();
    if (words !== label) problems.push(`${href}: the heading says "${words}", the navigation "${label}"`);
    const titled = await page
      .waitForFunction((expected) => document.title.startsWith(expected), `${label} · `, { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!titled) problems.push(`${href}: the tab says "${await page.title()}", the navigation "${label}"`);
  }
  return problems;
}

const vendorWords = {
  en: { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify', navigation: 'Vendor console navigation' },
  sl: { useDemo: 'Uporabi demo operaterja', signIn: 'Prijava', code: 'Koda', verify: 'Preveri', navigation: 'Navigacija konzole ponudnika' },
} as const;

// Issue 22, item 9: a page is called what its navigation entry calls it, in the heading and the tab.
describe.each(['en', 'sl'] as const)('every page is titled as its navigation entry (%s)', (language) => {
  it('Account management: the heading and the tab of each page reached from the navigation use its entry’s words', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInSpeaking(page, e2e.server.url, 'admin@example.com', language);
    const list = await entries(page, language === 'sl' ? 'Navigacija upravljanja računa' : 'Account management navigation');
    // The primary admin sees every page: the 19 of the navigation, none left out.
    expect(list.length).toBeGreaterThanOrEqual(19);
    expect(await mismatches(page, list)).toEqual([]);
    await context.close();
  });

  it('Vendor console: the heading and the tab of each page reached from the navigation use its entry’s words', async () => {
    const words = vendorWords[language];
    const context = await e2e.browser.newContext({ locale: language === 'sl' ? 'sl-SI' : 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInDemoOperator(page, e2e.server.url, words);
    const list = await entries(page, words.navigation);
    // The operator sees every page of the console.
    expect(list.length).toBeGreaterThanOrEqual(9);
    expect(await mismatches(page, list)).toEqual([]);
    await context.close();
  });
});
