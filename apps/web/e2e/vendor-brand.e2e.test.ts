import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signInDemoOperator } from './browser';

const env = serverAndBrowser();

/** The smallest valid PNG, scaled up by the browser: the logo's bytes, not its look, are under test. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkuMfwHwAFGQJ3YJ6dOQAAAABJRU5ErkJggg==', 'base64');

describe("the vendor's brand and support inbox in the browser", () => {
  it('in English: the operator sets the brand, answers a request, and the sign-in page shows the brand', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/sign-in`);
    // The demo keeps today's look until a brand is set.
    await expect.poll(() => page.getByTestId('brand-name').first().textContent()).toBe('Seatwise');
    await signInDemoOperator(page, env.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });

    await page.getByRole('navigation', { name: 'Vendor console navigation' }).getByRole('link', { name: 'Brand' }).click();
    await page.getByRole('heading', { name: 'Brand' }).waitFor();
    await page.getByLabel('Name').fill('Acme Software');
    await page.getByRole('textbox', { name: 'Main colour' }).fill('#0b7285');
    await page.getByLabel('Support email').fill('help@acme.example');
    await page.getByLabel('Terms of use').fill('ftp://acme.example/terms');
    await page.getByRole('button', { name: 'Save brand' }).click();
    // The server names the field; nothing is saved.
    await page.getByText('Enter a web address that starts with https:// or http://').waitFor();
    await page.getByLabel('Terms of use').fill('https://acme.example/terms');
    await page.getByLabel('Privacy policy').fill('https://acme.example/privacy');
    await page.getByRole('button', { name: 'Save brand' }).click();
    await page.getByText('The brand is saved and shown everywhere.').waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'acme.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Logo of Acme Software' }).waitFor();
    await page.getByRole('button', { name: 'Remove logo' }).waitFor();
    // The console itself follows at once.
    await expect.poll(() => page.getByTestId('brand-name').first().textContent()).toBe('Acme Software');
    await checkAtPhoneWidth(page, 'brand-settings-en');

    await page.getByRole('link', { name: 'Support inbox' }).click();
    await page.getByRole('heading', { name: 'Support inbox' }).waitFor();
    await page.getByText('2 requests').waitFor();
    await checkAtPhoneWidth(page, 'support-inbox-en');
    await page.getByRole('link', { name: 'Licence server does not hand out Formwork 3D seats' }).click();
    await page.getByRole('heading', { name: 'Licence server does not hand out Formwork 3D seats' }).waitFor();
    await page.getByLabel('Reply', { exact: true }).fill('We restarted the licence server.\nPlease check the seats again.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Reply sent.').waitFor();
    await page.getByText('We restarted the licence server.').waitFor();
    await checkAtPhoneWidth(page, 'support-request-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.reload();
    await expect.poll(() => page.getByTestId('brand-name').first().textContent()).toBe('Acme Software');
    expect(await page.title()).toBe('Acme Software');
    const footer = page.getByTestId('brand-footer');
    await footer.getByText('Powered by Seatwise').waitFor();
    expect(await footer.getByRole('link', { name: 'Terms of use' }).getAttribute('href')).toBe('https://acme.example/terms');
    expect(await footer.getByRole('link', { name: 'Support: help@acme.example' }).getAttribute('href')).toBe('mailto:help@acme.example');
    expect(await page.getByTestId('brand-logo').first().getAttribute('src')).toMatch(/^\/api\/brand\/logo\?v=/);
    // The brand's colour is the primary one: the sign-in button wears it.
    expect(await page.getByRole('button', { name: 'Sign in' }).evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(11, 114, 133)');
    await checkAtPhoneWidth(page, 'sign-in-branded-en');
    // Every string that names the product names the vendor's brand instead.
    await page.goto(`${env.server.url}/outbox`);
    await page.getByText('Acme Software runs here without a mail server', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Back to Acme Software' }).waitFor();
    // The outbox searches recipient, subject and text; Escape clears the search.
    const search = page.getByRole('textbox', { name: 'Search messages' });
    await search.fill('ADMIN@EXAMPLE.COM');
    await page.getByRole('button', { name: /Email: Acme Software support replied/ }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Text message:/ }).count()).toBe(0);
    await search.fill('no such message');
    await page.getByText('No message holds “no such message”.').waitFor();
    await search.press('Escape');
    await page.getByRole('button', { name: /^Text message:/ }).first().waitFor();
    await checkAtPhoneWidth(page, 'outbox-branded-en');
    await context.close();
  });

  it('in Slovenian: the branded sign-in page, the inbox, the request and the brand settings', async () => {
    const context = await env.browser.newContext({ locale: 'sl-SI', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/sign-in`);
    await expect.poll(() => page.getByTestId('brand-name').first().textContent()).toBe('Acme Software');
    const footer = page.getByTestId('brand-footer');
    await footer.getByText('Poganja Seatwise').waitFor();
    await footer.getByRole('link', { name: 'Pravilnik o zasebnosti' }).waitFor();
    await checkAtPhoneWidth(page, 'sign-in-branded-sl');
    await page.goto(`${env.server.url}/outbox`);
    await page.getByText('Aplikacija Acme Software tu deluje brez poštnega strežnika', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Nazaj v aplikacijo Acme Software' }).waitFor();
    await page.getByRole('textbox', { name: 'Iskanje sporočil' }).fill('nič takega');
    await page.getByText('Nobeno sporočilo ne vsebuje »nič takega«.').waitFor();
    await checkAtPhoneWidth(page, 'outbox-branded-sl');

    await signInDemoOperator(page, env.server.url, { useDemo: 'Uporabi demo operaterja', signIn: 'Prijava', code: 'Koda', verify: 'Preveri' });
    await page.getByRole('link', { name: 'Zahtevki za podporo', exact: true }).click();
    await page.getByRole('heading', { name: 'Zahtevki za podporo' }).waitFor();
    // The inbox opens on what waits for Support: the request answered in English is the customer's turn now.
    await page.getByText('1 zahtevek').waitFor();
    await page.getByRole('textbox', { name: 'Stanje' }).click();
    await page.getByRole('option', { name: 'Odgovorjen', exact: true }).click();
    await page.getByText('1 zahtevek').waitFor();
    // Every state: three requests (Slovenian "few"); a search narrows them to one and back.
    await page.getByRole('textbox', { name: 'Stanje' }).hover();
    await page.locator('.mantine-Select-section button').first().click();
    await page.getByText('3 zahtevki').waitFor();
    await page.getByRole('textbox', { name: 'Iščite po zadevi, stranki ali e-pošti' }).fill('licence');
    await page.getByText('1 zahtevek').waitFor();
    await page.getByRole('textbox', { name: 'Iščite po zadevi, stranki ali e-pošti' }).fill('');
    await page.getByText('3 zahtevki').waitFor();
    await checkAtPhoneWidth(page, 'support-inbox-sl');
    await page.getByRole('link', { name: 'Licence server does not hand out Formwork 3D seats' }).click();
    await page.getByText('We restarted the licence server.').waitFor();
    await page.getByRole('button', { name: 'Zapri' }).click();
    await page.getByText('Zaprt', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Znova odpri' }).waitFor();
    await checkAtPhoneWidth(page, 'support-request-sl');

    await page.getByRole('link', { name: 'Blagovna znamka' }).click();
    await page.getByRole('heading', { name: 'Blagovna znamka' }).waitFor();
    expect(await page.getByRole('textbox', { name: /^Ime/ }).inputValue()).toBe('Acme Software');
    await checkAtPhoneWidth(page, 'brand-settings-sl');
    await context.close();
  });

  it("the customer's admin sees the reply and the closed request on the home card and opens the thread", async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/sign-in`);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password', { exact: true }).fill('Seatwise-demo-1');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const card = page.getByTestId('support-request').filter({ hasText: 'Licence server does not hand out Formwork 3D seats' });
    await card.getByText('Closed', { exact: true }).waitFor();
    await card.getByText('1 reply', { exact: false }).waitFor();
    await checkAtPhoneWidth(page, 'home-support-card-en');
    await card.getByRole('link').click();
    await page.getByText('Please check the seats again.').waitFor();
    await page.getByText('Support closed this request on', { exact: false }).waitFor();
    await checkAtPhoneWidth(page, 'home-thread-en');
    await context.close();
  });

  it('the customer writes in the closed thread, which opens again, in English and Slovenian, and the operator sees it', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/sign-in`);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password', { exact: true }).fill('Seatwise-demo-1');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByTestId('support-request').filter({ hasText: 'Licence server does not hand out Formwork 3D seats' }).getByRole('link').click();
    await page.getByText('Writing opens the request again.').waitFor();
    // An empty message is refused by name, and nothing is sent.
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Write the message.').waitFor();
    await page.getByLabel('Your message').fill('The seats are back, but one computer still\nshows Formwork 3D as unlicensed.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Sent. Support will answer by email.').waitFor();
    await page.getByText('shows Formwork 3D as unlicensed.', { exact: false }).waitFor();
    await page.getByText('Open', { exact: true }).waitFor();
    await checkAtPhoneWidth(page, 'support-thread-customer-en');

    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await page.getByLabel('Vaše sporočilo').waitFor();
    await page.getByRole('button', { name: 'Pošlji sporočilo' }).click();
    await page.getByText('Napišite sporočilo.').waitFor();
    await checkAtPhoneWidth(page, 'support-thread-customer-sl');
    // The choice is saved with the person: back to English for other tests.
    await page.getByRole('button', { name: /^Jezik/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByLabel('Your message').waitFor();
    await context.close();

    const vendor = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const inbox = await vendor.newPage();
    await signInDemoOperator(inbox, env.server.url, { useDemo: 'Use demo operator', signIn: 'Sign in', code: 'Code', verify: 'Verify' });
    await inbox.getByRole('link', { name: 'Support inbox' }).click();
    await inbox.getByRole('link', { name: 'Licence server does not hand out Formwork 3D seats' }).click();
    await inbox.getByText('shows Formwork 3D as unlicensed.', { exact: false }).waitFor();
    await inbox.getByRole('button', { name: 'Close', exact: true }).waitFor();
    await vendor.close();
  });
});
