import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

describe('Seat Usage By user after a person is removed', () => {
  it('keeps their past use, marked Removed / Odstranjen, with no Unassign, in both languages', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'admin@example.com');
    // The page's own range, as it asks the API for it.
    const asked = page.waitForRequest((request) => request.url().endsWith('/graphql') && Boolean(request.postData()?.includes('seatUsageByUser')));
    await page.goto(`${e2e.server.url}/reports/seat-usage`);
    const range = (JSON.parse((await asked).postData()!) as { variables: { range: { from: string; to: string } } }).variables.range;

    // Someone who used their seat in that range, removed through the API.
    const person = await page.evaluate(async (range) => {
      const gql = async <T,>(query: string, variables: Record<string, unknown>) =>
        ((await (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as { data: T }).data;
      const { seatUsageByUser } = await gql<{ seatUsageByUser: { rows: { user: { id: string; name: string; email: string }; daysUsed: number }[] } }>(
        'query ($range: DateRangeInput!) { seatUsageByUser(range: $range, orderBy: { field: DAYS_USED, direction: DESC }, first: 50) { rows { user { id name email } daysUsed } } }',
        { range },
      );
      const row = seatUsageByUser.rows.find((candidate) => candidate.daysUsed > 0 && !['admin@example.com', 'user@example.com'].includes(candidate.user.email))!;
      const { user } = await gql<{ user: { version: number } }>('query ($id: UUID!) { user(id: $id) { version } }', { id: row.user.id });
      await gql('mutation ($input: RemoveUserInput!) { removeUser(input: $input) { id } }', { input: { userId: row.user.id, version: user.version } });
      return row.user;
    }, range);

    for (const [language, words] of [
      ['en', { search: 'Search', removed: 'Removed', unassign: 'Unassign' }],
      ['sl', { search: 'Iskanje', removed: 'Odstranjen', unassign: 'Odvzemi' }],
    ] as const) {
      if (language === 'sl') {
        await page.getByRole('button', { name: /^Language:/ }).click();
        await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'sl');
      }
      await page.goto(`${e2e.server.url}/reports/seat-usage`);
      await page.getByLabel(words.search, { exact: true }).fill(person.email);
      const rows = page.locator('tbody tr');
      // Every row is theirs (the search applied), and there is at least one.
      await expect.poll(async () => (await rows.count()) > 0 && (await rows.count()) === (await rows.filter({ hasText: person.email }).count())).toBe(true);
      await page.waitForLoadState('networkidle');
      const count = await rows.count();
      for (let index = 0; index < count; index += 1) {
        const row = rows.nth(index);
        expect(await row.getByText(words.removed, { exact: true }).count()).toBe(1);
        expect(await row.getByRole('button', { name: new RegExp(words.unassign) }).count()).toBe(0);
      }
      await checkAtPhoneWidth(page, `seat-usage-removed-${language}`);
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    await context.close();
  }, 120_000);
});
