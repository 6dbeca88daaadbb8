// `pnpm --filter @handoff/bench dashboard -- --db <copy of a bench db>`: the /reports figures measured in
// process at the database's size (issue 18: ≤ 500 ms p95 at a million incidents), from the rollups and,
// with --scan, by the scan they replace. Migrates the file first (the migration backfills the rollups),
// so run it on a copy. Prints p50 / p95 per range and filter; not a test.
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDashboard, dashboardOf } from '@handoff/domain';
import { createDb, migrateDb, reportRepository, reportTotalsRepository } from '@handoff/db';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '20' },
    scan: { type: 'boolean', default: false },
  },
});
if (!args.db) throw new Error('--db <path> is required (a copy: it is migrated)');
const here = dirname(fileURLToPath(import.meta.url));
const db = createDb(resolve(args.db));
const migrating = performance.now();
migrateDb(db, resolve(here, '../../packages/db/migrations'));
console.log(
  `migrated (rollups backfilled if new) in ${Math.round(performance.now() - migrating)} ms`,
);

const latest = db.$client.prepare('SELECT max(created_at) AS at FROM incidents').get() as {
  at: string;
};
const now = latest.at;
// The ranges end where the incidents are (a bench database's are spread over the months before it was
// made): at the creation of the incident 2% from the newest.
const total = (db.$client.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
const anchor = (
  db.$client
    .prepare('SELECT created_at AS at FROM incidents ORDER BY created_at LIMIT 1 OFFSET ?')
    .get(Math.floor(total * 0.98)) as { at: string }
).at;
const day = (days: number) =>
  new Date(Date.parse(anchor) - days * 86_400_000).toISOString().slice(0, 10);
const end = day(0);
const teamId = (
  db.$client
    .prepare('SELECT owner_team_id AS id FROM incidents GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
    .get() as { id: number }
).id;
const cases = [
  {
    name: '4 weeks (the page default)',
    from: `${day(28)}T00:00:00.000Z`,
    to: `${end}T00:00:00.000Z`,
  },
  {
    name: '4 weeks, busiest team',
    from: `${day(28)}T00:00:00.000Z`,
    to: `${end}T00:00:00.000Z`,
    teamId,
  },
  { name: '1 year', from: `${day(365)}T00:00:00.000Z`, to: `${end}T00:00:00.000Z` },
  {
    name: '1 year, busiest team',
    from: `${day(365)}T00:00:00.000Z`,
    to: `${end}T00:00:00.000Z`,
    teamId,
  },
  { name: '4 weeks, partial days', from: `${day(28)}T13:30:00.000Z`, to: `${end}T09:15:00.000Z` },
];

const percentile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;
const names = await reportRepository.names(db);
const measure = async (label: string, run: () => unknown, runs: number) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  console.log(
    `${label.padEnd(44)} p50 ${percentile(times, 0.5).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 0.95).toFixed(1).padStart(7)} ms  (${runs} runs)`,
  );
};
console.log(`${total.toLocaleString('en-US')} incidents, ranges ending ${end}, now = ${now}`);
for (const c of cases) {
  const { name, ...f } = c;
  await measure(
    `rollups: ${name}`,
    async () => dashboardOf(await reportTotalsRepository.loadTotals(db, f, now), names),
    Number(args.runs),
  );
  if (args.scan)
    await measure(
      `scan:    ${name}`,
      async () => buildDashboard(await reportRepository.load(db, f), now),
      3,
    );
}
db.$client.close();
