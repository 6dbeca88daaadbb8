import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Issue 20: two production servers on one PostgreSQL database (the throwaway cluster that
// scripts/pg-test.sh starts and names in DATABASE_URL). The spec starts and kills the servers itself.
export default defineConfig({
  ...base,
  testDir: './specs-pg',
  timeout: 180_000,
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
});
