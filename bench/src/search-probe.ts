// `tsx src/search-probe.ts <db> [--reps 30]`: times the search procedure's database work in process
// (parse, the ranked page, the exact number and problems/outages, as search.incidents does) per query
// shape on a benchmark database, and the queue grid's "one sort and one filter" pages, and prints
// p50 / p95 per shape. A probe to find where time goes, not a test: the machine is shared and noisy.
import { parseArgs } from 'node:util';
import { parseSearchQuery, queueStatuses, queueSorts } from '@handoff/domain';
import { createDb, queueGridRepository, searchRepository, type Db } from '@handoff/db';

const { values: args, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '30' },
    only: { type: 'string' },
  },
});
const path = positionals[0];
if (!path) throw new Error('usage: search-probe <database> [--reps 30] [--only search|queue]');
const reps = Number(args.reps);
const db = createDb(path);

type Scope = searchRepository.SearchScope;

async function search(db: Db, q: string, scope: Scope, more = false) {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(parsed.message);
  let page = await searchRepository.searchIncidents(db, { ...scope, search: parsed, limit: 20 });
  if (more && page.nextCursor)
    page = await searchRepository.searchIncidents(db, {
      ...scope,
      search: parsed,
      limit: 20,
      cursor: page.nextCursor,
    });
  if (parsed.incidentNumber)
    await searchRepository.findNumberInScope(db, parsed.incidentNumber, scope);
  if (scope.customerId === undefined)
    await searchRepository.searchProblemsAndOutages(db, parsed, 5);
  return page.items.length;
}

async function time(label: string, run: () => unknown) {
  await run(); // warm: statement compile and page cache
  const ms: number[] = [];
  let out: unknown;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    out = await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  console.log(
    `${label.padEnd(44)} p50 ${at(0.5).toFixed(2).padStart(7)} ms  p95 ${at(0.95).toFixed(2).padStart(7)} ms  (${String(out)})`,
  );
}

const one = <T>(sql: string) => db.$client.prepare(sql).get() as T;
if (args.only !== 'queue') {
  const customer = one<{ id: number }>(
    `SELECT customer_id AS id FROM incidents WHERE customer_id IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  const partner = one<{ id: number } | undefined>(
    `SELECT partner_team_id AS id FROM partner_tickets GROUP BY partner_team_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const number = one<{ n: string }>(
    `SELECT number AS n FROM incidents ORDER BY id LIMIT 1 OFFSET 20`,
  );
  const surname = one<{ name: string }>(
    `SELECT caller_name AS name FROM incidents ORDER BY id DESC LIMIT 1`,
  )
    .name.split(' ')
    .at(-1)!;
  // The benchmark's texts (bench/src/run.ts), then the scopes and shapes it does not send.
  const texts = [
    'printer',
    'vpn settings',
    'canv',
    'eduroam working',
    surname,
    'Lindqvist',
    number.n,
  ];
  console.log(`search (${reps} runs each)`);
  for (const q of texts) await time(`staff   "${q}"`, () => search(db, q, {}));
  await time(`staff   "printer" page 2`, () => search(db, 'printer', {}, true));
  await time(`staff   "zzqx" (no match)`, () => search(db, 'zzqx', {}));
  await time(`staff   "stopped working for" (3 common)`, () =>
    search(db, 'stopped working for', {}),
  );
  await time(`staff   "p" (one letter)`, () => search(db, 'p', {}));
  for (const q of ['printer', surname])
    await time(`customer "${q}"`, () => search(db, q, { customerId: customer.id }));
  if (partner)
    for (const q of ['printer', surname])
      await time(`partner "${q}"`, () => search(db, q, { partnerTeamIds: [partner.id] }));
}

if (args.only !== 'search') {
  const team = one<{ id: number }>(
    `SELECT owner_team_id AS id FROM incidents GROUP BY owner_team_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const service = one<{ id: number }>(`SELECT id FROM services ORDER BY id LIMIT 1`);
  console.log(`queue grid, team ${team.id} (${reps} runs each)`);
  for (const sort of queueSorts)
    for (const [name, filter] of [
      ['service', { statuses: queueStatuses(undefined), serviceId: service.id }],
      ['in_progress', { statuses: queueStatuses('in_progress') }],
    ] as const)
      for (const dir of ['asc', 'desc'] as const)
        await time(
          `grid ${sort} ${dir} + ${name}`,
          async () =>
            (
              await queueGridRepository.page(db, {
                teamId: team.id,
                sort,
                dir,
                limit: 25,
                ...filter,
              })
            ).items.length,
        );
}
db.$client.close();
