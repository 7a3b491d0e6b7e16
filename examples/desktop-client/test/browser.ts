import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Chromium as the web app's browser tests drive it: CHROMIUM_PATH, else /usr/bin/chromium. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: install it or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * What the person does with the code the product printed: opens the link in a browser, signs in
 * to Seatwise (demo password), checks the code the page filled in, and allows the product on the
 * SPA's "Connect a device" page. Returns the sentence the page showed about the product.
 */
export async function approveDevice(browser: Browser, link: string, userCode: string, email: string): Promise<string> {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const origin = new URL(link).origin;
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('Seatwise-demo-1');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
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
    await context.close();
  }
}
