import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Issue 20: two production servers on one PostgreSQL database (the throwaway cluster that
// scripts/pg-test.sh starts and names in DATABASE_URL). The spec starts and kills the servers itself.
export default defineConfig({
  ...base,
  testDir: './specs-pg',
  timeout: 180_000,
  webServer: undefined,
  // Server A's address (the spec starts A there, B on the next port).
  use: { ...base.use, baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 300}` },
});
