import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoutePrefixes } from '../src/http/server-routes.js';
import { startTestApp, type TestApp } from './harness.js';

const spaHtml = '<!doctype html><title>Seatwise SPA stand-in</title>';
const webDist = mkdtempSync(join(tmpdir(), 'seatwise-web-'));
writeFileSync(join(webDist, 'index.html'), spaHtml);

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown };
  handle: { stack?: Layer[]; length: number };
}

/**
 * Every string path mounted on the app, nested routers included; error handlers answer no request
 * of their own, and the SPA fallback is a RegExp.
 */
function mountedPaths(stack: Layer[], base = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.handle.length === 4) return [];
    const raw = layer.route ? layer.route.path : layer.rawPath;
    const paths = (Array.isArray(raw) ? raw : [raw]).filter((path): path is string => typeof path === 'string');
    if (layer.handle.stack) return paths.flatMap((path) => mountedPaths(layer.handle.stack!, path === '/' ? base : base + path));
    return paths.filter((path) => layer.route || path !== '/').map((path) => base + path);
  });
}

const covered = (path: string) => serverRoutePrefixes.some((prefix) => `${path}/`.startsWith(prefix) || path.startsWith(prefix));

// Serving the built SPA with the playground on, as `npm start` does: only then is every path the
// API answers also a path the SPA fallback must leave alone.
describe('the routes the API mounts', () => {
  let app: TestApp;
  let paths: string[];
  beforeAll(async () => {
    app = await startTestApp('sqlite', { seed: false, env: { SEATWISE_WEB_DIST: webDist } });
    paths = mountedPaths((app.seatwise.app as unknown as { router: { stack: Layer[] } }).router.stack);
  });
  afterAll(() => app?.close());

  it('all lie under the declared server prefixes, which the Vite dev server proxies', () => {
    expect(paths).toEqual(expect.arrayContaining(['/healthz', '/graphql', '/api/downloads/:token/:fileName', '/api/exports/:file', '/api/usage-events']));
    expect(paths.filter((path) => !covered(path))).toEqual([]);
  });

  it('are answered by the API, not by the SPA fallback', async () => {
    for (const path of paths) {
      // A redirect (the OpenID provider's device page sends browsers to the SPA's /device) is the API's answer too.
      const response = await fetch(app.url + path.replace(/:\w+/g, 'x'), { headers: { accept: 'application/json' }, redirect: 'manual' });
      expect(await response.text(), path).not.toBe(spaHtml);
    }
    const spa = await fetch(`${app.url}/users/teams`, { headers: { accept: 'text/html' } });
    expect(await spa.text()).toBe(spaHtml);
  });
});
