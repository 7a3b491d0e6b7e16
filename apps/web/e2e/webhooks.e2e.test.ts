import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn, signInDemoOperator } from './browser';

const e2e = serverAndBrowser();

/** A real receiver on this machine: what an integration would run. */
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/seatwise`;
});
afterAll(() => new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve())));

/** A change that makes an event: a seat assigned through the API with the page's session. */
async function assignASeat(page: Page) {
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    (await (await page.request.post(`${e2e.server.url}/graphql`, { data: { query, variables } })).json()) as { data: T; errors?: unknown[] };
  const { data } = await graphql<{ assignableSubscriptions: { id: string; available: number }[]; users: { edges: { node: { id: string } }[] } }>(
    '{ assignableSubscriptions { id available } users(first: 100) { edges { node { id } } } }',
  );
  const subscription = data.assignableSubscriptions.find((candidate) => candidate.available > 0)!;
  for (const { node } of data.users.edges) {
    const answer = await graphql('mutation ($input: AssignSeatInput!) { assignSeat(input: $input) { id } }', { input: { userId: node.id, subscriptionId: subscription.id } });
    if (!answer.errors) return;
  }
  throw new Error('no seat could be assigned');
}

describe('Webhooks in Developer settings and the Vendor console', () => {
  it('an admin adds an endpoint, copies the secret, gets a signed event it verifies, and reads the delivery log', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    const navigation = page.getByRole('navigation', { name: 'Account management navigation' });
    await navigation.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook endpoints yet').waitFor();

    await page.getByRole('button', { name: '+ Add endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await form.getByLabel('Address').fill('http://example.com/hook');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText(/Enter an https:\/\/ address/).waitFor();
    await form.getByLabel('Address').fill(receiverUrl);
    await form.getByLabel('Description').fill('CRM sync');
    await form.getByText('All events', { exact: true }).click();
    await form.getByRole('checkbox', { name: 'Seat assigned' }).check();
    await form.getByRole('checkbox', { name: 'Member joined' }).check();
    expect(await form.getByRole('checkbox', { name: 'Customer created' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const shown = page.getByRole('dialog', { name: 'Signing secret' });
    const secret = (await shown.getByTestId('webhook-secret').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /CRM sync/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 events');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.content()).not.toContain(secret);
    await checkAtPhoneWidth(page, 'webhooks-en');

    await assignASeat(page);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as { type: string };
    expect(event.type).toBe('seat.assigned');

    await row.getByRole('button', { name: 'Delivery log' }).click();
    const log = page.getByRole('dialog', { name: 'Delivery log' });
    await log.getByText('Seat assigned').waitFor();
    await log.getByText('1 attempt').waitFor();
    await checkAtPhoneWidth(page, 'webhooks-log-en');
    await log.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
    expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Actions for ${receiverUrl}` }).click();
    await page.getByRole('menuitem', { name: 'Turn off' }).click();
    await row.getByText('Off', { exact: true }).waitFor();
    await page.getByRole('button', { name: `Actions for ${receiverUrl}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete the endpoint?' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No webhook endpoints yet').waitFor();
    await context.close();
  });

  it('in Slovenian, the account page and the Vendor console page', async () => {
    // Signed in through the English form; the language is then chosen in the language menu.
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sl');
    await page.getByRole('navigation').getByRole('link', { name: 'Spletni kljuki' }).click();
    await page.getByRole('heading', { name: 'Spletni kljuki' }).waitFor();
    await page.getByRole('button', { name: '+ Dodaj končno točko' }).click();
    const form = page.getByRole('dialog', { name: 'Dodaj končno točko spletnega kljuka' });
    await form.getByLabel('Naslov').fill(receiverUrl);
    await form.getByRole('button', { name: 'Dodaj končno točko' }).click();
    await page.getByRole('dialog', { name: 'Skrivnost za podpisovanje' }).getByRole('button', { name: 'Končano' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Vsi dogodki/ }).waitFor();
    await checkAtPhoneWidth(page, 'webhooks-sl');
    await context.close();

    const vendor = await e2e.browser.newContext({ locale: 'sl-SI', viewport: { width: 1366, height: 900 } });
    const console = await vendor.newPage();
    await signInDemoOperator(console, e2e.server.url, { useDemo: 'Uporabi demo operaterja', signIn: 'Prijava', code: 'Koda', verify: 'Preveri' });
    await console.getByRole('link', { name: 'Spletni kljuki' }).click();
    await console.getByRole('heading', { name: 'Spletni kljuki' }).waitFor();
    await console.getByRole('button', { name: '+ Dodaj končno točko' }).click();
    const vendorForm = console.getByRole('dialog', { name: 'Dodaj končno točko spletnega kljuka' });
    await vendorForm.getByLabel('Naslov').fill(`${receiverUrl}/vendor`);
    await vendorForm.getByText('Vsi dogodki', { exact: true }).click();
    await vendorForm.getByRole('checkbox', { name: 'Nova stranka' }).check();
    await vendorForm.getByRole('button', { name: 'Dodaj končno točko' }).click();
    await console.getByRole('dialog', { name: 'Skrivnost za podpisovanje' }).getByRole('button', { name: 'Končano' }).click();
    await console.getByRole('dialog').waitFor({ state: 'detached' });
    await console.getByRole('row', { name: /1 dogodek/ }).waitFor();
    await checkAtPhoneWidth(console, 'vendor-webhooks-sl');
    await vendor.close();
  });
});
