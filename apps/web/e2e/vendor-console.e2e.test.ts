import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, demoOperatorSmsCode, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers.reverse()) await server.stop();
});

const appCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();

async function waitForOutput(server: RunningServer, pattern: RegExp): Promise<RegExpExecArray> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const match = pattern.exec(server.output());
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server never printed ${pattern}:\n${server.output()}`);
}

describe('the Vendor console', () => {
  it('first run in production: the printed link creates the operator, who runs customers; a second start prints nothing', async () => {
    // Production's start-up checks: server.ts gives the PUBLIC_URL; the operator's codes are read from the outbox.
    const env = { SEATWISE_DEMO: '0', NODE_ENV: 'production', SEATWISE_MAIL_OUTBOX: '1' };
    const server = await startServer({ env });
    servers.push(server);
    const [link] = await waitForOutput(server, /http\S+\/setup\/[\w-]+/);

    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Set up the Vendor console' }).waitFor();
    await page.getByLabel('Email').fill('olga@vendor.example');
    await page.getByLabel('First name').fill('Olga');
    await page.getByLabel('Last name').fill('Novak');
    const password = page.locator('input[type="password"]');
    await password.fill('short');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('The new password is too short').waitFor();
    await password.fill('Vendor-console-7');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('img', { name: 'QR code for the authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code from the app').fill(appCode(secret));
    await page.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByRole('heading', { name: 'You are set up' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    await page.getByRole('button', { name: 'Go to the Vendor console' }).click();

    await page.waitForURL('**/vendor');
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('navigation', { name: 'Vendor console navigation' }).getByRole('link', { name: 'Vendor audit log' }).waitFor();
    await page.getByText('0 customers').waitFor();

    await page.getByRole('button', { name: 'Create customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create customer' });
    await dialog.getByLabel('Name').fill('Gradbinec d.d.');
    await dialog.getByLabel('External id (billing system)').fill('CRM-9');
    await dialog.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: 'Gradbinec d.d.' }).waitFor();
    await page.getByText('Not invited yet').waitFor();
    await checkAtPhoneWidth(page, 'vendor-customer-en');

    await page.getByLabel('Email').fill('petra@gradbinec.example');
    await page.getByLabel('First name').fill('Petra');
    await page.getByLabel('Last name').fill('Gradnik');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('petra@gradbinec.example', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.getByText('Sign-ins and API tokens of this customer are refused; its data is kept.').waitFor();
    await page.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText('People and API tokens of this customer work normally.').waitFor();

    await page.getByRole('button', { name: 'Show people' }).click();
    await page.getByRole('cell', { name: 'Petra Gradnik' }).waitFor();

    await page.getByRole('link', { name: 'Vendor audit log' }).click();
    await page.getByRole('heading', { name: 'Vendor audit log' }).waitFor();
    await page.getByText('People read').waitFor();
    await page.getByText('Customer created').waitFor();
    await page.getByText('Staff member joined').waitFor();

    // Back in the list, the new customer is there.
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('link', { name: 'Gradbinec d.d.' }).waitFor();
    await context.close();

    // Started again on the same database (beside the first, which owns the folder): an operator
    // exists, nothing is printed.
    const again = await startServer({ env, dataDir: server.dataDir });
    servers.push(again);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(again.output()).not.toContain('/setup/');
  }, 150_000);

  it('in Slovenian: the demo operator signs in with a text-message code, issues a Support set-up link, which is walked through', async () => {
    const server = await startServer();
    servers.push(server);
    const context = await browser.newContext({ locale: 'sl-SI', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByText('vendor@example.com').waitFor();
    await page.getByRole('button', { name: 'Uporabi demo operaterja' }).click();
    await page.getByRole('button', { name: 'Prijava' }).click();
    await page.getByRole('heading', { name: 'Preverjanje v dveh korakih' }).waitFor();
    await page.getByLabel('Koda', { exact: true }).fill(await demoOperatorSmsCode(server.url));
    await page.getByRole('button', { name: 'Preveri' }).click();

    await page.waitForURL('**/vendor');
    await page.getByRole('heading', { name: 'Stranke' }).waitFor();
    // Slovenian dual: two customers.
    await page.getByText('2 stranki').waitFor();
    await page.getByRole('columnheader', { name: 'Licence' }).waitFor();
    await checkAtPhoneWidth(page, 'vendor-customers-sl');
    await page.getByRole('link', { name: 'Kolektor Gradnje d.o.o.' }).click();
    await page.getByText('Aktivna', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Prikaži osebe' }).click();
    await page.getByRole('cell', { name: 'admin@example.com' }).waitFor();
    await page.getByRole('link', { name: 'Revizijski dnevnik ponudnika' }).click();
    await page.getByText('Ogled oseb').waitFor();

    // The operator issues a set-up link for Support staff on the Staff page; it is walked in Slovenian too.
    await page.getByRole('link', { name: 'Osebje' }).click();
    // The audit log just left names the operator in every row: wait for the Staff page itself.
    await page.getByRole('button', { name: 'Ustvari povezavo za nastavitev' }).waitFor();
    await page.getByRole('cell', { name: 'vendor@example.com' }).waitFor();
    await page.getByLabel('E-pošta').fill('podpora@vendor.example');
    await page.getByRole('button', { name: 'Ustvari povezavo za nastavitev' }).click();
    const url = (await page.getByTestId('staff-setup-link').textContent())!.trim();
    expect(url).toContain('/setup/');
    await page.getByRole('button', { name: 'Odjava' }).click();
    await page.waitForURL('**/sign-in');

    await page.goto(url);
    await page.getByRole('heading', { name: 'Nastavitev konzole ponudnika' }).waitFor();
    await page.getByText('vloga: Podpora').waitFor();
    await page.getByLabel('Ime', { exact: false }).first().fill('Pia');
    await page.getByLabel('Priimek').fill('Podpornik');
    await page.locator('input[type="password"]').fill('Modra-konzola-3');
    await page.getByRole('button', { name: 'Naprej' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Koda iz aplikacije').fill(appCode(secret));
    await page.getByRole('button', { name: 'Dokončaj nastavitev' }).click();
    await page.getByRole('heading', { name: 'Nastavitev je končana' }).waitFor();
    await page.getByRole('button', { name: 'V konzolo ponudnika' }).click();
    await page.waitForURL('**/vendor');
    await page.getByText('Pia Podpornik · Podpora').waitFor();
    // Support reads customers but creates none and has no audit log.
    await page.getByRole('link', { name: 'Alpine Studio GmbH' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ustvari stranko' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Revizijski dnevnik ponudnika' }).count()).toBe(0);
    await context.close();
  });
});
