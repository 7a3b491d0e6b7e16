import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report is what `npm test` sums into its closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
