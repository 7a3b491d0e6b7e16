import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

async function signedInPage(): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, e2e.server.url, 'admin@example.com');
  return page;
}

/** The rows' emails, as the table shows them. */
const emails = (page: Page) => page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.textContent ?? ''));

describe('the users list (issue 22, item 6)', () => {
  it('filters by product, keeps the page in the URL across a reload, and exports what it shows', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users`);
    const range = page.getByRole('navigation', { name: /pages/i }).locator('p').first();
    await expect.poll(() => range.textContent()).toMatch(/^1–25 of \d+/);

    // Page two is in the URL: a reload opens it again, and Previous goes back.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => range.textContent()).toMatch(/^26–50 of/);
    expect(new URL(page.url()).searchParams.getAll('after')).toHaveLength(1);
    const secondPage = await emails(page);
    await page.reload();
    await expect.poll(() => range.textContent()).toMatch(/^26–50 of/);
    expect(await emails(page)).toEqual(secondPage);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => range.textContent()).toMatch(/^1–25 of/);

    // The product filter: only people holding a seat of Structa BIM, and a new filter starts from page one.
    await page.getByRole('textbox', { name: 'Product' }).click();
    await page.getByRole('option', { name: 'Structa BIM' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('product')).toHaveLength(1);
    const count = page.getByTestId('users-count');
    await expect.poll(async () => Number(/\d+/.exec((await count.textContent()) ?? '')?.[0])).toBeLessThan(25);
    const shown = Number(/\d+/.exec((await count.textContent())!)![0]);
    expect(shown).toBeGreaterThan(0);
    await checkAtPhoneWidth(page, 'users-product-filter');

    // Export: the same list as a CSV file.
    await page.getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /CSV/ }).click()]);
    expect(file.suggestedFilename()).toBe('users.csv');
    const lines = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Name,Email,Role,Status,Team,Seats,Last sign-in,Joined on');
    expect(lines).toHaveLength(shown + 1);

    // In Slovenian, the filter speaks Slovenian and the export is Slovenian Excel's (`;`).
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('textbox', { name: 'Izdelek' }).waitFor();
    await page.getByRole('button', { name: 'Izvozi' }).click();
    const [slovenian] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /CSV/ }).click()]);
    const slLines = readFileSync(await slovenian.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(slLines[0]).toBe('Ime;E-pošta;Vloga;Stanje;Ekipa;Licence;Zadnja prijava;Datum pridružitve');
    expect(slLines).toHaveLength(shown + 1);
    await page.keyboard.press('Escape');
    await checkAtPhoneWidth(page, 'users-product-filter-sl');
    await page.context().close();
  });
});

describe('bulk actions on the users list with undo (issue 22, item 6)', () => {
  it('unassigns a product from selected people and undoes it, in English and Slovenian', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users`);
    // The test above left the admin's language on Slovenian (a profile setting): once the page
    // stands in it, English is chosen (a no-op when it is English already).
    await page.getByRole('textbox', { name: /^(Product|Izdelek)$/ }).first().waitFor();
    await page.getByRole('button', { name: /^(Language|Jezik):/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^(Language|Jezik):/ }).getAttribute('aria-label')).toMatch(/^Language:/);
    await page.getByRole('textbox', { name: 'Product' }).click();
    await page.getByRole('option', { name: 'Structa BIM' }).click();
    await page.keyboard.press('Escape');
    const count = page.getByTestId('users-count');
    const shownNow = async () => Number(/\d+/.exec((await count.textContent()) ?? '')?.[0]);
    await expect.poll(shownNow).toBeLessThan(25);
    const before = await shownNow();
    expect(before).toBeGreaterThan(4);

    // Three ticked: "3 selected", then the confirmation, all by keyboard where a person would.
    const boxes = page.locator('tbody tr input[type="checkbox"]');
    for (let row = 0; row < 3; row += 1) await boxes.nth(row).check();
    await expect.poll(() => page.getByTestId('users-selected').textContent()).toBe('3 selected');
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Unassign product' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unassign a product from 3 people' });
    await dialog.getByRole('textbox', { name: 'Product' }).click();
    await page.getByRole('option', { name: 'Structa BIM' }).click();
    await checkAtPhoneWidth(page, 'users-bulk-unassign');
    await dialog.getByRole('button', { name: 'Unassign from 3 people' }).click();
    const notice = page.getByTestId('users-notice');
    await expect.poll(() => notice.textContent()).toContain('Seats taken back from 3 people.');
    await expect.poll(shownNow).toBe(before - 3);
    await checkAtPhoneWidth(page, 'users-bulk-undo');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => notice.textContent()).toContain('Undone');
    await expect.poll(shownNow).toBe(before);

    // In Slovenian: "2 izbrani osebi", the same action, "Razveljavi".
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByRole('textbox', { name: 'Izdelek' }).first().waitFor();
    for (let row = 0; row < 2; row += 1) await boxes.nth(row).check();
    await expect.poll(() => page.getByTestId('users-selected').textContent()).toBe('2 izbrani osebi');
    await boxes.nth(2).check();
    await expect.poll(() => page.getByTestId('users-selected').textContent()).toBe('3 izbrane osebe');
    await boxes.nth(2).uncheck();
    await page.getByRole('button', { name: 'Več dejanj' }).click();
    await page.getByRole('menuitem', { name: 'Odvzemi izdelek' }).click();
    const slDialog = page.getByRole('dialog', { name: 'Odvzem izdelka 2 osebama' });
    await slDialog.getByRole('textbox', { name: 'Izdelek' }).click();
    await page.getByRole('option', { name: 'Structa BIM' }).click();
    await checkAtPhoneWidth(page, 'users-bulk-unassign-sl');
    await slDialog.getByRole('button', { name: 'Odvzemi 2 osebama' }).click();
    await expect.poll(() => notice.textContent()).toContain('Licence odvzete 2 osebama.');
    await expect.poll(shownNow).toBe(before - 2);
    await checkAtPhoneWidth(page, 'users-bulk-undo-sl');
    await notice.getByRole('button', { name: 'Razveljavi' }).click();
    await expect.poll(() => notice.textContent()).toContain('Razveljavljeno');
    await expect.poll(shownNow).toBe(before);
    await page.context().close();
  });

  it('removes one person on their page and brings them back with Undo on the list', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users`);
    // The test above left the admin's language on Slovenian: English is chosen again.
    await page.getByRole('button', { name: /^(Language|Jezik):/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^(Language|Jezik):/ }).getAttribute('aria-label')).toMatch(/^Language:/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('user@example.com');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await page.getByRole('button', { name: 'Remove from account' }).click();
    const dialog = page.getByRole('dialog', { name: /^Remove .* from the account\?$/ });
    await dialog.getByRole('button', { name: 'Remove from account' }).click();
    await page.waitForURL((url) => url.pathname === '/users');
    const notice = page.getByTestId('users-notice');
    await expect.poll(() => notice.textContent()).toContain('was removed from the account.');
    // Removed people stay in the list as Inactive; Undo makes them active again, seats and all.
    await page.getByRole('searchbox', { name: 'Search' }).fill('user@example.com');
    const row = page.locator('tbody tr').filter({ hasText: 'user@example.com' });
    await expect.poll(() => row.textContent()).toContain('Inactive');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => notice.textContent()).toContain('Undone');
    await expect.poll(() => row.textContent()).not.toContain('Inactive');
    expect(await row.textContent()).toContain('Active');
    // Shown once: a reload does not offer the Undo again.
    await page.reload();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('users-notice').count()).toBe(0);
    await page.context().close();
  });
});
