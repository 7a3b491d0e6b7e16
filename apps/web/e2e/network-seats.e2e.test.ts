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

const network = (path: string, token: string, body: unknown) =>
  fetch(`${e2e.server.url}/api/licences/network/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('Network seats in use (issue 17, item 3)', () => {
  /** The product the person checked out on two machines in the first test. */
  let namedProduct = '';
  it('an admin sees who holds a network seat now and releases one after confirming, in English and Slovenian', async () => {
    // The vendor registers the product; the person connects it with the device flow.
    const operatorContext = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const console = await operatorContext.newPage();
    await signInDemoOperator(console, e2e.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });
    await console.getByRole('link', { name: 'OAuth clients' }).click();
    await console.getByLabel('Product name').fill('Formwork 3D');
    await console.getByRole('button', { name: 'Register product' }).click();
    const row = console.getByRole('row', { name: /Formwork 3D/ });
    await row.waitFor();
    const clientId = (await row.locator('code').first().textContent())!.trim();
    await operatorContext.close();

    const personContext = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const personPage = await personContext.newPage();
    await signIn(personPage, e2e.server.url, 'user@example.com');
    const device = (await oidcPost('/device/auth', { client_id: clientId, scope: 'openid profile offline_access' })).body;
    await personPage.goto(device.verification_uri_complete!);
    await personPage.getByRole('button', { name: 'Continue' }).click();
    await personPage.getByRole('button', { name: 'Allow' }).click();
    await personPage.getByText('Device connected').waitFor();
    // A product the person holds a single-user seat of, for the named-user checkouts below.
    const own = await personContext.request.post(`${e2e.server.url}/graphql`, {
      data: { query: '{ productEntitlements { code name versions { version } licences { holdsSeat active licenceType } } }' },
    });
    type Entitled = { code: string; name: string; versions: { version: string }[]; licences: { holdsSeat: boolean; active: boolean; licenceType: string }[] };
    const named = ((await own.json()) as { data: { productEntitlements: Entitled[] } }).data.productEntitlements.find(
      (product) => product.versions.length > 0 && product.licences.some((licence) => licence.holdsSeat && licence.active && licence.licenceType === 'SINGLE_USER'),
    )!;
    namedProduct = named.name;
    await personContext.close();
    const token = (await oidcPost('/token', { client_id: clientId, grant_type: DEVICE_GRANT, device_code: device.device_code! })).body.access_token!;

    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    const entitlements = await context.request.post(`${e2e.server.url}/graphql`, { data: { query: '{ productEntitlements { code versions { version } } }' } });
    const formwork = ((await entitlements.json()) as { data: { productEntitlements: { code: string; versions: { version: string }[] }[] } }).data.productEntitlements.find(
      (product) => product.code === 'FRM',
    )!;
    // Three workstations start the product.
    const leases: string[] = [];
    for (const [fingerprint, name] of [['ws-01', 'DESIGN-WS-01'], ['ws-02', 'DESIGN-WS-02'], ['lap-07', 'SITE-LAPTOP-07']] as const) {
      const answer = await network('checkout', token, { product: 'FRM', version: formwork.versions[0]!.version, machine: { fingerprint, name, platform: fingerprint.startsWith('lap') ? 'macos' : 'windows' } });
      expect(answer.status).toBe(200);
      leases.push(((await answer.json()) as { leaseId: string }).leaseId);
    }

    // Two machines of the same person check out a product with their seat (named-user leases).
    for (const name of ['LAPTOP-JK', 'DESK-JK']) {
      const answer = await fetch(`${e2e.server.url}/api/licences/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ product: named.code, version: named.versions[0]!.version, machine: { fingerprint: name.toLowerCase(), name, platform: 'windows' } }),
      });
      expect(answer.status).toBe(200);
    }

    await page.goto(`${e2e.server.url}/subscriptions`);
    await page.getByRole('link', { name: 'Network seats in use of Formwork 3D' }).click();
    await page.getByRole('heading', { name: 'Network seats of Formwork 3D' }).waitFor();
    const table = page.getByRole('table', { name: '3 seats held now' });
    await table.getByText('DESIGN-WS-01').waitFor();
    await checkAtPhoneWidth(page, 'network-seats-en');

    await table.getByRole('button', { name: /^Release the seat of .+ on SITE-LAPTOP-07$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Release this seat?' });
    await dialog.waitFor();
    await page.screenshot({ path: `${process.env.SEATWISE_SCREENSHOTS ?? '/tmp'}/network-seats-confirm-en.png` });
    await dialog.getByRole('button', { name: 'Release' }).click();
    await page.getByText(/^The seat of .+ on SITE-LAPTOP-07 is free\.$/).waitFor();
    await page.getByRole('table', { name: '2 seats held now' }).waitFor();
    // The product hears of it at its next heartbeat; the others keep their seats.
    expect((await network('heartbeat', token, { leaseId: leases[2] })).status).toBe(410);
    expect((await network('heartbeat', token, { leaseId: leases[0] })).status).toBe(200);
    const audit = await context.request.post(`${e2e.server.url}/graphql`, {
      data: { query: '{ auditLog(first: 5) { edges { node { action summary } } } }' },
    });
    expect(JSON.stringify(await audit.json())).toContain('licence.lease.release');

    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('heading', { name: 'Mrežne licence naročnine Formwork 3D' }).waitFor();
    await page.getByRole('table', { name: 'Zdaj sta zasedeni 2 licenci' }).waitFor();
    await checkAtPhoneWidth(page, 'network-seats-sl');
    await page.getByRole('button', { name: /^Sprosti licenco osebe .+ na računalniku DESIGN-WS-02$/ }).click();
    await page.getByRole('dialog', { name: 'Želite sprostiti to licenco?' }).waitFor();
    await page.screenshot({ path: `${process.env.SEATWISE_SCREENSHOTS ?? '/tmp'}/network-seats-confirm-sl.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await context.close();
  });

  it("an admin sees a person's licence devices and revokes one after confirming, in English and Slovenian", async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    const users = await context.request.post(`${e2e.server.url}/graphql`, { data: { query: '{ users(first: 1, filter: { search: "user@example.com" }) { edges { node { id } } } }' } });
    const userId = ((await users.json()) as { data: { users: { edges: { node: { id: string } }[] } } }).data.users.edges[0]!.node.id;
    await page.goto(`${e2e.server.url}/users/${userId}`);
    const panel = page.getByRole('region', { name: 'Devices' });
    await panel.getByRole('list', { name: /^2 devices of / }).waitFor();
    await checkAtPhoneWidth(page, 'user-devices-en');
    await panel.getByRole('button', { name: `Revoke LAPTOP-JK (${namedProduct})` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this device?' });
    await dialog.waitFor();
    await page.screenshot({ path: `${process.env.SEATWISE_SCREENSHOTS ?? '/tmp'}/user-devices-confirm-en.png` });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await panel.getByRole('list', { name: /^1 device of / }).waitFor();
    expect(await panel.getByText('LAPTOP-JK').count()).toBe(0);

    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    const slPanel = page.getByRole('region', { name: 'Naprave' });
    await slPanel.getByRole('list', { name: /^1 naprava osebe / }).waitFor();
    await checkAtPhoneWidth(page, 'user-devices-sl');
    await slPanel.getByRole('button', { name: /^Prekliči napravo DESK-JK/ }).click();
    await page.getByRole('dialog', { name: 'Želite preklicati to napravo?' }).waitFor();
    await page.screenshot({ path: `${process.env.SEATWISE_SCREENSHOTS ?? '/tmp'}/user-devices-confirm-sl.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await context.close();
  });
});
