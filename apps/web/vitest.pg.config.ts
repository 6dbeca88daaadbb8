import { defineConfig } from 'vitest/config';

/**
 * The procedure tests that run on both engines: here again, unchanged, with HANDOFF_TEST_ENGINE=pg,
 * so their `useSeededDbs()` databases are PostgreSQL ones (a copy of the seeded demo per test).
 * HANDOFF_PG_ONLY=a.test.ts,b.test.ts runs others (trying a file on pg).
 */
const routerTestsOnPg = process.env.HANDOFF_PG_ONLY?.split(',') ?? [
  'src/server/routers/queue.test.ts',
];

// Procedures on PostgreSQL (issue 20): run through scripts/pg-test.sh, as packages/db's pg suite
// (`pnpm test:pg`); each test file clones its own database from the migrated template.
export default defineConfig({
  test: {
    include: ['src/**/*.pg.test.ts', ...routerTestsOnPg],
    env: { HANDOFF_TEST_ENGINE: 'pg' },
    globalSetup: ['src/server/pg-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
