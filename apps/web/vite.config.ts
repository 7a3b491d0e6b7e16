import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const api = process.env.SEATWISE_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each file, which the API serves by Accept-Encoding (app.ts).
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/, threshold: 1024 }),
  ],
  server: {
    proxy: {
      // Only POSTs go to the API: a browser's GET /graphql is the SPA's playground route.
      '/graphql': { target: api, bypass: (req) => (req.method === 'GET' ? req.url : undefined) },
      '/healthz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/bundle-budget.mjs reads it to tell the first load from the chunks loaded later.
    manifest: true,
  },
});
