import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signIn } from './browser';
import { startServer } from './server';

// This instance runs no background jobs: a second instance (started in the package test) builds them.
const e2e = serverAndBrowser({ env: { SEATWISE_JOB_WORKER: '0' } });

/** The first test leaves the admin's language on Slovenian (a saved preference): back to English. */
async function inEnglish(page: Page) {
  await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('products and services', () => {
  it('View downloads: choose version, platform and language, compare methods, download the real file', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.goto(`${e2e.server.url}/products`);
    await page.getByRole('heading', { name: 'All Products and Services' }).waitFor();
    await page.getByRole('button', { name: 'Drafter' }).click();
    await page.getByRole('tab', { name: 'Activation' }).click();
    await page.getByRole('cell', { name: /^\d{3}[A-Z]1$/ }).first().waitFor();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('link', { name: /2025/ }).click();

    await page.getByRole('heading', { name: 'View downloads' }).waitFor();
    await page.getByRole('heading', { name: 'Drafter 2025' }).waitFor();
    await page.getByRole('textbox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Slovenian' }).click();
    await expect.poll(() => page.getByText(/drf-2025-windows-sl-SI\.exe/).count()).toBe(1);
    const sha = (await page.getByTestId('installer-sha256').textContent())!.trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);

    await page.getByRole('button', { name: 'View all' }).click();
    const comparison = page.getByRole('table', { name: 'Comparison of all options' });
    await comparison.waitFor();
    for (const method of ['Download manager', 'Browser download']) {
      await comparison.getByRole('columnheader', { name: method }).waitFor();
    }
    // Nothing installs and activates in one step, so nothing claims to.
    expect(await page.getByText('Install now').count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Browser download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('drf-2025-windows-sl-SI.exe');
    expect(sha256Of((await download.path())!)).toBe(sha);

    // The same screen in Slovenian keeps the product's button names.
    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('columnheader', { name: 'Primerjava vseh možnosti' }).waitFor();
    await page.getByRole('button', { name: 'View all' }).waitFor();
    await context.close();
  });

  it('Network licence: a colon-less host ID is taken, too many seats is an error under the field, never clamped', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.goto(`${e2e.server.url}/products`);
    await inEnglish(page);
    await page.getByRole('button', { name: 'Formwork 3D' }).click();
    await page.getByRole('tab', { name: 'More actions' }).click();
    await page.getByRole('button', { name: 'Request a network licence' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Server host name').fill('lic-e2e.kolektor.local');
    await dialog.getByLabel('Host ID').fill('0050569A1B2C');
    const seats = dialog.getByRole('textbox', { name: 'Seats' });
    await seats.fill('99');
    await seats.blur();
    expect(await seats.inputValue()).toBe('99');
    await dialog.getByRole('button', { name: 'Generate licence file' }).click();
    await dialog.getByText('Seats must be a whole number from 1 to 5.').waitFor();
    expect(await dialog.getByText(/Enter the host ID/).count()).toBe(0);

    await seats.fill('4');
    await dialog.getByRole('button', { name: 'Generate licence file' }).click();
    const file = dialog.getByLabel('Licence file');
    await file.waitFor();
    expect(await file.inputValue()).toContain('HOST_ID=00:50:56:9A:1B:2C');
    await page.keyboard.press('Escape');

    // Another server: only the one seat left is free, and the server's sentence says so under the field.
    await page.getByRole('button', { name: 'Request a network licence' }).click();
    await dialog.getByLabel('Server host name').fill('lic-e2e-2.kolektor.local');
    await dialog.getByLabel('Host ID').fill('00-50-56-9a-1b-2d');
    await seats.fill('3');
    await dialog.getByRole('button', { name: 'Generate licence file' }).click();
    await dialog.getByText(/Only 1 of the 5 seats of .* are free for this server/).waitFor();
    await context.close();
  });

  it('Product Updates: "Download all" is one zip download', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.goto(`${e2e.server.url}/products/updates`);
    await inEnglish(page);
    await page.getByRole('heading', { name: 'Product Updates' }).waitFor();
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^seatwise-downloads-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(readFileSync((await download.path())!).subarray(0, 4).toString('hex')).toBe('504b0304');
    await page.waitForTimeout(1500);
    expect(downloads).toHaveLength(1);
    await context.close();
  });

  it('builds a custom install package in the background and shows its progress until it is ready', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.goto(`${e2e.server.url}/products/packages`);
    await page.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('button', { name: 'Izdelaj prilagojen namestitveni paket' }).click();
    const form = page.getByRole('form', { name: 'Izdelaj prilagojen namestitveni paket' });
    await form.getByRole('button', { name: 'Izdelaj paket' }).click();
    await form.getByText('Paketu dajte ime z največ 100 znaki v eni vrstici.').waitFor();

    await form.getByLabel('Ime paketa').fill('Pisarna Ljubljana');
    await form.getByRole('checkbox').first().check();
    await form.getByText('Tiha namestitev').click();
    expect(await form.getByLabel('Tiha namestitev').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Izdelaj paket' }).click();

    const row = page.getByTestId('install-package-row').filter({ hasText: 'Pisarna Ljubljana' });
    // No instance runs jobs yet: the package waits in the queue, with its progress bar at 0.
    await row.getByText('V čakalni vrsti').waitFor();
    const progress = row.getByRole('progressbar');
    await progress.waitFor({ state: 'attached' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('0');

    // A second API instance on the same database picks the job up; the list follows by itself.
    const worker = await startServer({ dataDir: e2e.server.dataDir });
    try {
      await row.getByText('Pripravljen').waitFor({ timeout: 30_000 });
    } finally {
      await worker.stop();
    }
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Prenesi' }).click()]);
    expect(download.suggestedFilename()).toBe('Pisarna-Ljubljana.tar.gz');
    const prefix = (await row.locator('code').textContent())!.replace('…', '');
    expect(sha256Of((await download.path())!).startsWith(prefix)).toBe(true);
    await context.close();
  }, 90_000);
});
