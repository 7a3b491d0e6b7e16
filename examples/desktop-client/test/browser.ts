import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Chromium as the web app's browser tests find it: CHROMIUM_PATH, else /usr/bin/chromium, else the one `@sparticuz/chromium` ships. */
async function executablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return (await import('@sparticuz/chromium')).default.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await executablePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A person signed in to Seatwise in a browser of their own (demo password), on the page after the sign-in. */
export async function signedInPage(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('Seatwise-demo-1');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/**
 * What the person does with the code the product printed: opens the link, checks the code the
 * SPA's "Connect a device" page filled in, and allows the product. Returns the sentence the page
 * showed about it; closes the browser context.
 */
export async function approveDevice(page: Page, link: string, userCode: string): Promise<string> {
  try {
    // The link the CLI printed: the provider sends it on to the SPA's page with the code filled in.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Connect a device' }).waitFor();
    const filled = await page.getByLabel('Code').inputValue();
    if (filled !== userCode) throw new Error(`The page filled in ${filled}, the CLI printed ${userCode}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    const asks = page.getByText(/asks to sign in as/);
    await asks.waitFor();
    const sentence = (await asks.textContent()) ?? '';
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByText('Device connected').waitFor();
    return sentence;
  } finally {
    await page.context().close();
  }
}
