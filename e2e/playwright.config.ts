import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh database per run; the server migrates and loads the demo data into it on first use.
// The config is evaluated again in each worker, so the path is fixed by the runner's env.
process.env.E2E_DATABASE_PATH ??= join(tmpdir(), `handoff-e2e-${Date.now()}.db`);
// The server's inbound SMTP listener, beside its HTTP port so servers on other ports never clash.
process.env.E2E_INBOUND_SMTP_PORT ??= String(port + 1000);

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node dist/serve.mjs',
    cwd: '../apps/web',
    url: `${baseURL}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdef',
      NEXTAUTH_URL: baseURL,
      HANDOFF_TEST_CLOCK: '1',
      INBOUND_SMTP_PORT: process.env.E2E_INBOUND_SMTP_PORT,
      // No outgoing server: messages are held and shown on the Mail page.
      SMTP_URL: '',
      MAIL_WORKER_INTERVAL_MS: '1000',
    },
  },
});
