import { defineConfig } from 'vitest/config';

// Procedures on PostgreSQL (issue 20): run through scripts/pg-test.sh, as packages/db's pg suite
// (`pnpm test:pg`); each test file clones its own database from the migrated template.
export default defineConfig({
  test: {
    include: ['src/**/*.pg.test.ts'],
    globalSetup: ['src/server/pg-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
