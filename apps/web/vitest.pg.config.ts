import { defineConfig } from 'vitest/config';

/**
 * The procedure tests that run on both engines: here again, unchanged, with HANDOFF_TEST_ENGINE=pg,
 * so their `useSeededDbs()` databases are PostgreSQL ones (a copy of the seeded demo per test).
 * The other router files read their own fixtures with SQLite's synchronous `.get()`/`.all()` in the
 * test code (not in the procedures): they join this list as their setup is made async.
 * HANDOFF_PG_ONLY=a.test.ts,b.test.ts runs others (trying a file on pg).
 */
const routerTestsOnPg = process.env.HANDOFF_PG_ONLY?.split(',') ?? [
  'src/server/routers/problem.test.ts',
  'src/server/routers/partner.test.ts',
  'src/server/routers/case.test.ts',
  'src/server/routers/incident.test.ts',
  'src/server/routers/triage.test.ts',
  'src/server/routers/mail.test.ts',
  'src/server/routers/outage.test.ts',
  'src/server/routers/live.test.ts',
  'src/server/routers/organisation-changes.test.ts',
  'src/server/routers/queue-bulk.test.ts',
  'src/server/routers/incident-changes.test.ts',
  'src/server/routers/admin-users.test.ts',
  'src/server/routers/write-path-changes.test.ts',
  'src/server/routers/notification-user-changes.test.ts',
  'src/server/routers/queue.test.ts',
  'src/server/routers/settings-changes.test.ts',
  'src/server/routers/live-follow.test.ts',
  'src/server/routers/presence.test.ts',
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
