import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoutePrefixes } from '../../api/src/http/server-routes.ts';
import { startServer, type RunningServer } from './server';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const isViteIndex = (body: string) => body.includes('/@vite/client');

let api: RunningServer;
let vite: ViteDevServer;
let base: string;
let cookie = '';

async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  if (setCookie.length) cookie = setCookie.join('; ');
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

// `npm run dev`'s web half: Vite's dev server with apps/web/vite.config.ts in front of a real API.
beforeAll(async () => {
  api = await startServer();
  const env = { SEATWISE_API_URL: api.url, SEATWISE_WEB_PORT: String(await getPort()) };
  Object.assign(process.env, env);
  try {
    vite = await createServer({ root: webRoot, configFile: `${webRoot}/vite.config.ts`, logLevel: 'warn' });
  } finally {
    for (const name of Object.keys(env)) delete process.env[name];
  }
  await vite.listen();
  base = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
}, 120_000);

afterAll(async () => {
  await vite?.close();
  await api?.stop();
});

describe('the Vite dev server', () => {
  it('serves the SPA, and the playground at /graphql to a browser', async () => {
    for (const path of ['/', '/users/teams', '/playground', '/outbox', '/graphql']) {
      const response = await fetch(base + path, { headers: { accept: 'text/html' } });
      expect(isViteIndex(await response.text()), path).toBe(true);
    }
  });

  it('hands every path the API answers to the API', async () => {
    for (const prefix of serverRoutePrefixes) {
      const response = await fetch(base + prefix, { headers: { accept: 'application/json' } });
      expect(isViteIndex(await response.text()), prefix).toBe(false);
    }
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', database: 'sqlite' });
    const query = await fetch(`${base}/graphql?query=${encodeURIComponent('{ serverInfo { playground } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': '1' },
    });
    expect(await query.json()).toEqual({ data: { serverInfo: { playground: true } } });
    const signedOutExport = await fetch(`${base}/api/exports/subscriptions.csv`);
    expect(signedOutExport.status).toBe(401);
    expect(((await signedOutExport.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('signs in through the proxy and downloads a file from a link the API made', async () => {
    await graphql(`mutation { signIn(input: { email: "admin@example.com", password: "Seatwise-demo-1" }) { viewer { id } } }`);
    const { productEntitlements } = await graphql<{ productEntitlements: { versions: { id: string }[] }[] }>(
      '{ productEntitlements { versions { id } } }',
    );
    const versionId = productEntitlements.flatMap((product) => product.versions)[0]!.id;
    const { productDownloads } = await graphql<{ productDownloads: { installers: { id: string; size: number }[] } }>(
      'query ($versionId: UUID!) { productDownloads(versionId: $versionId) { installers { id size } } }',
      { versionId },
    );
    const installer = productDownloads.installers[0]!;
    const { createDownloadLinks } = await graphql<{ createDownloadLinks: { url: string }[] }>(
      'mutation ($fileIds: [UUID!]!) { createDownloadLinks(fileIds: $fileIds) { url } }',
      { fileIds: [installer.id] },
    );
    const file = await fetch(base + createDownloadLinks[0]!.url);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(installer.size);
  });
});
