import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build for our code while type-graphql and Apollo require() the
    // CommonJS one: two copies of graphql cannot share a schema, so pin everyone to the one Node loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file opens its own databases, so files can run side by side.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report is what `npm test` sums into its closing line; the Node 24 leg names its own
    // (a reporter's outputFile wins over the command line's --outputFile).
    reporters: ['default', ['json', { outputFile: process.env.SEATWISE_TEST_REPORT ?? 'test-results.json' }]],
  },
});
