// Issue 17: a server restart mid-session. A CPS agent's page is open on a second server process on the
// same database; that server is killed (kill -9) and started again while changes land through the
// first one. The page says it is reconnecting, then catches up without a reload, each change once.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIncident, trpcMutation, trpcQuery } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const base = `http://127.0.0.1:${port}`;
const web = join(dirname(fileURLToPath(import.meta.url)), '../../apps/web');

/** A second production server on the e2e database, as the config starts the first one. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn('node', ['dist/serve.mjs'], {
    cwd: web,
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      NEXTAUTH_SECRET: 'e2e-secret-0123456789abcdef',
      NEXTAUTH_URL: base,
      HANDOFF_TEST_CLOCK: '1',
      // The first server holds the mail lease; this one must not bind a second SMTP port.
      INBOUND_SMTP_PORT: String(port + 1000),
      SMTP_URL: '',
    },
  });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${base}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`The second server did not answer on ${base} within 60 s`);
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

test('a server restart mid-session is caught up after reconnect, without a lost or doubled change', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, 'l1@handoff.test');
  const incident = await createIncident(page, {
    customer: 'Hana Coned',
    service: 'Office 365',
    description: `Restarted under the agent (${uniqueTag()})`,
  });
  let server = await startServer();
  const context = await browser.newContext({ baseURL: base });
  try {
    const cps = await context.newPage();
    await signInAs(cps, 'cps@handoff.test');
    await cps.goto(`/incidents/${incident.number}`);
    const indicator = cps.getByRole('status', { name: /Live updates/ });
    await expect(indicator).toHaveAttribute('data-state', 'live');
    // The page is open once its connection names CPS as a viewer: the incident page has mounted
    // and follows the incident, so what others change from now on is "changes by others" to it.
    // (Before that a change reaches the page but nothing on it is following yet; on PostgreSQL
    // that window is wide enough for the kill to land in it.)
    const viewers = () =>
      trpcQuery<{ name: string }[]>(page.request, 'live.viewers', { incidentIds: [incident.id] });
    await expect.poll(async () => (await viewers()).map((v) => v.name)).toContain('Cameron CPS');
    await expect(indicator).toHaveAttribute('data-state', 'live');

    await kill(server);
    await expect(indicator).not.toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    // Committed through the other server while this one is down.
    for (const body of ['While it was down: first', 'While it was down: second'])
      await trpcMutation(page.request, 'incident.addNote', {
        incidentId: incident.id,
        body,
        visibility: 'internal',
      });
    server = await startServer();

    await expect(indicator).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    const journal = cps.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText('While it was down: second', { timeout: 10_000 });
    await expect(journal.getByText('While it was down: first')).toHaveCount(1);
    await expect(journal.getByText('While it was down: second')).toHaveCount(1);
    // The follow banner names what happened while it was away.
    await expect(cps.getByRole('status', { name: 'Changes by others' })).toContainText(
      'added an internal note',
    );
  } finally {
    await context.close();
    await kill(server);
  }
});
