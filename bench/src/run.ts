// `pnpm bench`: seeds a database, starts the production server and two ceilings on loopback, drives each
// with autocannon at several concurrencies, and prints one table (and writes it as JSON). The figures that
// matter are the ratios to the ceilings measured in the same run: the machine is noisy, runs are not.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import pg from 'pg';
import { createDb } from '@handoff/db';
import { createPgDb, formatCounts, moveSqliteToPg } from '@handoff/db/pg';
import { staleBuildReason } from './build';
import { runLoad, type LoadFigures } from './load';
import {
  startHttpServer,
  startReadyProcess,
  stopAll,
  stopAllAndWait,
  treeRssMb,
} from './processes';
import { seedBenchDb, type SeedResult } from './seed';
import { signIn } from './session';

// `pnpm bench -- --incidents 5000` passes the `--` through; it only separates pnpm's options.
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    incidents: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '1,8,32' },
    port: { type: 'string', default: '3300' },
    scenarios: { type: 'string', default: 'get,queue,create,session,mixed' },
    // With create-noindex in the list, the search triggers are dropped before it runs (always last), so
    // one run measures incident creation with the index (create) and without it (create-noindex).
    out: { type: 'string' },
    // Writes V8 CPU profiles of the server (node --cpu-prof) into this folder when it stops.
    profile: { type: 'string' },
    // Server processes on the one database (HANDOFF_PROCESSES).
    processes: { type: 'string', default: '1' },
    // Keeps the seeded database in this folder and copies it on later runs with the same incident count
    // and migrations, so a second run at 1M (say with --processes 2) skips the minutes of seeding.
    cache: { type: 'string' },
    // The engines to measure, one after the other in this run: sqlite, pg or both (sqlite,pg). pg
    // moves the seeded SQLite database into a new PostgreSQL database on DATABASE_URL's server
    // (`pnpm bench` starts a throwaway cluster when DATABASE_URL is unset).
    engine: { type: 'string', default: 'sqlite' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const web = join(root, 'apps/web');
const incidents = Number(args.incidents);
const durationS = Number(args.duration);
const concurrencies = args.connections.split(',').map(Number);
const port = Number(args.port);
const wanted = new Set(args.scenarios.split(','));
if (!Number.isInteger(incidents) || incidents < 0)
  throw new Error('--incidents takes a whole number');
if (!(durationS > 0)) throw new Error('--duration takes seconds (> 0)');
const engines = args.engine.split(',') as Engine[];
if (engines.length === 0 || engines.some((e) => e !== 'sqlite' && e !== 'pg'))
  throw new Error('--engine takes sqlite, pg or sqlite,pg');
if (engines.includes('pg') && !process.env.DATABASE_URL)
  throw new Error(
    '--engine pg needs DATABASE_URL (a PostgreSQL server the bench may create a database on); `pnpm bench` starts a throwaway one when it is unset',
  );
if (concurrencies.some((c) => !Number.isInteger(c) || c < 1))
  throw new Error('--connections takes a comma-separated list of whole numbers, e.g. 1,8,32');

const tsx = join(root, 'bench/node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
const base = `http://127.0.0.1:${port}`;
const jsonCeiling = `http://127.0.0.1:${port + 1}`;
const insertCeiling = `http://127.0.0.1:${port + 2}`;

type Engine = 'sqlite' | 'pg';
interface Row extends LoadFigures {
  engine: Engine;
  scenario: string;
  target: 'handoff' | 'ceiling';
  connections: number;
  ratio?: number;
}
const rows: Row[] = [];
/** create-ab: req/s with the search index over req/s without it, per concurrency. */
const indexCost: { connections: number; ratio: number }[] = [];
/** Server RSS after each engine's runs. */
const rssByEngine: Partial<Record<Engine, number>> = {};
/** Scenarios that exist on SQLite only (they drop SQLite's FTS5 triggers). */
const sqliteOnly = new Set(['create-noindex', 'create-ab']);

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

async function main() {
  const stale = staleBuildReason(root);
  if (stale) {
    log(`Building apps/web (${stale})…`);
    execFileSync('npx', ['--yes', 'pnpm@9.15.9', '--filter', '@handoff/web', 'build'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
  }
  log(`Seeding ${incidents.toLocaleString('en-US')} incidents into ${work}…`);
  const seed = args.cache
    ? cachedSeed(resolve(args.cache), join(work, 'bench.db'), incidents)
    : seedBenchDb(join(work, 'bench.db'), incidents);
  log(
    `  ${seed.incidents.toLocaleString('en-US')} incidents, ${seed.journal.toLocaleString('en-US')} journal entries, ${seed.moved.toLocaleString('en-US')} moved incidents in ${seed.seconds.toFixed(1)} s`,
  );

  // Moved before any run writes to the seed, so both engines start from the same rows.
  const onPg = engines.includes('pg') ? await pgBenchDatabase(seed.path) : undefined;
  try {
    for (const engine of engines)
      await measure(
        engine,
        seed,
        engine === 'sqlite'
          ? { DATABASE_PATH: seed.path, DATABASE_URL: '' }
          : { DATABASE_URL: onPg!.url },
      );
  } finally {
    await onPg?.drop();
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
    .toString()
    .trim();
  const report = {
    at: new Date().toISOString(),
    commit,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memGiB: Math.round(totalmem() / 2 ** 30),
    },
    node: process.version,
    engines,
    incidents: seed.incidents,
    journal: seed.journal,
    moved: seed.moved,
    durationS,
    processes: Number(args.processes),
    // The last engine's (the only one's, unless several were measured); per engine below.
    serverRssMb: rssByEngine[engines.at(-1)!]!,
    serverRssMbByEngine: rssByEngine,
    rows,
    indexCost,
  };
  printTable(report);
  const out =
    args.out ?? join(root, 'bench/results', `bench-${report.at.replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`Wrote ${out}`);
}

/**
 * A new database on DATABASE_URL's server holding the seeded SQLite database, moved by the same
 * code as `npm run db:to-pg` (counts compared), vacuumed and analysed; `drop()` removes it after the runs.
 */
async function pgBenchDatabase(seedPath: string) {
  const name = `handoff_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  log(`Moving the seeded database into PostgreSQL (${url.host}, database ${name})…`);
  const started = performance.now();
  const lite = createDb(seedPath);
  const target = createPgDb(url.toString());
  try {
    const counts = await moveSqliteToPg(lite, target, {
      pgMigrations: join(root, 'packages/db/drizzle-pg'),
    });
    const differ = counts.filter((c) => c.sqlite !== c.pg);
    if (differ.length > 0) throw new Error(`The move lost rows:\n${formatCounts(counts)}`);
  } finally {
    lite.$client.close();
    await target.$client.end();
  }
  log(`  moved, vacuumed and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Starts the ceilings and the server on one engine, runs the chosen scenarios, stops them all. */
async function measure(engine: Engine, seed: SeedResult, databaseEnv: Record<string, string>) {
  log(`Starting the ceilings and the production server on ${engine}…`);
  await startReadyProcess(tsx, [join(here, 'ceiling-json.ts'), String(port + 1)]);
  await startReadyProcess(
    tsx,
    engine === 'sqlite'
      ? [join(here, 'ceiling-insert.ts'), String(port + 2), join(work, 'ceiling.db')]
      : [join(here, 'ceiling-insert-pg.ts'), String(port + 2), databaseEnv.DATABASE_URL!],
  );
  const server = await startHttpServer(
    process.execPath,
    [
      ...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`] : []),
      'dist/serve.mjs',
    ],
    {
      cwd: web,
      url: `${base}/signin`,
      timeoutMs: 120_000,
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        HOST: '127.0.0.1',
        PORT: String(port),
        HANDOFF_PROCESSES: args.processes,
        ...databaseEnv,
        NEXTAUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
        NEXTAUTH_URL: base,
        INBOUND_SMTP_PORT: '0',
        SMTP_URL: '',
      },
    },
  );
  const cookie = await signIn(base, 'l1@handoff.test');
  const headers = { cookie, origin: base, 'content-type': 'application/json' };

  const input = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  let n = 0;
  const nextNumber = () => seed.sampleNumbers[n++ % seed.sampleNumbers.length]!;
  const getIncident: autocannon.Request = {
    method: 'GET',
    setupRequest: (req) => ({
      ...req,
      path: `/api/trpc/incident.byNumber?input=${input({ number: nextNumber() })}`,
    }),
  };
  const queuePage: autocannon.Request = {
    method: 'GET',
    path: `/api/trpc/queue.list?input=${input({ teamId: seed.queueTeamId })}`,
  };
  const session: autocannon.Request = { method: 'GET', path: '/api/trpc/me.get' };
  // The /reports page as a team lead (issue 18: cps@ leads US - Help Desk CPS in the demo) opens it: the
  // last four weeks, all teams and then the lead's team in turn, as the page's filter sends them.
  const leadHeaders = { ...headers, cookie: await signIn(base, 'cps@handoff.test') };
  const isoDay = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`;
  const range = { from: isoDay(Date.now() - 28 * 86_400_000), to: isoDay(Date.now() + 86_400_000) };
  let r = 0;
  const dashboard: autocannon.Request = {
    method: 'GET',
    setupRequest: (req) => ({
      ...req,
      path: `/api/trpc/reports.dashboard?input=${input(r++ % 2 === 0 ? range : { ...range, teamId: seed.queueTeamId })}`,
    }),
  };
  // Search: a caller's surname, a description word (an eighth of all incidents match), two words, a
  // prefix and an incident number, in turn.
  const surnames = seed.callerSurnames;
  const searchTexts = ['printer', 'vpn settings', 'canv', 'eduroam working', ...surnames];
  let s = 0;
  const search: autocannon.Request = {
    method: 'GET',
    setupRequest: (req) => {
      const q = s % 7 === 6 ? nextNumber() : searchTexts[s % searchTexts.length]!;
      s++;
      return { ...req, path: `/api/trpc/search.incidents?input=${input({ q })}` };
    },
  };
  // The queue grid with one sort and one filter, every sort in turn.
  const sorts = ['age', 'promise', 'status', 'service', 'owner'] as const;
  let g = 0;
  const queueSorted: autocannon.Request = {
    method: 'GET',
    setupRequest: (req) => {
      const sort = sorts[g % sorts.length]!;
      const filter =
        g % 2 === 0
          ? { serviceId: seed.serviceIds[g % seed.serviceIds.length] }
          : { status: 'in_progress' as const };
      g++;
      return {
        ...req,
        path: `/api/trpc/queue.grid?input=${input({ teamId: seed.queueTeamId, sort, dir: g % 3 ? 'asc' : 'desc', ...filter })}`,
      };
    },
  };
  let created = 0;
  const createBody = () =>
    JSON.stringify({
      callerName: 'Bench Caller',
      callerPhone: '608-555-0199',
      serviceId: seed.serviceIds[created % seed.serviceIds.length],
      description: `Benchmark create ${++created}: VPN drops every few minutes.`,
      channel: 'phone',
    });
  const create: autocannon.Request = {
    method: 'POST',
    path: '/api/trpc/incident.create',
    setupRequest: (req) => ({ ...req, body: createBody() }),
  };
  const insert: autocannon.Request = {
    method: 'POST',
    path: '/',
    setupRequest: (req) => ({ ...req, body: createBody() }),
  };
  const ceilingRead: autocannon.Request = { method: 'GET', path: '/' };
  // The one-step of the desk mix: the L1 agent takes ownership of a new incident of its queue, each
  // request another one, at the version the seed gave it.
  const takeable = openIncidentIds(seed.path, seed.queueTeamId);
  let taken = 0;
  const takeOwnership: autocannon.Request = {
    method: 'POST',
    path: '/api/trpc/oneStep.takeOwnership',
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({ incidentId: takeable[taken++ % takeable.length], expectedVersion: 1 }),
    }),
  };

  const scenarios: {
    name: string;
    handoff: autocannon.Request[];
    ceiling?: { url: string; requests: autocannon.Request[] };
    /** Request headers, when not the signed-in L1 agent's. */
    headers?: Record<string, string>;
    onlyAt?: number;
    before?: () => void;
    /** Rounds with the search index's triggers and without, in turn (create-ab). */
    alternate?: true;
  }[] = [
    { name: 'get', handoff: [getIncident], ceiling: { url: jsonCeiling, requests: [ceilingRead] } },
    { name: 'queue', handoff: [queuePage], ceiling: { url: jsonCeiling, requests: [ceilingRead] } },
    { name: 'session', handoff: [session], ceiling: { url: jsonCeiling, requests: [ceilingRead] } },
    // The same request signed out: the difference to `session` is what the session check costs.
    {
      name: 'anonymous',
      handoff: [session],
      headers: { origin: base },
      ceiling: { url: jsonCeiling, requests: [ceilingRead] },
    },
    { name: 'create', handoff: [create], ceiling: { url: insertCeiling, requests: [insert] } },
    { name: 'search', handoff: [search], ceiling: { url: jsonCeiling, requests: [ceilingRead] } },
    {
      name: 'queue-sorted',
      handoff: [queueSorted],
      ceiling: { url: jsonCeiling, requests: [ceilingRead] },
    },
    {
      name: 'create-noindex',
      handoff: [create],
      ceiling: { url: insertCeiling, requests: [insert] },
      before: () => dropSearchTriggers(seed.path),
    },
    // create and create-noindex in alternating rounds on the one server: machine noise that drifts
    // over a run (another process, the page cache) falls on both alike, so their ratio holds.
    { name: 'create-ab', handoff: [create], alternate: true },
    {
      name: 'dashboard',
      handoff: [dashboard],
      headers: leadHeaders,
      ceiling: { url: jsonCeiling, requests: [ceilingRead] },
    },
    // A desk's day: mostly reads, some creates and one-steps.
    {
      name: 'mixed',
      handoff: [
        getIncident,
        queuePage,
        getIncident,
        session,
        getIncident,
        queuePage,
        create,
        getIncident,
        takeOwnership,
      ],
      onlyAt: 8,
    },
  ];

  const chosen = scenarios.filter((s) => wanted.has(s.name));
  if (engine === 'pg')
    for (const s of chosen.filter((s) => sqliteOnly.has(s.name)))
      log(`  (${s.name} drops SQLite's FTS5 triggers: not run on pg)`);
  chosen.splice(
    0,
    chosen.length,
    ...chosen.filter((s) => engine === 'sqlite' || !sqliteOnly.has(s.name)),
  );
  // Without the index is measured last: it leaves the index stale for anything after it.
  const last = (name: string) => ['create-ab', 'create-noindex'].indexOf(name);
  chosen.sort((a, b) => last(a.name) - last(b.name));
  for (const s of chosen) {
    s.before?.();
    // A short unrecorded run first, so JIT warm-up and first-use caches don't count against the scenario.
    await runLoad({
      url: base,
      connections: 4,
      durationS: 1,
      headers: s.headers ?? headers,
      requests: s.handoff,
    });
    for (const c of concurrencies) {
      if (s.onlyAt !== undefined && c !== s.onlyAt) continue;
      if (s.alternate) {
        const run = () =>
          runLoad({
            url: base,
            connections: c,
            durationS: durationS / 2,
            headers,
            requests: s.handoff,
          });
        const { on, off } = await alternateSearchIndex(seed.path, run);
        rows.push({ engine, scenario: 'create-ab', target: 'handoff', connections: c, ...on });
        rows.push({
          engine,
          scenario: 'create-ab-noindex',
          target: 'handoff',
          connections: c,
          ...off,
        });
        indexCost.push({ connections: c, ratio: on.rps / off.rps });
        log(
          `  create-ab c=${String(c).padEnd(3)} ${on.rps} req/s with the index, ${off.rps} without (${((100 * on.rps) / off.rps).toFixed(0)}%)`,
        );
        continue;
      }
      let ceilingRps: number | undefined;
      if (s.ceiling) {
        const figures = await runLoad({
          url: s.ceiling.url,
          connections: c,
          durationS,
          headers,
          requests: s.ceiling.requests,
        });
        rows.push({ engine, scenario: s.name, target: 'ceiling', connections: c, ...figures });
        ceilingRps = figures.rps;
      }
      const figures = await runLoad({
        url: base,
        connections: c,
        durationS,
        headers: s.headers ?? headers,
        requests: s.handoff,
      });
      const ratio = ceilingRps ? figures.rps / ceilingRps : undefined;
      rows.push({ engine, scenario: s.name, target: 'handoff', connections: c, ...figures, ratio });
      log(
        `  ${engine.padEnd(6)} ${s.name.padEnd(8)} c=${String(c).padEnd(3)} ${String(figures.rps).padStart(6)} req/s` +
          (ratio !== undefined ? `  (${(ratio * 100).toFixed(1)}% of ceiling ${ceilingRps})` : '') +
          (figures.non2xx + figures.errors > 0
            ? `  !! ${figures.non2xx} non-2xx, ${figures.errors} errors`
            : ''),
      );
    }
  }
  rssByEngine[engine] = treeRssMb(server.pid!);
  await stopAllAndWait();
}

/** The seeded database from `dir` when one was made for this count and these migrations, else a new one. */
function cachedSeed(dir: string, path: string, count: number): SeedResult {
  const migrations = readdirSync(join(root, 'packages/db/migrations'))
    .filter((f) => f.endsWith('.sql'))
    .sort();
  // The seed's own source is part of the key: a changed seed (say, moves added) makes a new database.
  const seedHash = createHash('sha256')
    .update(readFileSync(join(here, 'seed.ts')))
    .digest('hex')
    .slice(0, 8);
  const key = `bench-${count}-${migrations.length}-${migrations.at(-1)?.replace(/\.sql$/, '')}-${seedHash}`;
  const db = join(dir, `${key}.db`);
  const meta = join(dir, `${key}.json`);
  if (!existsSync(db) || !existsSync(meta)) {
    mkdirSync(dir, { recursive: true });
    const fresh = seedBenchDb(join(dir, `${key}.tmp.db`), count);
    renameSync(join(dir, `${key}.tmp.db`), db);
    writeFileSync(meta, JSON.stringify({ ...fresh, path: db }));
  } else log(`  (copying the cached ${key}.db)`);
  copyFileSync(db, path);
  // The copy sits in the page cache as dirty pages: without this the server's first WAL checkpoint
  // fsyncs the whole file (seconds at 1M) in the middle of a measured create run.
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return { ...(JSON.parse(readFileSync(meta, 'utf8')) as SeedResult), path };
}

/** New, unowned incidents of the queue at version 1 (newest first), for the mix's one-steps. */
function openIncidentIds(path: string, teamId: number): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT id FROM incidents WHERE owner_team_id = ? AND status = 'new'
             AND owner_agent_id IS NULL AND version = 1 ORDER BY id DESC LIMIT 50000`,
        )
        .all(teamId) as { id: number }[]
    ).map((r) => r.id);
  } finally {
    db.close();
  }
}

/** A second connection to the live server's database, waiting out the server's writes. */
function openBenchDb(path: string) {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The triggers that keep the search index current (each `*_fts_*`), with the SQL that makes them. */
const searchTriggers = (db: Database.Database) =>
  db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'`,
    )
    .all() as { name: string; sql: string }[];

const abRounds = 5;

/**
 * `abRounds` rounds of `run` with the search index's triggers and then without them, on the live
 * server's database (SQLite re-prepares the server's statements after the schema change); the
 * triggers are back at the end. Figures per side: all its requests over all its time, the median
 * round's percentiles, the slowest request.
 */
async function alternateSearchIndex(path: string, run: () => Promise<LoadFigures>) {
  const db = openBenchDb(path);
  const triggers = searchTriggers(db);
  const rounds: { on: LoadFigures[]; off: LoadFigures[] } = { on: [], off: [] };
  let dropped = false;
  try {
    for (let i = 0; i < abRounds; i++) {
      rounds.on.push(await run());
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
      dropped = true;
      rounds.off.push(await run());
      for (const t of triggers) db.exec(t.sql);
      dropped = false;
    }
  } finally {
    if (dropped) for (const t of triggers) db.exec(t.sql);
    db.close();
  }
  const merge = (side: LoadFigures[]): LoadFigures => {
    const median = (k: 'p50' | 'p97_5' | 'p99') =>
      side.map((f) => f[k]).sort((a, b) => a - b)[Math.floor(side.length / 2)]!;
    const sum = (k: 'requests' | 'non2xx' | 'errors') => side.reduce((n, f) => n + f[k], 0);
    return {
      rps: Math.round(side.reduce((n, f) => n + f.rps, 0) / side.length),
      p50: median('p50'),
      p97_5: median('p97_5'),
      p99: median('p99'),
      max: Math.max(...side.map((f) => f.max)),
      requests: sum('requests'),
      non2xx: sum('non2xx'),
      errors: sum('errors'),
    };
  };
  return { on: merge(rounds.on), off: merge(rounds.off) };
}

/** Drops the triggers that keep the search index current, so creation runs without the index. */
function dropSearchTriggers(path: string) {
  const db = openBenchDb(path);
  for (const { name } of searchTriggers(db)) db.exec(`DROP TRIGGER ${name}`);
  db.close();
  log('  (search index triggers dropped for create-noindex)');
}

function printTable(report: {
  at: string;
  commit: string;
  incidents: number;
  processes: number;
  serverRssMbByEngine: Partial<Record<Engine, number>>;
}) {
  const lines = [
    `Handoff benchmark ${report.at} (commit ${report.commit}, ${report.incidents.toLocaleString('en-US')} incidents, ${report.processes} server process${report.processes === 1 ? '' : 'es'}, ${durationS} s per run)`,
    '',
    '| engine | scenario | c | Handoff req/s | p50 ms | p97.5 ms | p99 ms | max ms | ceiling req/s | ratio | non-2xx/errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const ceilingOf = (r: Row) =>
    rows.find(
      (c) =>
        c.target === 'ceiling' &&
        c.engine === r.engine &&
        c.scenario === r.scenario &&
        c.connections === r.connections,
    );
  const percent = (x: number | undefined) => (x !== undefined ? `${(x * 100).toFixed(1)}%` : '—');
  const measured = rows.filter((r) => r.target === 'handoff');
  for (const r of measured)
    lines.push(
      `| ${r.engine} | ${r.scenario} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.max} | ${ceilingOf(r)?.rps ?? '—'} | ${percent(r.ratio)} | ${r.non2xx}/${r.errors} |`,
    );
  // Both engines in this run: PostgreSQL against SQLite, per scenario and concurrency.
  const pairs = measured
    .filter((r) => r.engine === 'pg')
    .map((p) => ({
      p,
      s: measured.find(
        (r) =>
          r.engine === 'sqlite' && r.scenario === p.scenario && r.connections === p.connections,
      ),
    }))
    .filter((x): x is { p: Row; s: Row } => x.s !== undefined);
  if (pairs.length)
    lines.push(
      '',
      '| scenario | c | SQLite req/s | PostgreSQL req/s | pg / SQLite | SQLite p99 ms | pg p99 ms | SQLite ratio to ceiling | pg ratio to ceiling |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...pairs.map(
        ({ p, s }) =>
          `| ${p.scenario} | ${p.connections} | ${s.rps} | ${p.rps} | ${percent(p.rps / s.rps)} | ${s.p99} | ${p.p99} | ${percent(s.ratio)} | ${percent(p.ratio)} |`,
      ),
    );
  if (indexCost.length)
    lines.push(
      '',
      `create with the search index / without it, alternating rounds: ${indexCost
        .map((r) => `c=${r.connections} ${(100 * r.ratio).toFixed(0)}%`)
        .join(', ')}`,
    );
  const rss = Object.entries(report.serverRssMbByEngine).map(([e, mb]) => `${mb} MB on ${e}`);
  lines.push('', `Server RSS after the runs: ${rss.join(', ')} (all server processes)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .catch((e: unknown) => {
    process.exitCode = 1;
    log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  })
  .finally(() => {
    stopAll();
    rmSync(work, { recursive: true, force: true });
  });
