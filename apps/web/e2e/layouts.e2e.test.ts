import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, columnsCutOff, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

/** Every page the admin's navigation reaches, read from the navigation itself (so a new page is measured too). */
async function navigationTargets(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')))];
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Skeleton-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

describe.each(['en', 'sl'])('every page of Account management fits the screen (%s)', (language) => {
  it('at 1366 px no table hides a column, and at 390 px nothing reaches past the edge, menus included', async () => {
    // Signed in through the English form; the language is then chosen in the language menu.
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    if (language === 'sl') {
      await page.getByRole('button', { name: /^Language:/ }).click();
      await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    }
    await page.waitForFunction((lng) => document.documentElement.lang === lng, language);
    await page.locator('nav a[href]').first().waitFor();

    const targets = await navigationTargets(page);
    expect(targets.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const target of targets) {
      await page.goto(`${e2e.server.url}${target}`);
      await settle(page);
      const cut = await columnsCutOff(page);
      if (cut.length > 0) problems.push(`${target} at 1366 px: ${cut.join(', ')}`);
      await checkAtPhoneWidth(page, `layout-${language}${target.replaceAll('/', '-')}`).catch((error: Error) => problems.push(error.message));
    }

    // The header's menus open inside the screen at a phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e2e.server.url}/users`);
    await settle(page);
    for (const menu of [page.locator('header button[aria-haspopup]').first(), page.locator('header button[aria-haspopup]').last()]) {
      await menu.click();
      const dropdown = page.locator('.mantine-Menu-dropdown').last();
      await dropdown.waitFor();
      const box = await dropdown.boundingBox();
      if (!box || box.x < 0 || box.x + box.width > 391) problems.push(`a header menu opens at x=${box?.x} width ${box?.width}, off the screen`);
      await page.keyboard.press('Escape');
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
