import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDns, startIdp, type TestDns, type TestIdp } from '../../api/test/sso-peers';
import { checkAtPhoneWidth, launchBrowser, signIn } from './browser';
import { startServer, type RunningServer } from './server';

const DOMAIN = 'kolektor-gradnje.si';

describe('single sign-on through the customer’s OpenID provider (issue 18)', () => {
  let server: RunningServer;
  let browser: Browser;
  let idp: TestIdp;
  let dns: TestDns;

  beforeAll(async () => {
    dns = await startDns();
    server = await startServer({ env: { SEATWISE_DNS_SERVERS: dns.server } });
    idp = await startIdp(`${server.url}/api/sso/callback`);
    idp.people.set('maja', { sub: 'idp-sub-maja', email: `maja.horvat@${DOMAIN}`, given_name: 'Maja', family_name: 'Horvat' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await idp?.close();
    await dns?.close();
  });

  it('the primary admin sets up a provider and a domain proved by DNS, and a member signs in through the provider’s own form', async () => {
    const adminContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const admin = await adminContext.newPage();
    await signIn(admin, server.url, 'admin@example.com');
    await admin.goto(`${server.url}/directory`);
    const section = admin.getByTestId('single-sign-on');
    await section.getByRole('heading', { name: 'Single sign-on (OpenID Connect)' }).waitFor();
    expect(await section.getByTestId('sso-redirect-uri').textContent()).toBe(`${server.url}/api/sso/callback`);

    const form = section.getByRole('form', { name: 'Add provider' });
    await form.getByLabel('Name').fill('Example IdP');
    await form.getByLabel('Issuer URL').fill(idp.issuer);
    await form.getByLabel('Client ID').fill(idp.clientId);
    await form.getByLabel('Client secret').fill(idp.clientSecret);
    await form.getByRole('button', { name: 'Add provider' }).click();
    await section.getByRole('cell', { name: idp.issuer }).waitFor();

    const claim = section.getByRole('form', { name: 'Claim domain' });
    await claim.getByLabel('Domain').fill(DOMAIN);
    await claim.getByRole('button', { name: 'Claim domain' }).click();
    const row = section.getByTestId(`sso-domain-${DOMAIN}`);
    await row.getByText('Not verified').waitFor();
    // Verify before the record is published: refused, still not verified.
    await row.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain(`The domain ${DOMAIN} is not verified`);
    const record = (await row.locator('code').textContent())!.trim();
    expect(record).toMatch(/^seatwise-verification=/);
    dns.txt.set(DOMAIN, [record]);
    await row.getByRole('button', { name: 'Verify' }).click();
    await row.getByText(/^Verified/).waitFor();
    await checkAtPhoneWidth(admin, 'single-sign-on-en');
    await adminContext.close();

    // The member types only the email: the sign-in page sends them to the provider.
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(`maja.horvat@${DOMAIN}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByRole('heading', { name: 'Example IdP sign-in' }).waitFor();
    expect(await page.getByLabel('Username').inputValue()).toBe(`maja.horvat@${DOMAIN}`);
    await page.getByLabel('Username').fill('maja');
    await page.getByRole('button', { name: 'Sign in to Example IdP' }).click();
    await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/sign-in'));
    const me = await page.evaluate(async () => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { email } }' }) });
      return ((await response.json()) as { data: { me: { email: string } | null } }).data.me;
    });
    expect(me?.email).toBe(`maja.horvat@${DOMAIN}`);
    await context.close();

    // Someone the provider knows but the account does not (JIT off): back on the sign-in page with why, in Slovenian.
    idp.people.set('outsider', { sub: 'idp-sub-outsider', email: `outsider@${DOMAIN}` });
    const slContext = await browser.newContext({ locale: 'sl-SI', viewport: { width: 1366, height: 900 } });
    const sl = await slContext.newPage();
    await sl.goto(`${server.url}/sign-in`);
    await sl.getByLabel('E-pošta').fill(`outsider@${DOMAIN}`);
    await sl.getByRole('button', { name: 'Uporabi enotno prijavo' }).click();
    await sl.waitForURL((url) => url.origin === idp.issuer);
    await sl.getByLabel('Username').fill('outsider');
    await sl.getByRole('button', { name: 'Sign in to Example IdP' }).click();
    await sl.waitForURL((url) => url.pathname === '/sign-in' && url.search === '?sso=SSO_NOT_A_MEMBER');
    await expect.poll(() => sl.getByRole('alert').textContent()).toContain('Član te organizacije še niste.');
    await slContext.close();
  });
});
