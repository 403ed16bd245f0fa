import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The integration suites each start an embedded ClickHouse: one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
