import { defineConfig } from 'vitest/config';

/** `pnpm test` runs both projects: fast unit tests and the browser flow against the built app. */
export default defineConfig({
  test: {
    // The JSON report is what `npm test` sums into its closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
