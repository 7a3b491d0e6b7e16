import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from './server';

async function executablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await executablePath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the sign-in page of the app at `baseUrl` (demo password) and waits until it has left that page. */
export async function signIn(page: Page, baseUrl: string, email: string, password = 'Seatwise-demo-1') {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Signed in through the English form, then, for Slovenian, the language chosen in the header's
 * menu (saved with the person); waits until the page stands in that language.
 */
export async function signInSpeaking(page: Page, baseUrl: string, email: string, language: 'en' | 'sl') {
  await signIn(page, baseUrl, email);
  if (language === 'sl') {
    await page.getByRole('button', { name: /^Language:/ }).click();
    await page.getByRole('menuitem', { name: 'Slovenščina' }).click();
  }
  await page.waitForFunction((lng) => document.documentElement.lang === lng, language);
}

const shots = process.env.SEATWISE_SCREENSHOTS;

/**
 * Checks the page at a phone's 390 px: nothing may reach past the screen's edge (a table may
 * scroll inside its own container). With SEATWISE_SCREENSHOTS=<folder> it also saves the page
 * at its own width and at 390 px, for a look by eye. The page's own size is restored after.
 */
export async function checkAtPhoneWidth(page: Page, name: string) {
  const size = page.viewportSize();
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // The navigation drawer slides away when the layout switches to a phone's: wait for it, then
  // look for anything past the right edge that is not inside its own horizontal scroller (a
  // header's clipped button counts: the person cannot reach it).
  const beyondTheEdge = () =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || box.right <= window.innerWidth + 1) return false;
        if (getComputedStyle(element).visibility === 'hidden') return false;
        // The playground's editor hides its scrollbars by reaching 50 px past its own clipped box.
        if (element.classList.contains('CodeMirror-scroll')) return false;
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (['auto', 'scroll'].includes(style.overflowX)) return false;
          // An editor's off-screen input helper sits in a clipped box of no size: nobody sees it.
          const clip = parent.getBoundingClientRect();
          if (style.overflowX !== 'visible' && (clip.width <= 3 || clip.height <= 1)) return false;
        }
        return true;
      })
      .map((element) => `<${element.tagName.toLowerCase()} class="${String(element.className).split(" ")[0]}"> "${(element.innerText ?? '').trim().slice(0, 40)}" to ${Math.round(element.getBoundingClientRect().right)} px`);
  let offenders = await page.evaluate(beyondTheEdge);
  for (let attempt = 0; offenders.length > 0 && attempt < 30; attempt += 1) {
    await page.waitForTimeout(100);
    offenders = await page.evaluate(beyondTheEdge);
  }
  if (shots) await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
  if (offenders.length > 0) throw new Error(`${name}: at 390 px these reach past the screen's edge: ${offenders.slice(0, 5).join(', ')}`);
}

/**
 * The headings of table columns that the page's width hides (the table scrolls sideways inside
 * its container, so a column is out of sight at this width).
 */
export async function columnsCutOff(page: Page): Promise<string[]> {
  return page.locator('th').evaluateAll((headings) => {
    const visibleRight = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(parent).overflowX)) return parent.getBoundingClientRect().right;
      }
      return window.innerWidth;
    };
    return headings
      .filter((heading) => {
        const box = heading.getBoundingClientRect();
        if (box.width === 0) return false;
        return box.right > visibleRight(heading) + 1;
      })
      .map((heading) => {
        const past = Math.round(heading.getBoundingClientRect().right - visibleRight(heading));
        return `column "${(heading as HTMLElement).innerText.trim() || '(no heading)'}" (${past} px out of sight)`;
      });
  });
}

type OutboxNode = { id: string; channel: string; to: string; text: string };

/** The demo outbox's text messages to the demo operator's phone, newest first. */
async function operatorTexts(baseUrl: string): Promise<OutboxNode[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ outbox(first: 20) { edges { node { id channel to text } } } }' }),
  });
  const { data } = (await response.json()) as { data: { outbox: { edges: { node: OutboxNode }[] } } };
  return data.outbox.edges.map((edge) => edge.node).filter((node) => node.channel === 'SMS' && node.to === '+38640000000');
}

/** The id of the newest text message to the demo operator so far (null for none): a later code is newer. */
export async function lastOperatorText(baseUrl: string): Promise<string | null> {
  return (await operatorTexts(baseUrl))[0]?.id ?? null;
}

/**
 * The code of the newest text message to the demo operator's phone, read from the demo outbox,
 * waiting up to 5 s for one newer than `after` (text messages are sent after the sign-in commits,
 * so an earlier sign-in's code may still be the newest for a moment).
 */
export async function demoOperatorSmsCode(baseUrl: string, after: string | null = null): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const [message] = await operatorTexts(baseUrl);
    const code = message && (after === null || message.id > after) && /\b(\d{6})\b/.exec(message.text)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No new sign-in code reached the demo operator.');
}

/** The demo operator signs in through the sign-in page in its language: the demo card, then the text-message code. */
export async function signInDemoOperator(page: Page, baseUrl: string, words: { useDemo: string; signIn: string; code: string; verify: string }) {
  const before = await lastOperatorText(baseUrl);
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('button', { name: words.useDemo }).click();
  await page.getByRole('button', { name: words.signIn }).click();
  await page.getByLabel(words.code, { exact: true }).waitFor();
  await page.getByLabel(words.code, { exact: true }).fill(await demoOperatorSmsCode(baseUrl, before));
  await page.getByRole('button', { name: words.verify }).click();
  await page.waitForURL('**/vendor');
}

export interface ServerAndBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * One API server (demo data on a fresh SQLite file) and one Chromium for the test file that
 * calls this at its top: started before its tests, stopped after them.
 */
export function serverAndBrowser(options?: ServerOptions): ServerAndBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is used before beforeAll started it.`);
    return value;
  };
  return {
    get server() {
      return started(server, 'API server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
