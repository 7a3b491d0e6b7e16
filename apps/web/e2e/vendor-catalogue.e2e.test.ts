import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signInDemoOperator } from './browser';

const running = serverAndBrowser();

const words = {
  en: {
    locale: 'en-GB',
    demo: 'Use demo operator',
    signIn: 'Sign in',
    code: 'Code',
    verify: 'Verify',
    nav: 'Catalogue',
    add: '+ Add product',
    dialog: 'Add a product',
    codeLabel: 'Code',
    name: 'Name',
    submitProduct: 'Add product',
    addVersion: '+ Add version',
    version: 'Version',
    submitVersion: 'Add version',
    draft: 'Draft',
    upload: 'Upload',
    publish: 'Publish',
    current: 'Current',
    count: /\d+ products/,
    unfinished: 'Unfinished upload of partial.bin',
    cancelUpload: 'Cancel upload',
  },
  sl: {
    locale: 'sl-SI',
    demo: 'Uporabi demo operaterja',
    signIn: 'Prijava',
    code: 'Koda',
    verify: 'Preveri',
    nav: 'Katalog',
    add: '+ Dodaj izdelek',
    dialog: 'Dodajte izdelek',
    codeLabel: 'Oznaka',
    name: 'Ime',
    submitProduct: 'Dodaj izdelek',
    addVersion: '+ Dodaj različico',
    version: 'Različica',
    submitVersion: 'Dodaj različico',
    draft: 'Osnutek',
    upload: 'Naloži',
    publish: 'Objavi',
    current: 'Trenutna',
    unfinished: 'Nedokončano nalaganje datoteke partial.bin',
    cancelUpload: 'Prekliči nalaganje',
    count: /\d+ izdelk(ov|a|i|ek)/,
  },
} as const;

describe('the catalogue in the Vendor console', () => {
  it.each(['en', 'sl'] as const)('%s: create a product, add a version, upload a file, publish it', async (language) => {
    const w = words[language];
    const { server, browser } = running;
    const context = await browser.newContext({ locale: w.locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInDemoOperator(page, server.url, { useDemo: w.demo, signIn: w.signIn, code: w.code, verify: w.verify });
    await page.waitForURL('**/vendor');

    await page.getByRole('link', { name: w.nav, exact: true }).click();
    await page.getByRole('heading', { name: w.nav, exact: true }).waitFor();
    await page.getByText(w.count).waitFor();
    await checkAtPhoneWidth(page, `catalogue-${language}`);

    const code = `E2E-${language.toUpperCase()}`;
    await page.getByRole('button', { name: w.add }).click();
    const dialog = page.getByRole('dialog', { name: w.dialog });
    await dialog.getByLabel(w.codeLabel).fill(code);
    await dialog.getByLabel(w.name).fill(`Browser test ${language}`);
    await dialog.getByRole('button', { name: w.submitProduct }).click();
    await page.getByRole('heading', { name: `${code} · Browser test ${language}` }).waitFor();

    await page.getByRole('button', { name: w.addVersion }).click();
    const versionDialog = page.getByRole('dialog');
    await versionDialog.getByLabel(w.version).fill('2027');
    await versionDialog.getByRole('button', { name: w.submitVersion }).click();
    const card = page.getByTestId('version-2027');
    await card.getByText(w.draft, { exact: true }).waitFor();

    await card.locator('input[type="file"]').setInputFiles({ name: 'setup-2027.exe', mimeType: 'application/octet-stream', buffer: Buffer.alloc(200_000, 42) });
    await card.getByRole('button', { name: w.upload, exact: true }).click();
    await card.getByText('setup-2027.exe').first().waitFor();
    await card.getByRole('cell', { name: /195,3 KB|195\.3 KB/ }).waitFor();
    await checkAtPhoneWidth(page, `catalogue-product-${language}`);

    await card.getByRole('button', { name: w.publish, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.publish, exact: true }).click();
    await card.getByText(w.current, { exact: true }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await card.getByRole('button', { name: w.publish, exact: true }).count()).toBe(0);
    await checkAtPhoneWidth(page, `catalogue-published-${language}`);

    // An upload left half-way is listed with what arrived; cancelling it (confirmed) discards it.
    const versionId = await page.evaluate(async () => {
      const id = location.pathname.split('/').at(-1);
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query ($id: UUID!) { catalogueProduct(id: $id) { versions { id } } }', variables: { id } }),
      });
      return ((await response.json()) as { data: { catalogueProduct: { versions: { id: string }[] } } }).data.catalogueProduct.versions[0]!.id;
    });
    const begun = await page.request.post(`${server.url}/graphql`, {
      data: {
        query: 'mutation ($input: CreateFileUploadInput!) { createFileUpload(input: $input) { url } }',
        variables: { input: { versionId, kind: 'UPDATE', name: 'Partial', platform: 'LINUX', language: 'sl-SI', fileName: 'partial.bin', size: 300_000 } },
      },
    });
    const { url } = ((await begun.json()) as { data: { createFileUpload: { url: string } } }).data.createFileUpload;
    const half = await page.request.patch(`${server.url}${url}`, { headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, data: Buffer.alloc(100_000, 1) });
    expect(half.status()).toBe(204);
    await page.reload();
    await card.getByText(w.unfinished).waitFor();
    await card.getByRole('button', { name: w.cancelUpload }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.cancelUpload }).click();
    await card.getByText(w.unfinished).waitFor({ state: 'detached' });
    expect((await page.request.fetch(`${server.url}${url}`, { method: 'HEAD' })).status()).toBe(404);
    await context.close();
  });
});
