import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';

/** A stand-in for the built SPA as the web build writes it: hashed assets with .br and .gz copies. */
const webDist = mkdtempSync(join(tmpdir(), 'seatwise-web-'));
const script = `export const greeting = ${JSON.stringify('Hello from Seatwise. '.repeat(200))};\n`;
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Seatwise</title><script type="module" src="/assets/index-C0ffee12.js"></script>');
writeFileSync(join(webDist, 'assets', 'index-C0ffee12.js'), script);
writeFileSync(join(webDist, 'assets', 'index-C0ffee12.js.br'), brotliCompressSync(script));
writeFileSync(join(webDist, 'assets', 'index-C0ffee12.js.gz'), gzipSync(script));

describe('the built SPA is served compressed and cached by what can change', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite', { seed: false, env: { SEATWISE_WEB_DIST: webDist } });
  });
  afterAll(() => app?.close());

  const entry = () => `${app.url}/assets/index-C0ffee12.js`;

  it('sends the brotli copy to a browser that accepts it, cached for good', async () => {
    const response = await fetch(entry(), { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(script);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const response = await fetch(entry(), { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(script);
  });

  it('sends the file itself when no compression is accepted', async () => {
    const response = await fetch(entry(), { headers: { 'accept-encoding': 'identity' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(script);
  });

  it('has browsers ask again for index.html, whether by route or by name', async () => {
    for (const path of ['/', '/users', '/index.html']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });
});
