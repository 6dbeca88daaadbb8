import { defineConfig } from 'vitest/config';

// The PostgreSQL suite: run it with `pnpm test:pg` (scripts/pg-test.sh starts a throwaway cluster
// and sets DATABASE_URL). Each test file clones its own database from a migrated template.
export default defineConfig({
  test: {
    include: ['src/**/*.pg.test.ts'],
    globalSetup: ['src/pg/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
