// `pnpm --filter @handoff/bench live`: opens many live subscriptions (issue 17) against the production
// server on loopback, measures the server's CPU while they sit idle, then commits one change and
// counts how many subscribers heard of it and how fast; then as many desks polling as the L1 console
// did before the live desk, for the reads (and CPU) that polling cost and live updates no longer do. Bounded: every phase has a time limit, and
// every process and connection it opened is closed at the end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttpServer, stopAll, treeCpuSeconds } from './processes';
import { seedBenchDb } from './seed';
import { signIn } from './session';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    subscriptions: { type: 'string', default: '200' },
    idle: { type: 'string', default: '10' },
    incidents: { type: 'string', default: '1000' },
    port: { type: 'string', default: '3300' },
  },
});
const count = Number(args.subscriptions);
const idleS = Number(args.idle);
const port = Number(args.port);
if (!Number.isInteger(count) || count < 1) throw new Error('--subscriptions takes a whole number');
if (!(idleS > 0 && idleS <= 120)) throw new Error('--idle takes 1–120 seconds');

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '../../apps/web');
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(join(tmpdir(), 'handoff-bench-live-'));
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sub {
  abort: AbortController;
  opened: Promise<void>;
  changes: { at: number; data: string }[];
}

/** One SSE subscription as the browser's httpSubscriptionLink opens it. */
function open(cookie: string): Sub {
  const abort = new AbortController();
  const changes: Sub['changes'] = [];
  const input = encodeURIComponent(JSON.stringify({ lastEventId: null }));
  let ready: () => void = () => undefined;
  const opened = new Promise<void>((r) => (ready = r));
  void (async () => {
    const res = await fetch(`${base}/api/trpc/live.changes?input=${input}`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (!res.ok || !res.body) throw new Error(`subscription answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.includes('"type":"ready"')) ready();
        if (event.includes('"type":"change"')) changes.push({ at: Date.now(), data: event });
      }
    }
  })().catch((e: unknown) => {
    if (!abort.signal.aborted) log(`  a subscription failed: ${String(e)}`);
  });
  return { abort, opened, changes };
}

/** What one L1 console polled before the live desk: query path and interval (ms). */
const oldDeskPollers: [string, number][] = [
  ['presence.cps', 5_000],
  [`incident.mine?input=${encodeURIComponent(JSON.stringify({ limit: 25 }))}`, 10_000],
  ['presence.mine', 10_000],
  ['notification.unreadCount', 15_000],
];

/**
 * `desks` idle L1 consoles polling as they did before (each poller at its interval, phases spread),
 * for `seconds`: how many requests per second they sent and the server's CPU meanwhile.
 */
async function pollLikeTheOldDesk(cookie: string, desks: number, seconds: number, pid: number) {
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];
  const get = (path: string) => {
    sent++;
    void fetch(`${base}/api/trpc/${path}`, { headers: { cookie } })
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
  };
  for (let d = 0; d < desks; d++)
    for (const [path, every] of oldDeskPollers) {
      const phase = Math.floor(Math.random() * every);
      timers.push(
        setTimeout(() => {
          get(path);
          timers.push(setInterval(() => get(path), every));
        }, phase),
      );
    }
  // One full round of every interval first, so the window sees the steady rate.
  await sleep(15_000);
  const cpu0 = treeCpuSeconds(pid);
  const sent0 = sent;
  await sleep(seconds * 1000);
  const cpu = (treeCpuSeconds(pid) - cpu0) / seconds;
  const perSecond = (sent - sent0) / seconds;
  for (const t of timers) clearTimeout(t);
  return { perSecond, cpu };
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    sleep(ms).then(() => {
      throw new Error(`${what} took longer than ${ms} ms`);
    }),
  ]);

async function main() {
  if (!existsSync(join(web, '.next/BUILD_ID')))
    execFileSync('npx', ['--yes', 'pnpm@9.15.9', '--filter', '@handoff/web', 'build'], {
      cwd: resolve(web, '../..'),
      stdio: ['ignore', 2, 2],
    });
  const seed = seedBenchDb(join(work, 'bench.db'), Number(args.incidents));
  const server = await startHttpServer(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: web,
      url: `${base}/signin`,
      timeoutMs: 120_000,
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_PATH: seed.path,
        NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
        NEXTAUTH_URL: base,
        INBOUND_SMTP_PORT: '0',
        SMTP_URL: '',
      },
    },
  );
  const cookie = await signIn(base, 'l1@handoff.test');
  const pid = server.pid!;

  // Baseline: the server idle with no subscription.
  await sleep(2_000);
  let cpu0 = treeCpuSeconds(pid);
  await sleep(idleS * 1000);
  const baseline = (treeCpuSeconds(pid) - cpu0) / idleS;

  log(`Opening ${count} subscriptions…`);
  const subs: Sub[] = [];
  for (let i = 0; i < count; i++) subs.push(open(cookie));
  await within(Promise.all(subs.map((s) => s.opened)), 60_000, `opening ${count} subscriptions`);
  await sleep(2_000);
  cpu0 = treeCpuSeconds(pid);
  await sleep(idleS * 1000);
  const idle = (treeCpuSeconds(pid) - cpu0) / idleS;

  // One change: how many subscribers hear of it, and how fast.
  const sent = Date.now();
  const res = await fetch(`${base}/api/trpc/incident.create`, {
    method: 'POST',
    headers: { cookie, origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({
      callerName: 'Bench Caller',
      callerPhone: '608-555-0199',
      serviceId: seed.serviceIds[0],
      description: 'Live bench: one change for every subscriber.',
      channel: 'phone',
    }),
  });
  if (!res.ok) throw new Error(`incident.create answered ${res.status}`);
  const committedMs = Date.now() - sent;
  const deadline = Date.now() + 10_000;
  while (subs.some((s) => s.changes.length === 0) && Date.now() < deadline) await sleep(50);
  const heard = subs.filter((s) => s.changes.length > 0);
  const latencies = heard.map((s) => s.changes[0]!.at - sent).sort((a, b) => a - b);
  for (const s of subs) s.abort.abort();

  // The same desks as they were before the live desk (commit 66b9e0b^): each L1 console polled these
  // four queries at these intervals (refetchInterval), whether anything changed or not.
  await sleep(2_000);
  const polled = await pollLikeTheOldDesk(cookie, count, idleS, pid);

  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const report = {
    subscriptions: count,
    idleSeconds: idleS,
    cpuIdleNoSubscriptions: pct(baseline),
    cpuIdleWithSubscriptions: pct(idle),
    // The reads polling made, now gone: the live desks above sent none while idle.
    liveDeskRequestsPerSecond: 0,
    pollingDeskRequestsPerSecond: Number(polled.perSecond.toFixed(1)),
    cpuPollingDesks: pct(polled.cpu),
    heardTheChange: `${heard.length}/${count}`,
    // From sending the change: the create's own answer, then the first and last subscriber.
    createAnsweredMs: committedMs,
    latencyMs: {
      median: latencies[Math.floor(latencies.length / 2)] ?? null,
      max: latencies[latencies.length - 1] ?? null,
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main()
  .catch((e: unknown) => {
    log(String(e instanceof Error ? e.stack : e));
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    rmSync(work, { recursive: true, force: true });
  });
