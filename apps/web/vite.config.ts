import type { IncomingMessage } from 'node:http';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import codegen from 'vite-plugin-graphql-codegen';
import { serverRoutePrefixes } from '../api/src/http/server-routes.ts';

const api = process.env.SEATWISE_API_URL ?? 'http://127.0.0.1:4000';
const port = Number(process.env.SEATWISE_WEB_PORT ?? 5173);

/**
 * As on the API: a browser opening /graphql gets the SPA's playground; a GET that asks for JSON or
 * carries a query is a GraphQL request.
 */
export function playgroundPage(req: IncomingMessage): string | undefined {
  const url = new URL(req.url ?? '/', 'http://dev');
  const wantsPage = req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '') && !url.searchParams.has('query');
  return wantsPage ? '/index.html' : undefined;
}

/** Every path the API answers is proxied to it, so the dev server behaves like `npm start`'s one port. */
export const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  serverRoutePrefixes.map((prefix) => [prefix, { target: api, ...(prefix === '/graphql' ? { bypass: playgroundPage } : {}) }]),
);

export default defineConfig({
  plugins: [
    react(),
    // The client types under src/gql follow the documents and packages/schema/schema.graphql while
    // the dev server runs; `pnpm build` and `typecheck` run codegen themselves, and so does the test
    // run before the dev-server test starts this config (it checks the proxy).
    codegen({ runOnBuild: false, matchOnSchemas: true, throwOnStart: true, skip: () => Boolean(process.env.VITEST) }),
    // Brotli and gzip copies beside each file, which the API serves by Accept-Encoding (app.ts).
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 }),
  ],
  server: { port, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-budget.mjs reads it to tell the first load from the chunks loaded later.
    manifest: true,
  },
});
