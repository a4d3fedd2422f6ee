import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores here; integration files each hold a server database and a PGlite instance.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
