import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lastOperatorText, demoOperatorSmsCode, serverAndBrowser } from './browser';

const e2e = serverAndBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe says of a page, only the serious and critical findings, plus buttons that share one name. */
interface Finding {
  rule: string;
  impact: string;
  targets: string[];
}

declare global {
  interface Window {
    axe?: {
      run: (context: Document, options: object) => Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }>;
      setup: (context: Document) => unknown;
      teardown: () => void;
      commons: { text: { accessibleText: (element: Element) => string } };
    };
  }
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Skeleton-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/**
 * Runs axe (WCAG 2.1 A and AA, best practices, and the check that a visible label is inside the
 * accessible name) on the page as it stands, and looks for visible buttons that share one name.
 */
async function audit(page: Page): Promise<Finding[]> {
  // Evaluated through the debugging protocol, so the page's Content-Security-Policy does not stop it.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = window.axe!;
    // GraphiQL's own editor (CodeMirror 5 textareas without labels, tabs inside tabs, its syntax
    // colours) is a third-party widget on /playground: left out, the page around it is checked.
    const { violations } = await axe.run({ exclude: [['.graphiql-container']] } as unknown as Document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    const findings = violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ rule: violation.id, impact: violation.impact ?? '', targets: violation.nodes.slice(0, 6).map((node) => node.target.join(' ')) }));
    // One distinct name per button: a person who lists the page's buttons tells each apart.
    const named = new Map<string, number>();
    axe.setup(document);
    for (const button of document.querySelectorAll<HTMLElement>('button, [role="button"], a[role="button"]')) {
      const box = button.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || button.closest('[aria-hidden="true"]')) continue;
      const name = axe.commons.text.accessibleText(button).trim();
      if (name) named.set(name, (named.get(name) ?? 0) + 1);
    }
    axe.teardown();
    const repeated = [...named].filter(([, count]) => count > 1).map(([name, count]) => `"${name}" ×${count}`);
    if (repeated.length > 0) findings.push({ rule: 'button-name-repeated', impact: 'serious', targets: repeated });
    return findings;
  });
}

async function navigationTargets(page: Page): Promise<string[]> {
  await page.locator('nav a[href]').first().waitFor();
  const hrefs = await page.locator('nav a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')))];
}

/** Picks the language in the page's language menu, unless the page is in it already (a signed-in person's choice is saved with them). */
async function chooseLanguage(page: Page, language: string) {
  await page.getByRole('button', { name: /^(Language|Jezik):/ }).waitFor();
  if ((await page.evaluate(() => document.documentElement.lang)) !== language) {
    await page.getByRole('button', { name: /^(Language|Jezik):/ }).click();
    await page.getByRole('menuitem', { name: language === 'sl' ? 'Slovenščina' : 'English' }).click();
  }
  await page.waitForFunction((lng) => document.documentElement.lang === lng, language);
}

async function signInWithForm(page: Page, email: string) {
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill('Seatwise-demo-1');
  await page.locator('input[autocomplete="current-password"]').press('Enter');
}

/** Visits each page in turn and gathers what axe found, named by page. */
async function auditPages(page: Page, targets: string[], problems: string[]) {
  for (const target of targets) {
    await page.goto(`${e2e.server.url}${target}`);
    await settle(page);
    for (const finding of await audit(page)) problems.push(`${target}: ${finding.rule} (${finding.impact}) at ${finding.targets.join(' | ')}`);
  }
}

/** On a fresh page the first Tab reaches "Skip to content", and Enter moves the focus to the main landmark. */
async function skipsToContent(page: Page, language: string, path: string) {
  await page.goto(`${e2e.server.url}${path}`);
  await settle(page);
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  await expect.poll(focused).toBe(language === 'sl' ? 'Preskoči na vsebino' : 'Skip to content');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase() + '#' + document.activeElement?.id)).toBe('main#main');
}

describe.each(['en', 'sl'])('accessibility of every page (%s)', (language) => {
  it('sign-in, every page of Account management and of the Vendor console: no serious or critical axe finding, one name per button, a skip link', async () => {
    const context: BrowserContext = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];

    await page.goto(`${e2e.server.url}/sign-in`);
    await chooseLanguage(page, language);
    await settle(page);
    for (const finding of await audit(page)) problems.push(`/sign-in: ${finding.rule} (${finding.impact}) at ${finding.targets.join(' | ')}`);

    // An admin of a customer: every page the navigation reaches.
    await signInWithForm(page, 'admin@example.com');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    // Signed in, the app takes the language saved with the person (English): let it, then choose.
    await page.locator('nav a[href]').first().waitFor();
    await settle(page);
    await chooseLanguage(page, language);
    const targets = await navigationTargets(page);
    expect(targets.length).toBeGreaterThan(10);
    await auditPages(page, targets, problems);
    await skipsToContent(page, language, '/users');

    // The demo operator in the Vendor console: the sign-in again, by its second step.
    await context.clearCookies();
    const before = await lastOperatorText(e2e.server.url);
    await page.goto(`${e2e.server.url}/sign-in`);
    await signInWithForm(page, 'vendor@example.com');
    const code = page.locator('input[autocomplete="one-time-code"]');
    await code.waitFor();
    await code.fill(await demoOperatorSmsCode(e2e.server.url, before));
    await code.press('Enter');
    await page.waitForURL('**/vendor');
    await chooseLanguage(page, language);
    const vendorTargets = await navigationTargets(page);
    expect(vendorTargets.length).toBeGreaterThanOrEqual(5);
    await auditPages(page, vendorTargets, problems);
    await skipsToContent(page, language, '/vendor/catalogue');

    await context.close();
    if (problems.length > 0) console.log(problems.join('\n'));
    expect(problems).toEqual([]);
  }, 240_000);
});
