import { defineConfig } from 'vitest/config';

/**
 * The procedure and session tests that run on both engines: here again, unchanged, with HANDOFF_TEST_ENGINE=pg,
 * so the databases they open with `useSeededDbs()` or the change kit are PostgreSQL ones (a copy of
 * the seeded demo, or an empty migrated database, per test). In this run `createTestDb` refuses,
 * and pg-run-check.ts fails a file that opened no PostgreSQL database: a file listed here cannot
 * quietly run on SQLite twice. HANDOFF_PG_ONLY=a.test.ts,b.test.ts runs others (trying a file on pg).
 */
const testsOnPg = process.env.HANDOFF_PG_ONLY?.split(',') ?? [
  'src/server/auth.test.ts',
  'src/server/session-token.test.ts',
  // Every procedure test file.
  'src/server/routers/*.test.ts',
];

// Procedures on PostgreSQL (issue 20): run through scripts/pg-test.sh, as packages/db's pg suite
// (`pnpm test:pg`); each test file clones its own database from the migrated template.
export default defineConfig({
  test: {
    include: ['src/**/*.pg.test.ts', ...testsOnPg],
    env: { HANDOFF_TEST_ENGINE: 'pg' },
    globalSetup: ['src/server/pg-global-setup.ts'],
    setupFiles: ['src/server/pg-run-check.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
