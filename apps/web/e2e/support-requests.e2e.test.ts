import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn, signInDemoOperator, signInSpeaking } from './browser';

const e2e = serverAndBrowser();

const words = {
  en: {
    nav: 'Support requests',
    title: 'Support requests',
    count: (n: number) => `${n} requests`,
    open: 'Open a support request',
    subject: 'What do you need help with?',
    category: 'Category',
    licensing: 'Licences and activation',
    billing: 'Contracts and payments',
    description: 'Describe the request',
    send: 'Send request',
    statusFilter: 'Status',
    closed: 'Closed',
    openStatus: 'Open',
    answered: 'Answered',
    backToList: 'Support requests',
    categoryRule: 'Choose a category.',
  },
  sl: {
    nav: 'Zahtevki za podporo',
    title: 'Zahtevki za podporo',
    count: (n: number) => (n === 3 || n === 4 ? `${n} zahtevki` : `${n} zahtevkov`),
    open: 'Odpri zahtevek za podporo',
    subject: 'Pri čem potrebujete pomoč?',
    category: 'Kategorija',
    licensing: 'Licence in aktivacija',
    billing: 'Pogodbe in plačila',
    description: 'Opis zahtevka',
    send: 'Pošlji zahtevek',
    statusFilter: 'Stanje',
    closed: 'Zaprt',
    openStatus: 'Odprt',
    answered: 'Odgovorjen',
    backToList: 'Zahtevki za podporo',
    categoryRule: 'Izberite kategorijo.',
  },
} as const;

const rows = (page: Page) => page.getByTestId('support-request-row');

describe('support requests in Account management', () => {
  it.each(['en', 'sl'] as const)('lists, filters and opens requests with a category and a description (%s)', async (language) => {
    const w = words[language];
    // Signed in through the English form; the language is then chosen in the language menu.
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInSpeaking(page, e2e.server.url, 'admin@example.com', language);
    await page.getByRole('link', { name: w.nav, exact: true }).click();
    await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
    // The heading stands before the list has loaded: count the rows once they are there.
    await rows(page).first().waitFor();
    const before = await rows(page).count();
    expect(before).toBeGreaterThanOrEqual(3);
    await page.getByText(w.count(before)).waitFor();
    await checkAtPhoneWidth(page, `support-requests-${language}`);

    // Closed only: the seeded request moved weeks ago.
    await page.getByRole('textbox', { name: w.statusFilter }).click();
    await page.getByRole('option', { name: w.closed, exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole('textbox', { name: w.statusFilter }).hover();
    await page.locator('.mantine-Select-section button').first().click();
    await expect.poll(() => rows(page).count()).toBe(before);

    // A request needs a category; then the thread opens with the description as its first message.
    await page.getByRole('button', { name: w.open }).click();
    const dialog = page.getByRole('dialog', { name: w.open });
    const subject = `Activation offline (${language})`;
    await dialog.getByLabel(w.subject).fill(subject);
    await dialog.getByLabel(w.description).fill('The site office has no internet.\nHow do we activate Formwork 3D?');
    await dialog.getByRole('button', { name: w.send }).click();
    await dialog.getByText(w.categoryRule).waitFor();
    await dialog.getByRole('textbox', { name: w.category }).click();
    await page.getByRole('option', { name: w.licensing }).click();
    await dialog.getByRole('button', { name: w.send }).click();
    await page.getByRole('heading', { name: subject, level: 1 }).waitFor();
    await page.getByText('How do we activate Formwork 3D?').waitFor();
    await page.getByText(w.licensing).first().waitFor();
    await page.getByText(w.openStatus, { exact: true }).first().waitFor();
    await checkAtPhoneWidth(page, `support-thread-${language}`);

    await page.getByRole('link', { name: w.backToList }).first().click();
    await expect.poll(() => rows(page).count()).toBe(before + 1);
    await expect.poll(() => rows(page).first().textContent()).toContain(subject);
    await context.close();
  });

  it("Support's reply makes the request answered on the customer's side, in the inbox's category filter", async () => {
    const w = words.en;
    const vendor = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const operator = await vendor.newPage();
    await signInDemoOperator(operator, e2e.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });
    await operator.goto(`${e2e.server.url}/vendor/support`);
    await operator.getByRole('textbox', { name: 'Category' }).click();
    await operator.getByRole('option', { name: w.licensing }).click();
    await operator.getByRole('link', { name: 'Activation offline (en)' }).click();
    await operator.getByText('How do we activate Formwork 3D?').waitFor();
    await operator.getByRole('textbox', { name: 'Reply' }).fill('Use the offline activation file from the product page.');
    await operator.getByRole('button', { name: 'Send reply' }).click();
    await operator.getByText(w.answered, { exact: true }).first().waitFor();
    await vendor.close();

    const customer = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await customer.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    await page.goto(`${e2e.server.url}/support`);
    // The person chose Slovenian in the test before: the page speaks it.
    await page.waitForFunction(() => document.documentElement.lang === 'sl');
    await page.getByRole('textbox', { name: words.sl.statusFilter }).click();
    await page.getByRole('option', { name: words.sl.answered, exact: true }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => rows(page).first().textContent()).toContain('Activation offline (en)');
    await customer.close();
  });
});
