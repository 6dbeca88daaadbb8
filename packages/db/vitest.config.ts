import { configDefaults, defineConfig } from 'vitest/config';

// The PostgreSQL tests (*.pg.test.ts) need a cluster: they run with vitest.pg.config.ts through
// scripts/pg-test.sh (`pnpm test:pg`), not in the SQLite suite.
export default defineConfig({
  test: { exclude: [...configDefaults.exclude, '**/*.pg.test.ts'] },
});
