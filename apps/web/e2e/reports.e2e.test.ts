import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

async function signedIn(email = 'admin@example.com'): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, e2e.server.url, email);
  return page;
}

/** Clicks an export and returns the downloaded file's name and text. */
async function download(page: Page, open: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), open()]);
  const path = await file.path();
  const bytes = readFileSync(path);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8').replace(/^\uFEFF/, ''), bytes };
}

async function exportAs(page: Page, format: 'CSV' | 'Excel') {
  // "Izvozi" in Slovenian.
  await page.getByRole('button', { name: /^(Export|Izvozi)$/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(format) }).click();
}

describe('reports in the browser', () => {
  it('the home page links every card to its section; a support request can be opened', async () => {
    const page = await signedIn();
    await page.getByRole('heading', { name: 'Latest updates' }).waitFor();
    await page.getByRole('heading', { name: 'Subscription renewals' }).waitFor();
    const count = page.getByTestId('open-support-count');
    await expect.poll(() => count.textContent()).toBe('2 open requests');
    await page.getByRole('button', { name: 'Open a support request' }).click();
    await page.getByLabel('What do you need help with?').fill('Two more Drafter seats, please');
    await page.getByRole('textbox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Licences and activation' }).click();
    await page.getByLabel('Describe the request').fill('For the new office in Maribor.');
    await page.getByRole('button', { name: 'Send request' }).click();
    // The new request's thread opens; home counts it.
    await page.getByRole('heading', { name: 'Two more Drafter seats, please', level: 1 }).waitFor();
    await page.getByText('For the new office in Maribor.').waitFor();
    await page.goto(`${e2e.server.url}/`);
    await expect.poll(() => page.getByTestId('open-support-count').textContent()).toBe('3 open requests');
    await page.getByText('Two more Drafter seats, please').waitFor();
    await page.getByRole('link', { name: 'Subscriptions and Contracts' }).last().click();
    await page.getByRole('heading', { name: 'Subscriptions and Contracts', level: 1 }).waitFor();
    await page.context().close();
  });

  it('Subscriptions and Contracts: filters, exports to CSV, opens a contract and exports its products', async () => {
    const page = await signedIn();
    await page.goto(`${e2e.server.url}/subscriptions`);
    await page.getByRole('cell', { name: /Sheet Metal Pro/ }).first().waitFor();
    await page.getByText('Expired', { exact: true }).first().waitFor();
    const csv = await download(page, () => page.getByRole('link', { name: 'Export', exact: true }).click());
    expect(csv.name).toBe('subscriptions.csv');
    expect(csv.text.split('\n')[0]).toContain('Subscription,Serial number,Contract,Status');
    expect(csv.text).toContain('Design & Engineering Collection');

    await page.getByLabel('Search').fill('metal');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    // F-47: the subscription moves to another team and the table says so.
    await page.getByRole('button', { name: /^Move .*Sheet Metal Pro.* to another team$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Move to team' });
    await dialog.getByLabel('Team').click();
    const choice = page.getByRole('option').last();
    const teamName = (await choice.textContent())!.trim();
    await choice.click();
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain(teamName);
    await page.getByRole('link', { name: '110004567893' }).click();
    await page.getByRole('heading', { name: 'Contract 110004567893' }).waitFor();
    const products = await download(page, () => page.getByRole('link', { name: 'Export to CSV' }).first().click());
    expect(products.text).toContain('Sheet Metal Pro');
    await page.context().close();
  });

  it('Insights shows a chart with a text alternative and a table, and exports XLSX', async () => {
    const page = await signedIn();
    await page.goto(`${e2e.server.url}/reports/insights`);
    await page.getByRole('heading', { name: 'Seats per product' }).waitFor();
    expect(await page.locator('#insights-chart-summary').textContent()).toMatch(/Drafter: \d+ assigned, \d+ unassigned\./);
    await page.getByRole('cell', { name: 'Arhitektura' }).first().waitFor();
    const xlsx = await download(page, () => exportAs(page, 'Excel'));
    expect(xlsx.name).toBe('insights.xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  });

  it('Seat Usage: by user and product, seats to reclaim, one-click unassign, CSV and XLSX, in Slovenian too', async () => {
    const page = await signedIn();
    await page.goto(`${e2e.server.url}/reports/seat-usage?period=last3Months`);
    // The products are read when their tab opens, and read again after a seat is taken back.
    const assignedSeats = async () =>
      (await page.locator('tbody tr td:nth-child(2)').allTextContents()).reduce((sum, text) => sum + Number(/^(\d+) \//.exec(text)?.[1] ?? NaN), 0);
    await page.getByRole('tab', { name: 'By product' }).click();
    await page.getByRole('cell', { name: 'Drafter', exact: true }).waitFor();
    const assignedBefore = await assignedSeats();
    expect(assignedBefore).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'By user' }).click();
    await page.getByRole('cell', { name: /Ana Novak/ }).first().waitFor();
    const csv = await download(page, () => exportAs(page, 'CSV'));
    expect(csv.name).toBe('seat-usage-by-user.csv');
    expect(csv.text.split('\n')[0]).toBe('Name,Email,Subscription,Assigned on,Last used,Days used,Minutes,Days idle');
    const xlsx = await download(page, () => exportAs(page, 'Excel'));
    expect(xlsx.name).toBe('seat-usage-by-user.xlsx');

    // The list filtered to seats idle for 30 days holds as many seats as the figure says; wait for
    // it, as the count of every seat stays on screen until the filtered page arrives.
    const idleFigure = page.getByRole('button', { name: /^Not used for 30 days/ });
    // The figure's name is its visible text, label then number (it has no aria-label of its own).
    const before = Number(/(\d+)\s*$/.exec(await idleFigure.innerText())?.[1]);
    expect(before).toBeGreaterThan(0);
    await idleFigure.click();
    const seats = page.getByTestId('seat-count');
    await expect.poll(async () => Number(/\d+/.exec((await seats.textContent()) ?? '')?.[0])).toBe(before);
    await page.getByRole('button', { name: /^Unassign / }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unassign' }).click();
    await expect.poll(async () => Number(/\d+/.exec((await seats.textContent()) ?? '')?.[0])).toBe(before - 1);

    await page.getByRole('tab', { name: 'By product' }).click();
    await page.getByRole('cell', { name: 'Drafter', exact: true }).waitFor();
    await expect.poll(assignedSeats).toBeLessThan(assignedBefore);
    const products = await download(page, () => exportAs(page, 'CSV'));
    expect(products.name).toBe('seat-usage-by-product.csv');

    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('tab', { name: 'Po izdelkih' }).waitFor();
    const slovenian = await download(page, () => exportAs(page, 'CSV'));
    // What Slovenian Excel opens as columns: `;` between them.
    expect(slovenian.text.split('\n')[0]).toMatch(/^Izdelek;/);
    // The choice is saved with the person (F-06): back to English for the next tests.
    await page.getByRole('button', { name: /^Jezik/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'By product' }).waitFor();
    await page.context().close();
  });

  it('Cloud Services Usage: credits per subscription and per user, exported', async () => {
    const page = await signedIn();
    await page.goto(`${e2e.server.url}/reports/cloud-services-usage?period=last3Months`);
    await page.getByRole('cell', { name: /Cloud Credits 5000/ }).waitFor();
    const balances = await download(page, () => exportAs(page, 'CSV'));
    expect(balances.text).toContain('Cloud Credits 5000');
    await page.getByRole('tab', { name: 'By user' }).click();
    await page.locator('tbody tr').first().waitFor();
    const byUser = await download(page, () => exportAs(page, 'CSV'));
    expect(byUser.name).toBe('cloud-services-usage-by-user.csv');
    expect(byUser.text.split('\n').length).toBeGreaterThan(2);
    await page.context().close();
  });

  it('a person with the User role cannot open the reports', async () => {
    const page = await signedIn('user@example.com');
    for (const path of ['/reports/seat-usage', '/reports/insights', '/reports/cloud-services-usage', '/subscriptions']) {
      await page.goto(`${e2e.server.url}${path}`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    }
    await page.context().close();
  });
});
