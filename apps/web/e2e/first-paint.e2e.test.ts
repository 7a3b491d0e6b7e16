import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser, signIn } from './browser';

/**
 * Largest contentful paint of the sign-in page and the users page, with the CPU four times slower
 * as on a modest laptop. The figures are printed, not asserted: timings on a shared machine vary.
 */
const e2e = serverAndBrowser();

interface Paint {
  lcp: number | null;
  element: string | null;
  /** Bytes of JavaScript and CSS over the wire (compressed) and after decoding. */
  transferred: number;
  decoded: number;
}

declare global {
  interface Window {
    seatwiseLcp?: { startTime: number; element: string | null };
  }
}

async function throttledPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      const entry = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null };
      window.seatwiseLcp = { startTime: entry.startTime, element: entry.element?.tagName.toLowerCase() ?? null };
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return page;
}

/** Reads the paint once the page shows its content and has had time to paint it. */
async function paintOf(page: Page): Promise<Paint> {
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const assets = performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => /\.(js|css)$/.test(new URL(entry.name).pathname))
      .concat(performance.getEntriesByType('navigation') as PerformanceResourceTiming[]);
    return {
      lcp: window.seatwiseLcp?.startTime ?? null,
      element: window.seatwiseLcp?.element ?? null,
      transferred: assets.reduce((sum, entry) => sum + entry.transferSize, 0),
      decoded: assets.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    };
  });
}

function report(name: string, paint: Paint) {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `LCP ${name}: ${paint.lcp?.toFixed(0)} ms (CPU 4× throttled, largest element <${paint.element}>; ` +
      `HTML, JS and CSS ${kB(paint.transferred)} over the wire, ${kB(paint.decoded)} decoded)`,
  );
}

describe('largest contentful paint, CPU throttled 4×', () => {
  it('of the sign-in page', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await throttledPage(context);
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const paint = await paintOf(page);
    report('sign-in page', paint);
    expect(paint.lcp).not.toBeNull();
    await context.close();
  });

  it('of the sign-in page in Slovenian, which loads no English on the way', async () => {
    const context = await e2e.browser.newContext({ locale: 'sl-SI', viewport: { width: 1366, height: 900 } });
    const page = await throttledPage(context);
    // Every text the page shows while it loads: English must never be among them.
    await page.addInitScript(() => {
      const seen = new Set<string>();
      (window as unknown as { seatwiseTexts: Set<string> }).seatwiseTexts = seen;
      new MutationObserver(() => {
        const text = document.body?.innerText;
        if (text) seen.add(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByRole('button', { name: 'Prijava', exact: true }).waitFor();
    const paint = await paintOf(page);
    report('sign-in page, Slovenian', paint);
    expect(paint.lcp).not.toBeNull();
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    expect(scripts.some((path) => /\/assets\/sl-[\w-]+\.js$/.test(path))).toBe(true);
    expect(scripts.filter((path) => /\/assets\/en[.-]/.test(path))).toEqual([]);
    const texts = await page.evaluate(() => [...(window as unknown as { seatwiseTexts: Set<string> }).seatwiseTexts]);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => /Sign in|Password|Loading/.test(text))).toEqual([]);
    await context.close();
  });

  it('of the users page, signed in as an admin', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    await signIn(await context.newPage(), e2e.server.url, 'admin@example.com');
    const page = await throttledPage(context);
    await page.goto(`${e2e.server.url}/users`);
    await page.getByRole('row', { name: /Ana Novak/ }).waitFor();
    const paint = await paintOf(page);
    report('users page', paint);
    expect(paint.lcp).not.toBeNull();
    await context.close();
  });
});
