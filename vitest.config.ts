import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report feeds the "N passed, N failed" line printed by .ci/run.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
