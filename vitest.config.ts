import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report next to the usual output (see .ci/run).
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One migrated PGlite per run, loaded by each test file (test/support/db.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // Each integration file boots its own database (PGlite or a fresh Postgres database); two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
