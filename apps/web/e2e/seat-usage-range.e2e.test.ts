import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

const words = {
  en: { period: 'Period', custom: 'Custom range', from: 'From', to: 'To', byProduct: 'By product', unassigned: 'Unassigned seats', once: 'All subscriptions, each seat once' },
  sl: { period: 'Obdobje', custom: 'Po meri', from: 'Od', to: 'Do', byProduct: 'Po izdelkih', unassigned: 'Nedodeljene licence', once: 'Vse naročnine, vsaka licenca enkrat' },
} as const;

// Days are typed and shown as each language writes them (not the browser's mm/dd/yyyy).
const days = {
  en: { from: '1 Sep 2026', to: '30 Sep 2026' },
  sl: { from: '1. 9. 2026', to: '30. 9. 2026' },
} as const;

describe.each(['en', 'sl'] as const)('Seat Usage over a custom date range (%s)', (language) => {
  it('picks a first and a last day, keeps them in the address and reads the report for them', async () => {
    const w = words[language];
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    if (language === 'sl') {
      await page.getByRole('button', { name: /^Language:/ }).click();
      await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    }
    await page.waitForFunction((lng) => document.documentElement.lang === lng, language);
    await page.goto(`${e2e.server.url}/reports/seat-usage`);
    await page.getByRole('textbox', { name: w.period }).click();
    await page.getByRole('option', { name: w.custom }).click();
    const asked: string[] = [];
    page.on('request', (request) => {
      const body = request.postData();
      if (request.url().endsWith('/graphql') && body?.includes('"range"')) asked.push(body);
    });
    await page.getByLabel(w.from, { exact: true }).fill(days[language].from);
    await page.getByLabel(w.to, { exact: true }).fill(days[language].to);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('period') === 'custom' && url.searchParams.get('from') === '2026-09-01' && url.searchParams.get('to') === '2026-09-30');
    await expect.poll(() => asked.some((body) => body.includes('"from":"2026-09-01"') && body.includes('"to":"2026-09-30"'))).toBe(true);
    await page.waitForLoadState('networkidle');
    await checkAtPhoneWidth(page, `seat-usage-range-${language}`);

    // The address brings the same range back.
    await page.reload();
    expect(await page.getByLabel(w.from, { exact: true }).inputValue()).toBe(days[language].from);
    expect(await page.getByLabel(w.to, { exact: true }).inputValue()).toBe(days[language].to);

    // The unassigned-seats figure and the By product table agree: its last row counts each seat once.
    await page.goto(`${e2e.server.url}/reports/seat-usage`);
    const figure = await page.getByRole('button', { name: new RegExp(`^${w.unassigned}`, 'i') }).innerText();
    await page.getByRole('tab', { name: w.byProduct }).click();
    const total = page.getByRole('row', { name: new RegExp(w.once) });
    await total.waitFor();
    expect((await total.innerText()).match(/\d+/g)?.at(-1)).toBe(figure.match(/\d+/g)?.at(-1));
    await page.waitForLoadState('networkidle');
    await checkAtPhoneWidth(page, `seat-usage-by-product-${language}`);
    await context.close();
  }, 90_000);
});
