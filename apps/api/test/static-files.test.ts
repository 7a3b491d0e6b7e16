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
// Files not named after their content: one copied from public/ and one under assets/.
const icon = `<svg xmlns="http://www.w3.org/2000/svg">${'<circle r="1"/>'.repeat(200)}</svg>`;
writeFileSync(join(webDist, 'favicon.svg'), icon);
writeFileSync(join(webDist, 'favicon.svg.br'), brotliCompressSync(icon));
writeFileSync(join(webDist, 'favicon.svg.gz'), gzipSync(icon));
writeFileSync(join(webDist, 'assets', 'licences.txt'), 'Third-party licences.\n');

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

  it('caches a file not named after its content for an hour only, compressed all the same', async () => {
    const response = await fetch(`${app.url}/favicon.svg`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await response.text()).toBe(icon);

    const unhashed = await fetch(`${app.url}/assets/licences.txt`);
    expect(unhashed.status).toBe(200);
    expect(unhashed.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers many requests at once, each in the encoding it asked for', async () => {
    const encodings = ['br', 'gzip', 'identity', 'gzip, br'];
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => fetch(entry(), { headers: { 'accept-encoding': encodings[i % encodings.length]! } })),
    );
    const expected = [['br'], ['gzip'], [null], ['br']];
    for (const [i, response] of responses.entries()) {
      expect([response.headers.get('content-encoding')]).toEqual(expected[i % encodings.length]);
      expect(await response.text()).toBe(script);
    }
  });

  it('has browsers ask again for index.html, whether by route or by name', async () => {
    for (const path of ['/', '/users', '/index.html']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });
});
