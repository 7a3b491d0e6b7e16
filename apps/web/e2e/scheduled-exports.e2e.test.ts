import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn, signInSpeaking } from './browser';

const e2e = serverAndBrowser();

describe('Reports → Scheduled exports (issue 19, item 3)', () => {
  it('an admin schedules a weekly Seat Usage export, runs it now, downloads the run and deletes the export after confirming', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    const navigation = page.getByRole('navigation', { name: 'Account management navigation' });
    await navigation.getByRole('link', { name: 'Scheduled exports' }).click();
    await page.getByRole('heading', { name: 'Scheduled exports', exact: true }).waitFor();
    await page.getByText('No scheduled exports yet').waitFor();

    await page.getByRole('button', { name: '+ Schedule export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule an export' });
    await dialog.getByLabel('Name').fill('Monday seats');
    await dialog.getByRole('textbox', { name: 'Recipients' }).click();
    await page.getByRole('option', { name: /admin@example\.com/ }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row', { name: /Monday seats/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Every Monday at 06:00');
    expect(await row.textContent()).toContain('Last 30 days');
    expect(await row.textContent()).toContain('1 recipient');

    await page.getByRole('button', { name: 'Run Monday seats now' }).click();
    await page.getByRole('button', { name: 'Runs of Monday seats' }).click();
    const runs = page.getByRole('dialog', { name: 'Runs of Monday seats' });
    // The job worker writes the file within a few polls.
    for (let attempt = 0; attempt < 40 && (await runs.getByText('Ready').count()) === 0; attempt++) {
      await runs.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(500);
    }
    await runs.getByText('Ready').waitFor();
    expect(await runs.textContent()).toMatch(/\d+ rows/);
    const download = page.waitForEvent('download');
    await runs.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toMatch(/^seat-usage-by-user-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.keyboard.press('Escape');

    await checkAtPhoneWidth(page, 'scheduled-exports');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole('button', { name: 'Delete Monday seats' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete scheduled export' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('row', { name: /Monday seats/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete Monday seats' }).click();
    await page.getByRole('dialog', { name: 'Delete scheduled export' }).getByRole('button', { name: 'Delete export' }).click();
    await page.getByText('No scheduled exports yet').waitFor();
    await context.close();
  });

  it('speaks Slovenian', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInSpeaking(page, e2e.server.url, 'admin@example.com', 'sl');
    await page.goto(`${e2e.server.url}/reports/scheduled-exports`);
    await page.getByRole('heading', { name: 'Načrtovani izvozi', exact: true }).waitFor();
    await page.getByText('Ni še načrtovanih izvozov').waitFor();
    await page.getByRole('button', { name: '+ Načrtuj izvoz' }).click();
    await page.getByRole('dialog', { name: 'Načrtuj izvoz' }).waitFor();
    await context.close();
  });
});
