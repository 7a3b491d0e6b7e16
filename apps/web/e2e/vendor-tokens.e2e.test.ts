import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signInDemoOperator } from './browser';

const env = serverAndBrowser();

const customersWith = (secret: string) =>
  fetch(`${env.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ customers { totalCount } }' }),
  });

describe('the Vendor console: API tokens', () => {
  it('an operator creates a token (its secret shown once) that the API takes, then revokes it with a confirmation', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInDemoOperator(page, env.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    await page.getByText('No API tokens yet.').waitFor();
    await page.getByRole('button', { name: '+ Create token' }).click();
    await page.getByRole('button', { name: 'Create token', exact: true }).click();
    await page.getByText('Give the token a name.').waitFor();
    await page.getByLabel('Name').fill('Billing system');
    await page.getByRole('checkbox', { name: /vendor:customers:read/ }).check();
    await page.getByRole('checkbox', { name: /vendor:customers:write/ }).check();
    await checkAtPhoneWidth(page, 'vendor-tokens-create-en');
    await page.getByRole('button', { name: 'Create token', exact: true }).click();
    await page.getByText('Copy the token now').waitFor();
    const secret = (await page.getByTestId('vendor-token-secret').textContent())!.trim();
    expect(secret).toMatch(/^sw_vnd_/);
    await checkAtPhoneWidth(page, 'vendor-tokens-secret-en');
    expect(((await (await customersWith(secret)).json()) as { data: { customers: { totalCount: number } } }).data.customers.totalCount).toBe(2);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /Billing system/ }).waitFor();
    expect(await page.getByText(secret).count()).toBe(0);
    await page.getByText('vendor:customers:write').waitFor();
    await checkAtPhoneWidth(page, 'vendor-tokens-en');

    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('"Billing system" stops working at once').waitFor();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();
    expect((await customersWith(secret)).status).toBe(401);
    await context.close();
  });

  it('in Slovenian: the page, the scopes and the revoke confirmation', async () => {
    const context = await env.browser.newContext({ locale: 'sl-SI', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInDemoOperator(page, env.server.url, { useDemo: 'Uporabi demo operaterja', signIn: 'Prijava', code: 'Koda', verify: 'Preveri' });
    await page.getByRole('link', { name: 'Žetoni API' }).click();
    await page.getByRole('heading', { name: 'Žetoni API' }).waitFor();
    await page.getByRole('button', { name: '+ Ustvari žeton' }).click();
    await page.getByLabel('Ime').fill('Sistem za obračun');
    await page.getByRole('checkbox', { name: /vendor:customers:read/ }).check();
    await page.getByText('Branje strank, njihovih števil in stanj').waitFor();
    await checkAtPhoneWidth(page, 'vendor-tokens-create-sl');
    await page.getByRole('button', { name: 'Ustvari žeton', exact: true }).click();
    await page.getByText('Žeton kopirajte zdaj').waitFor();
    await page.getByRole('button', { name: 'Končano' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /Sistem za obračun/ }).waitFor();
    await page.getByText('Aktiven', { exact: true }).waitFor();
    await checkAtPhoneWidth(page, 'vendor-tokens-sl');
    await page.getByRole('button', { name: 'Prekliči', exact: true }).click();
    await page.getByText('»Sistem za obračun« takoj preneha delovati').waitFor();
    await checkAtPhoneWidth(page, 'vendor-tokens-revoke-sl');
    await page.getByRole('button', { name: 'Prekliči žeton' }).click();
    // The English test's token is revoked too: look at this token's row.
    await page.getByRole('row', { name: /Sistem za obračun/ }).getByText('Preklican', { exact: true }).waitFor();
    await context.close();
  });
});
