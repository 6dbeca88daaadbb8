import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Issue 20: the browser specs again, unchanged, against a production server on PostgreSQL (the throwaway
// cluster scripts/pg-test.sh starts and names in DATABASE_URL; the server migrates and seeds it).
const port = Number(process.env.E2E_PORT ?? 3100) + 200;
const baseURL = `http://127.0.0.1:${port}`;
process.env.E2E_INBOUND_SMTP_PORT = String(port + 1000);
const { DATABASE_PATH: _, ...serverEnv } =
  base.webServer && !Array.isArray(base.webServer) ? (base.webServer.env ?? {}) : {};

export default defineConfig({
  ...base,
  // Every spec by default (the whole browser suite passes on both engines); E2E_PG_SPECS=a.spec.ts,…
  // narrows it while working on one.
  ...(process.env.E2E_PG_SPECS ? { testMatch: process.env.E2E_PG_SPECS.split(',') } : {}),
  use: { ...base.use, baseURL },
  webServer: {
    command: 'node dist/serve.mjs',
    cwd: '../apps/web',
    url: `${baseURL}/signin`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    env: {
      ...serverEnv,
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      INBOUND_SMTP_PORT: String(port + 1000),
      DATABASE_URL: process.env.DATABASE_URL ?? '',
    },
  },
});
