import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn, signInDemoOperator } from './browser';

const e2e = serverAndBrowser();
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function oidcPost(path: string, form: Record<string, string>) {
  const response = await fetch(`${e2e.server.url}/oidc${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('Connect a device (issue 17, item 1)', () => {
  it('the vendor registers a product; a person approves its device code in the SPA and signs it out again', async () => {
    const operatorContext = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const console = await operatorContext.newPage();
    await signInDemoOperator(console, e2e.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });
    await console.getByRole('link', { name: 'OAuth clients' }).click();
    await console.getByRole('heading', { name: 'OAuth clients' }).waitFor();
    await console.getByLabel('Product name').fill('Studio CLI');
    await console.getByRole('button', { name: 'Register product' }).click();
    const row = console.getByRole('row', { name: /Studio CLI/ });
    await row.waitFor();
    const clientId = (await row.locator('code').first().textContent())!.trim();
    expect(clientId).toMatch(/^sw_app_/);
    await checkAtPhoneWidth(console, 'vendor-oauth-clients');
    await operatorContext.close();

    const device = (await oidcPost('/device/auth', { client_id: clientId, scope: 'openid profile email offline_access' })).body;
    expect((await oidcPost('/token', { client_id: clientId, grant_type: DEVICE_GRANT, device_code: device.device_code! })).body.error).toBe('authorization_pending');

    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'user@example.com');
    await page.getByRole('navigation', { name: 'Account management navigation' }).waitFor();
    // The link the terminal prints: the provider sends it on to the SPA's page with the code filled in.
    await page.goto(device.verification_uri_complete!);
    await page.getByRole('heading', { name: 'Connect a device' }).waitFor();
    expect(await page.getByLabel('Code').inputValue()).toBe(device.user_code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText(/Studio CLI asks to sign in as user@example\.com \(account: /).waitFor();
    await checkAtPhoneWidth(page, 'connect-device');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByText('Device connected').waitFor();

    const tokens = await oidcPost('/token', { client_id: clientId, grant_type: DEVICE_GRANT, device_code: device.device_code! });
    expect(tokens.status).toBe(200);
    const me = await fetch(`${e2e.server.url}/oidc/me`, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    expect(((await me.json()) as { email: string }).email).toBe('user@example.com');

    await page.goto(`${e2e.server.url}/profile/security`);
    const section = page.getByRole('region', { name: 'Connected apps and devices' });
    await section.getByText('Studio CLI').waitFor();
    await checkAtPhoneWidth(page, 'connected-apps');
    await section.getByRole('button', { name: 'Sign out: Studio CLI' }).click();
    await page.getByRole('dialog', { name: 'Sign this product out?' }).getByRole('button', { name: 'Sign out' }).click();
    await section.getByText('No product is connected.').waitFor();
    const after = await fetch(`${e2e.server.url}/oidc/me`, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    expect(after.status).toBe(401);
    await context.close();
  });
});
