import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.SEATWISE_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
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
