import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The PostgreSQL tests (*.pg.test.ts) run with vitest.pg.config.ts through scripts/pg-test.sh.
    exclude: [...configDefaults.exclude, '**/*.pg.test.ts'],
    // Procedure tests open real SQLite files; scrypt seeding is CPU-bound, so give them time,
    // in the beforeEach hooks that seed a database per test as well as in the tests.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
