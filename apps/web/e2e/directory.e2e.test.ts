import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

const scim = (path: string, token: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${e2e.server.url}/scim/v2${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/scim+json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });

describe('Directory and sign-in (issue 18)', () => {
  it('the primary admin makes the SCIM token, sees it once, the directory provisions with it, and a rotation stops the old one', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    const navigation = page.getByRole('navigation', { name: 'Account management navigation' });
    await navigation.getByRole('link', { name: 'Directory and sign-in' }).click();
    await page.getByRole('heading', { name: 'Directory and sign-in' }).waitFor();
    await page.getByText('Not connected').waitFor();
    expect(await page.getByTestId('scim-url').textContent()).toMatch(/\/scim\/v2$/);

    await page.getByRole('button', { name: 'Make a token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your SCIM token' });
    const secret = (await dialog.getByTestId('scim-secret').textContent())!.trim();
    expect(secret).toMatch(/^sw_scim_/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Connected', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);

    const created = await scim('/Users', secret, {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'nina.kos@kolektor-gradnje.si', name: { givenName: 'Nina', familyName: 'Kos' } },
    });
    expect(created.status).toBe(201);
    await page.reload();
    await page.getByTestId('directory-people').getByText('1').waitFor();
    await checkAtPhoneWidth(page, 'directory-en');

    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('heading', { name: 'Imenik in prijava' }).waitFor();
    await checkAtPhoneWidth(page, 'directory-sl');
    await page.getByRole('button', { name: /^Jezik:|^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.getByRole('button', { name: 'Make a new token' }).click();
    await page.getByRole('dialog', { name: 'Make a new token?' }).getByRole('button', { name: 'Make a new token' }).click();
    const rotated = (await page.getByRole('dialog', { name: 'Your SCIM token' }).getByTestId('scim-secret').textContent())!.trim();
    expect(rotated).not.toBe(secret);
    expect((await scim('/Users?count=1', secret)).status).toBe(401);
    expect((await scim('/Users?count=1', rotated)).status).toBe(200);
    await context.close();
  });
});
