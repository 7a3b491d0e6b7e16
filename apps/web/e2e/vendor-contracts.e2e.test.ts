import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signInDemoOperator } from './browser';

const env = serverAndBrowser();

const words = {
  en: {
    locale: 'en-GB',
    useOperator: 'Use demo operator',
    signIn: 'Sign in',
    code: 'Code',
    verify: 'Verify',
    contractsTab: 'Contracts',
    create: '+ Create contract',
    number: 'Contract number',
    startsOn: 'Starts on',
    endsOn: 'Ends on',
    products: 'Product or collection',
    seats: 'Seats',
    team: 'Team',
    submitCreate: 'Create contract',
    endBeforeStart: 'The end date cannot be before the start date.',
    change: (name: string) => `Change ${name}`,
    changeSeats: 'Change seats',
    saveSeats: 'Save seats',
    cancel: 'Cancel subscription',
    cancelled: 'Cancelled',
    homeEvent: 'Drafter cancelled',
    email: 'Email',
    password: 'Password',
  },
  sl: {
    locale: 'sl-SI',
    useOperator: 'Uporabi demo operaterja',
    signIn: 'Prijava',
    code: 'Koda',
    verify: 'Preveri',
    contractsTab: 'Pogodbe',
    create: '+ Ustvari pogodbo',
    number: 'Številka pogodbe',
    startsOn: 'Začetek',
    endsOn: 'Konec',
    products: 'Izdelek ali zbirka',
    seats: 'Število licenc',
    team: 'Ekipa',
    submitCreate: 'Ustvari pogodbo',
    endBeforeStart: 'Datum konca ne more biti pred datumom začetka.',
    change: (name: string) => `Spremeni ${name}`,
    changeSeats: 'Spremeni število licenc',
    saveSeats: 'Shrani število licenc',
    cancel: 'Prekliči naročnino',
    cancelled: 'Preklicana',
    homeEvent: 'Naročnina Drafter je preklicana',
    email: 'E-pošta',
    password: 'Geslo',
  },
} as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

describe('contracts and subscriptions in the Vendor console', () => {
  it.each(['en', 'sl'] as const)('create a contract, change its seats and cancel it (%s)', async (language) => {
    const w = words[language];
    const { server, browser } = env;
    const context = await browser.newContext({ locale: w.locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInDemoOperator(page, server.url, { useDemo: w.useOperator, signIn: w.signIn, code: w.code, verify: w.verify });

    await page.getByRole('link', { name: 'Kolektor Gradnje d.o.o.' }).click();
    await page.getByRole('tab', { name: w.contractsTab }).click();
    await page.getByTestId('vendor-contract').first().waitFor();
    await checkAtPhoneWidth(page, `vendor-contracts-${language}`);

    await page.getByRole('button', { name: w.create }).click();
    const dialog = page.getByRole('dialog', { name: w.create });
    const number = `E2E-${language.toUpperCase()}-1`;
    const start = new Date();
    const end = new Date(start.getTime() + 364 * 86_400_000);
    await dialog.getByLabel(w.number).fill(number);
    await dialog.getByLabel(w.startsOn).first().fill(isoDay(end));
    await dialog.getByLabel(w.endsOn).first().fill(isoDay(start));
    await dialog.getByRole('textbox', { name: w.team }).click();
    await page.getByRole('option', { name: 'Arhitektura' }).click();
    await dialog.getByLabel(w.products).click();
    await page.getByRole('option', { name: /Drafter/ }).first().click();
    await dialog.getByRole('heading').first().click();
    await dialog.getByLabel(w.seats).fill('3');
    await dialog.getByRole('button', { name: w.submitCreate }).click();
    // The end before the start: the field says so, in the page's language, and nothing is made.
    await dialog.getByText(w.endBeforeStart).waitFor();
    await checkAtPhoneWidth(page, `vendor-contract-form-${language}`);
    await dialog.getByLabel(w.startsOn).first().fill(isoDay(start));
    await dialog.getByLabel(w.endsOn).first().fill(isoDay(end));
    await dialog.getByRole('button', { name: w.submitCreate }).click();
    await dialog.waitFor({ state: 'detached' });

    const contract = page.getByTestId('vendor-contract').filter({ hasText: number });
    await contract.waitFor();
    await contract.getByText(/· Arhitektura/).waitFor();
    const row = contract.getByTestId('vendor-subscription');
    await expect.poll(() => row.getByTestId('vendor-subscription-seats').textContent()).toBe('0 / 3');

    await row.getByRole('button', { name: w.change('Drafter') }).click();
    await page.getByRole('menuitem', { name: w.changeSeats }).click();
    const seatsDialog = page.getByRole('dialog', { name: w.changeSeats });
    await seatsDialog.getByLabel(w.seats).fill('5');
    await seatsDialog.getByRole('button', { name: w.saveSeats }).click();
    await seatsDialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('vendor-subscription-seats').textContent()).toBe('0 / 5');

    await row.getByRole('button', { name: w.change('Drafter') }).click();
    await page.getByRole('menuitem', { name: w.cancel }).click();
    const cancelDialog = page.getByRole('dialog', { name: w.cancel });
    await cancelDialog.getByRole('alert').waitFor();
    await checkAtPhoneWidth(page, `vendor-cancel-${language}`);
    await cancelDialog.getByRole('button', { name: w.cancel }).click();
    await cancelDialog.waitFor({ state: 'detached' });
    await row.getByText(w.cancelled, { exact: true }).waitFor();
    await checkAtPhoneWidth(page, `vendor-contract-done-${language}`);
    await context.close();

    // The customer's admins see the change on their home page.
    const customer = await browser.newContext({ locale: w.locale, viewport: { width: 1366, height: 900 } });
    const home = await customer.newPage();
    await home.goto(`${server.url}/sign-in`);
    await home.getByLabel(w.email).fill('admin@example.com');
    await home.getByLabel(w.password, { exact: true }).fill('Seatwise-demo-1');
    await home.getByLabel(w.password, { exact: true }).press('Enter');
    await home.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    if (language === 'sl') {
      // The demo admin's own language is English: they switch, as a person would.
      await home.getByRole('button', { name: /^(Language|Jezik)/ }).click();
      await home.getByRole('menuitem', { name: 'Slovenščina' }).click();
    }
    await home.getByTestId('subscription-event').filter({ hasText: w.homeEvent }).first().waitFor();
    await checkAtPhoneWidth(home, `customer-home-events-${language}`);
    await customer.close();
  });
});
