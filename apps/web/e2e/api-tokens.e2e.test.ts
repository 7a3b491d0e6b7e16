import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

async function signInTo(page: Page, email: string) {
  await signIn(page, e2e.server.url, email);
  await page.getByRole('navigation', { name: 'Account management navigation' }).waitFor();
}

/** What another app does with the secret: call the API with it. */
function usersWith(token: string) {
  return fetch(`${e2e.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ users(first: 1) { totalCount } }' }),
  });
}

describe('API tokens in Developer settings (F-61)', () => {
  it('an admin creates a service token, sees the secret once, uses it and revokes it', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInTo(page, 'admin@example.com');
    const navigation = page.getByRole('navigation', { name: 'Account management navigation' });
    await navigation.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByRole('row', { name: /Usage collector/ }).waitFor();
    expect(await page.getByRole('row', { name: /Old laptop script/ }).count()).toBe(0);

    await page.getByRole('button', { name: '+ Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API token' });
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.getByText('Give the token a name.').waitFor();
    await dialog.getByText('Choose at least one scope.').waitFor();

    await dialog.getByText('Service', { exact: true }).click();
    expect(await dialog.getByText('read:profile', { exact: true }).count()).toBe(0);
    await dialog.getByLabel('Name').fill('CI export');
    await dialog.getByRole('checkbox', { name: /read:users/ }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const created = page.getByRole('dialog', { name: 'Your new token' });
    const secret = (await created.getByTestId('token-secret').textContent())!.trim();
    expect(secret).toMatch(/^sw_svc_/);
    await created.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /CI export/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('read:users');
    expect(await row.textContent()).toContain('Active');
    expect(await page.content()).not.toContain(secret);

    expect((await usersWith(secret)).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke CI export' }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('row', { name: /CI export/ }).waitFor({ state: 'detached' });
    expect((await usersWith(secret)).status).toBe(401);
    await page.locator('label[for$="-REVOKED"]').click();
    await page.getByRole('row', { name: /CI export/ }).getByText('Revoked').waitFor();
    await context.close();
  });

  it('a person with the User role makes personal tokens only, with the scopes of their role', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInTo(page, 'user@example.com');
    await page.goto(`${e2e.server.url}/developer/tokens`);
    await page.getByRole('button', { name: '+ Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API token' });
    expect(await dialog.getByText('Service', { exact: true }).count()).toBe(0);
    expect(await dialog.getByRole('checkbox').count()).toBe(4);
    expect(await dialog.getByRole('checkbox', { name: /read:users/ }).count()).toBe(0);
    await context.close();
  });

  it('the playground runs its examples as a pasted token', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInTo(page, 'admin@example.com');
    const secret = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
          variables: { input: { kind: 'SERVICE', name: 'Playground', scopes: ['READ_USERS'] } },
        }),
      });
      return ((await response.json()) as { data: { createApiToken: { secret: string } } }).data.createApiToken.secret;
    });
    await page.goto(`${e2e.server.url}/playground`);
    await page.getByRole('button', { name: /Execute query/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab').count()).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator('.graphiql-query-editor').textContent(), { timeout: 15_000 }).toContain('ServerAndMe');

    await page.getByRole('button', { name: /Execute query/ }).click();
    await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 15_000 }).toContain('admin@example.com');

    await page.getByLabel('API token').fill(secret);
    await page.getByRole('button', { name: /Execute query/ }).click();
    await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 15_000 }).toContain('INSUFFICIENT_SCOPE');
    expect(await page.locator('.graphiql-response').textContent()).toContain('read:profile');
    await context.close();
  });

  it('in Slovenian, the API explains a refused token in Slovenian too', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInTo(page, 'admin@example.com');
    await page.goto(`${e2e.server.url}/developer/tokens`);
    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('button', { name: '+ Ustvari žeton' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ustvari žeton API' });
    await dialog.getByText('Storitveni', { exact: true }).click();
    await dialog.getByLabel('Ime').fill('Usage collector');
    await dialog.getByRole('checkbox', { name: /read:users/ }).check();
    await dialog.getByRole('button', { name: 'Ustvari žeton' }).click();
    // The name is taken: the server's own sentence, written in the UI language, under the field.
    await dialog.getByText('Aktiven žeton z imenom »Usage collector« že obstaja: izberite drugo ime.').waitFor();
    await context.close();
  });
});
