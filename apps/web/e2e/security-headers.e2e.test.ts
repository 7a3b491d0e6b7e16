import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signIn, signInDemoOperator } from './browser';

const e2e = serverAndBrowser();

/** Collects every CSP violation the page reports, as an event and as a console error. */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${location.pathname}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Skeleton-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** Issue 20, item 5: the SPA, the playground and the Vendor console run under the server's CSP without one violation. */
describe('security headers', () => {
  it('sends a strict policy: no inline styles or scripts without the nonce, no framing, no referrer, HSTS only over TLS', async () => {
    const response = await fetch(`${e2e.server.url}/sign-in`, { headers: { accept: 'text/html' } });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(policy).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(await response.text()).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    // Behind a proxy that terminates TLS (TRUST_PROXY names it; loopback by default).
    const overTls = await fetch(`${e2e.server.url}/sign-in`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // Each page gets its own nonce.
    const again = (await fetch(`${e2e.server.url}/sign-in`)).headers.get('content-security-policy');
    expect(again).not.toBe(policy);
  });

  it("the customer's pages and the playground break no rule of the policy", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const violations = await watchPolicy(page);
    await page.goto(`${e2e.server.url}/sign-in`);
    await settle(page);
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.locator('nav a[href]').first().waitFor();
    const targets = [...new Set(await page.locator('nav a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))].filter((href) => href.startsWith('/'));
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) {
      await page.goto(`${e2e.server.url}${target}`);
      await settle(page);
    }
    // The playground as a browser opens /graphql; it runs a query and shows the answer.
    await page.goto(`${e2e.server.url}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"data"').waitFor();
    await settle(page);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the Vendor console breaks no rule of the policy', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const violations = await watchPolicy(page);
    await signInDemoOperator(page, e2e.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });
    await page.locator('nav a[href]').first().waitFor();
    const targets = [...new Set(await page.locator('nav a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))].filter((href) => href.startsWith('/vendor'));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) {
      await page.goto(`${e2e.server.url}${target}`);
      await settle(page);
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});
