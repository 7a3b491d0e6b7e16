import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signInSpeaking } from './browser';

const e2e = serverAndBrowser();

const words = {
  en: {
    open: 'Invite Multiple',
    rows: 'People to invite',
    products: 'Products',
    check: 'Check rows',
    checkFirst: 'Check the rows first',
    invalid: '1 row has a problem: fix it, or invite only the ready rows.',
    seats: 'Not enough free seats for everyone',
    needed: (free: number, needed: number) => new RegExp(`${free} free seats?, ${needed} needed`),
    inviteReady: (count: number) => `Invite only the ${count} ready ${count === 1 ? 'person' : 'people'}`,
    problems: ['Email:', 'First name:', 'Last name:'],
    sent: (count: number) => `${count} invitations sent.`,
  },
  sl: {
    open: 'Invite Multiple',
    rows: 'Osebe za povabilo',
    products: 'Izdelki',
    check: 'Preveri vrstice',
    checkFirst: 'Najprej preverite vrstice',
    invalid: '1 vrstica ima napako: popravite jo ali povabite samo pripravljene.',
    seats: 'Prostih licenc ni dovolj za vse',
    needed: (_free: number, needed: number) => new RegExp(`potrebno: ${needed}`),
    inviteReady: (count: number) => `Povabi samo ${count}`,
    problems: ['E-pošta:', 'Ime:', 'Priimek:'],
    sent: (count: number) => `${count}`,
  },
} as const;

describe.each(['en', 'sl'] as const)('Invite Multiple in the browser (%s)', (language) => {
  it('says why Invite is disabled, lists every invalid field of a row, checks free seats, and invites only the ready rows', async () => {
    const w = words[language];
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInSpeaking(page, e2e.server.url, 'admin@example.com', language);
    await page.goto(`${e2e.server.url}/users`);
    await page.getByRole('button', { name: w.open }).click();
    const dialog = page.getByRole('dialog', { name: w.open });
    const rows = dialog.getByLabel(w.rows);
    await rows.fill(`multi.${language}.0@example.com, Ana, Novak`);
    // Before a check, the dialog says why Invite waits.
    await dialog.getByText(w.checkFirst).waitFor();

    // The product with the fewest free seats: one more ready person than it has free seats.
    await dialog.getByRole('textbox', { name: w.products }).click();
    const options = await page.getByRole('option').allTextContents();
    const free = options.map((text) => Number(/(\d+)\D*\)\s*$/.exec(text)?.[1] ?? Number.NaN));
    const smallest = free.indexOf(Math.min(...free.filter((value) => value > 0)));
    const freeSeats = free[smallest]!;
    expect(freeSeats).toBeGreaterThan(0);
    expect(freeSeats).toBeLessThan(40);
    await page.getByRole('option').nth(smallest).click();
    await page.keyboard.press('Escape');

    const ready = Array.from({ length: freeSeats + 1 }, (_, index) => `multi.${language}.${index}@example.com, Ana${index}, Novak`);
    await rows.fill([...ready, 'not-an-email, , '].join('\n'));
    await dialog.getByRole('button', { name: w.check }).click();
    // Every invalid field of the bad row at once.
    for (const field of w.problems) await dialog.getByRole('cell').getByText(field).first().waitFor();
    await dialog.getByText(w.invalid).waitFor();
    await dialog.getByText(w.needed(freeSeats, freeSeats + 1)).waitFor();
    const inviteReady = dialog.getByRole('button', { name: w.inviteReady(freeSeats + 1) });
    expect(await inviteReady.isDisabled()).toBe(true);
    await checkAtPhoneWidth(page, `invite-multiple-${language}`);

    // One ready row fewer: the seats suffice, and only the ready rows are invited.
    await rows.fill([...ready.slice(0, freeSeats), 'not-an-email, , '].join('\n'));
    await dialog.getByRole('button', { name: w.check }).click();
    await dialog.getByText(w.invalid).waitFor();
    expect(await dialog.getByText(w.seats).count()).toBe(0);
    if (language === 'en') {
      await dialog.getByRole('button', { name: w.inviteReady(freeSeats) }).click();
      await page.getByText(freeSeats === 1 ? '1 invitation sent.' : w.sent(freeSeats)).waitFor();
    }
    await context.close();
  }, 120_000);
});
