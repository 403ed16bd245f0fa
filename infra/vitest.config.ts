import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'infra', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], exclude: ['test/release.test.ts'], sequence: { groupOrder: 0 } },
      },
      // The release rehearsal builds the whole workspace in a snapshot: it runs after the other
      // suites (which start the local stack) instead of competing with them for the two cores.
      { extends: true, test: { name: 'release', include: ['test/release.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
