// Issue 20: several app servers on one PostgreSQL database. Two production servers share the
// database and NEXTAUTH_SECRET only: a session from one works on the other, an incident assigned on
// one appears live on the other's CPS queue (LISTEN/NOTIFY), and the mail services run in exactly
// one of them; kill -9 that one and the other takes the lease over and delivers what is queued
// after, each message once.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext } from '@playwright/test';
import { apiAs, createIncident, trpcMutation, trpcQuery } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';

const web = join(dirname(fileURLToPath(import.meta.url)), '../../apps/web');
const basePort = Number(process.env.E2E_PORT ?? 3100) + 300;

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

// Every server the spec started, killed after it however it ends (a timeout skips its finally).
const started: ChildProcess[] = [];
test.afterAll(() => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres'))
    throw new Error('Run this spec through scripts/pg-test.sh (DATABASE_URL=postgres://…).');
  return url;
}

async function startServer(name: string, port: number, smtpPort: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('node', ['dist/serve.mjs'], {
    cwd: web,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl(),
      // The only thing the servers share besides the database.
      NEXTAUTH_SECRET: 'e2e-two-servers-0123456789abcdef',
      NEXTAUTH_URL: url,
      INBOUND_SMTP_PORT: String(port + 1000),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_WORKER_INTERVAL_MS: '300',
    },
  });
  started.push(child);
  for (let i = 0; i < 480; i++) {
    const up = await fetch(`${url}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { name, url, child };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`Server ${name} did not answer on ${url} within 120 s`);
}

async function kill(server: Server) {
  // Ended already (a killed process has a signalCode and no exitCode).
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

interface Overview {
  services: { inbound: { state: string; holder?: string } } | null;
  outbox: Record<'held' | 'pending' | 'sent' | 'failed', number>;
}
const overview = (admin: APIRequestContext) =>
  trpcQuery<Overview>(admin, 'mail.overview', undefined);
const mailState = async (admin: APIRequestContext) =>
  (await overview(admin)).services?.inbound.state ?? 'none';

test('two servers on one PostgreSQL database: sessions, live changes, and mail sent once', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const t0 = Date.now();
  const stage = (what: string) =>
    console.log(`[two-servers] ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  const sink = await startSmtpSink();
  // A starts first and migrates and seeds the new database; B finds it ready.
  const a = await startServer('A', basePort, sink.port);
  const b = await startServer('B', basePort + 1, sink.port);
  const servers = [a, b];
  stage('both servers answer');
  const contexts: APIRequestContext[] = [];
  try {
    // A session made on A is good on B: the servers share only the secret and the database.
    const l1OnA = await apiAs(a.url, 'l1@handoff.test');
    contexts.push(l1OnA);
    const cookies = (await l1OnA.storageState()).cookies;
    const sessionCookie = cookies.find((c) => c.name.includes('session-token'));
    expect(sessionCookie).toBeTruthy();
    const me = await fetch(`${b.url}/api/trpc/me.get`, {
      headers: { cookie: `${sessionCookie!.name}=${sessionCookie!.value}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      result: { data: { name: 'Lee Level-One', role: 'l1' } },
    });

    // Created and assigned through A; B's CPS queue shows it without a reload.
    const cpsContext = await browser.newContext({ baseURL: b.url });
    const cps = await cpsContext.newPage();
    await signInAs(cps, 'cps@handoff.test');
    await cps.goto('/queues');
    await expect(cps.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();
    const l1 = await (await browser.newContext({ baseURL: a.url })).newPage();
    await signInAs(l1, 'l1@handoff.test');
    const incident = await createIncident(l1, {
      customer: 'Hana Coned',
      service: 'Office 365',
      description: `Made on server A (${uniqueTag()})`,
    });
    const row = cps.getByRole('row', { name: new RegExp(incident.number) });
    await expect(row).toHaveCount(0);
    await trpcMutation(l1.request, 'oneStep.assignToCps', {
      incidentId: incident.id,
      expectedVersion: 1,
      reason: 'no_cps_agents_ready',
      callbackPhone: '608-555-0142',
      routing: { overrideReason: `e2e two servers ${incident.number}` },
    });
    await expect(row).toBeVisible({ timeout: 5_000 });
    stage("the assignment on A is on B's queue");
    await cpsContext.close();
    await l1.context().close();

    // Exactly one server runs the mail services; the other says who does.
    const admins = await Promise.all(servers.map((s) => apiAs(s.url, 'admin@handoff.test')));
    contexts.push(...admins);
    const states = await Promise.all(admins.map(mailState));
    expect(states.sort()).toEqual(['elsewhere', 'listening']);
    const holderAt = (await Promise.all(admins.map(mailState))).indexOf('listening');
    const holder = servers[holderAt]!;
    const survivor = servers[1 - holderAt]!;
    const survivorAdmin = admins[1 - holderAt]!;

    // Customer notes queue a message each; the holder delivers them.
    const noteThrough = async (server: Server, text: string) => {
      const l1Api = await apiAs(server.url, 'l1@handoff.test');
      contexts.push(l1Api);
      const address = `two-servers-${uniqueTag()}@example.edu`.toLowerCase();
      const made = await trpcMutation<{ id: number; number: string }>(l1Api, 'incident.create', {
        callerName: 'Hana Coned',
        callerEmail: address,
        serviceId: (
          await trpcQuery<{ id: number; name: string }[]>(l1Api, 'catalog.services', undefined)
        ).find((s) => s.name === 'Office 365')!.id,
        channel: 'phone',
        description: text,
      });
      await trpcMutation(l1Api, 'incident.addNote', {
        incidentId: made.id,
        body: `${text}: we are on it`,
        visibility: 'customer',
      });
      return address;
    };
    // Each case has its own customer address: the messages to it are that note's.
    const sentTo = (address: string) =>
      sink.received.filter((m) => m.to.map((t) => t.toLowerCase()).includes(address)).length;
    const before: string[] = [];
    for (const n of [1, 2, 3]) before.push(await noteThrough(holder, `Before the kill ${n}`));
    await expect.poll(() => before.every((n) => sentTo(n) >= 1), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(async () => (await overview(survivorAdmin)).outbox.pending, {
        timeout: 20_000,
      })
      .toBe(0);

    stage(`mail before the kill delivered by ${holder.name}`);
    // The holder dies without a word (no lease release); mail queued now waits for the takeover.
    await kill(holder);
    const killedAt = Date.now();
    const after: string[] = [];
    for (const n of [1, 2, 3]) after.push(await noteThrough(survivor, `After the kill ${n}`));
    await expect.poll(() => mailState(survivorAdmin), { timeout: 40_000 }).toBe('listening');
    const takeoverMs = Date.now() - killedAt;
    await expect.poll(() => after.every((n) => sentTo(n) >= 1), { timeout: 20_000 }).toBe(true);
    console.log(
      `[two-servers] the survivor took the mail lease over ${takeoverMs} ms after kill -9`,
    );
    expect(takeoverMs).toBeLessThan(30_000);

    // Nothing was sent twice: every Message-ID once, and as many messages as the outbox sent.
    const ids = sink.received.map((m) => m.messageId);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of [...before, ...after]) expect(sentTo(n)).toBe(1);
    const counts = (await overview(survivorAdmin)).outbox;
    expect(counts.sent).toBe(ids.length);
    expect(counts.pending).toBe(0);
    stage('each message once');
  } finally {
    for (const c of contexts) await c.dispose().catch(() => {});
    for (const s of servers) await kill(s);
    await sink.close();
  }
  void page;
});
