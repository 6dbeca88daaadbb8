import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { incidentStatuses, openStatuses, queueSorts, type QueueSort } from '@handoff/domain';
import { createTestDb, type TestDb } from '../testing';
import * as queueGrid from './queue-grid';
import millionStats from './queue-grid.stats-1m.json';

let t: TestDb;
let teamId: number;
let serviceId: number;
beforeAll(() => {
  t = createTestDb();
  const sqlite = t.db.$client;
  const first = sqlite
    .prepare(
      `SELECT owner_team_id AS teamId, service_id AS serviceId FROM incidents ORDER BY id LIMIT 1`,
    )
    .get() as { teamId: number; serviceId: number };
  ({ teamId, serviceId } = first);
  // Enough of one team's incidents of one service that a filtered page walks the sort's index
  // (sortStepLimit matches), spread over the statuses and promises the sorts read.
  const copy = sqlite.prepare(
    `INSERT INTO incidents (number, caller_name, channel, service_id, description, status, owner_team_id,
       owner_agent_id, promises, version, created_by_id, created_at, updated_at, sla_due_at)
     SELECT ?, caller_name, channel, ?, description, ?, ?, NULL, ?, 1, created_by_id, created_at, updated_at, ?
     FROM incidents ORDER BY id LIMIT 1`,
  );
  const copies = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++)
      copy.run(
        `INC-9${String(i).padStart(5, '0')}`,
        i % 3 === 0 ? serviceId : serviceId + 1,
        incidentStatuses[i % incidentStatuses.length],
        teamId,
        i % 2
          ? JSON.stringify({ contactBy: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString() })
          : '{}',
        i % 4 ? new Date(Date.UTC(2026, 11, 2, 0, i)).toISOString() : null,
      );
  });
  copies(3 * (queueGrid.sortStepLimit + 50));
}, 60_000);
afterAll(() => t.close());

/**
 * Makes the planner see the statistics of a million-incident database (ANALYZE's sqlite_stat1 and
 * sqlite_stat4 rows of the benchmark's seed at 1M, in queue-grid.stats-1m.json): with them, and without `+column`, a filtered page collected every match of the
 * filter's index and sorted them (half a second at a million).
 */
function atAMillion() {
  const sqlite = t.db.$client;
  sqlite.exec('ANALYZE');
  sqlite.exec(`DELETE FROM sqlite_stat1 WHERE tbl = 'incidents'`);
  sqlite.exec(`DELETE FROM sqlite_stat4 WHERE tbl = 'incidents'`);
  const stat1 = sqlite.prepare(
    `INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('incidents', ?, ?)`,
  );
  for (const r of millionStats.stat1) stat1.run(r.idx, r.stat);
  const stat4 = sqlite.prepare(
    `INSERT INTO sqlite_stat4 (tbl, idx, neq, nlt, ndlt, sample) VALUES ('incidents', ?, ?, ?, ?, unhex(?))`,
  );
  for (const r of millionStats.stat4) stat4.run(r.idx, r.neq, r.nlt, r.ndlt, r.sample);
  sqlite.exec('ANALYZE sqlite_schema');
}

/** The plan SQLite picks for the page query (not the probe) of one grid page. */
async function planOf(f: Parameters<typeof queueGrid.page>[1]): Promise<string> {
  const sqlite = t.db.$client;
  const original = sqlite.prepare.bind(sqlite);
  let captured: { source: string; args: unknown[] } | undefined;
  sqlite.prepare = ((source: string) => {
    const statement = original(source);
    if (!source.includes('order by')) return statement;
    const all = statement.all.bind(statement);
    statement.all = (...args: unknown[]) => {
      captured = { source, args };
      return all(...args);
    };
    return statement;
  }) as typeof sqlite.prepare;
  try {
    await queueGrid.page(t.db, f);
  } finally {
    sqlite.prepare = original;
  }
  return (
    original(`EXPLAIN QUERY PLAN ${captured!.source}`).all(...captured!.args) as {
      detail: string;
    }[]
  )
    .map((r) => r.detail)
    .join('\n');
}

/** Every page of the grid, following its cursors. */
async function allPages(
  f: Omit<Parameters<typeof queueGrid.page>[1], 'cursor' | 'limit'>,
): Promise<number[]> {
  const ids: number[] = [];
  let cursor: { key: string | number; id: number } | undefined;
  for (;;) {
    const page = await queueGrid.page(t.db, { ...f, cursor, limit: 50 });
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}

/** The same rows sorted in JavaScript, for comparison. */
function expected(sort: QueueSort, dir: 'asc' | 'desc', where: (r: Row) => boolean): number[] {
  const column = {
    age: 'id',
    promise: 'next_promise_at',
    status: 'status',
    service: 'service_id',
    owner: 'owner_sort_id',
    breach: 'next_breach_at',
  }[sort];
  const rows = t.db.$client
    .prepare(
      `SELECT id, status, service_id AS serviceId, ${column} AS k FROM incidents WHERE owner_team_id = ?`,
    )
    .all(teamId) as Row[];
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .filter(where)
    .sort((a, b) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : a.id - b.id))
    .map((r) => r.id);
}
interface Row {
  id: number;
  status: string;
  serviceId: number;
  k: string | number;
}

describe('queue grid pages walk an index in sort order', () => {
  test.each(queueSorts)('sort by %s, open incidents of one team: no sort step', async (sort) => {
    const plan = await planOf({ teamId, statuses: openStatuses, sort, dir: 'asc', limit: 25 });
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(/incidents USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)/);
  });

  test.each(queueSorts)(
    'at a million incidents, sort by %s with a service filter matching many: the sort index, no sort step',
    async (sort) => {
      atAMillion();
      const plan = await planOf({
        teamId,
        statuses: null,
        serviceId,
        sort,
        dir: 'desc',
        limit: 25,
      });
      expect(plan).not.toMatch(/TEMP B-TREE/);
    },
  );

  test.each(queueSorts.filter((s) => s !== 'status'))(
    'at a million incidents, sort by %s of open incidents with a service filter: no sort step',
    async (sort) => {
      atAMillion();
      const plan = await planOf({
        teamId,
        statuses: openStatuses,
        serviceId,
        sort,
        dir: 'asc',
        limit: 25,
      });
      expect(plan).not.toMatch(/TEMP B-TREE/);
    },
  );

  // Both ways of answering a page (few matches: the filter's index and a sort; many: the sort's
  // index) give every matching row once, in the sort's order, across pages.
  test.each(
    queueSorts.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)),
  )(
    'sort by %s %s: the pages hold exactly the filtered rows in order, whichever index answers',
    async (sort, dir) => {
      const many = await allPages({ teamId, statuses: openStatuses, serviceId, sort, dir });
      expect(many.length).toBeGreaterThanOrEqual(queueGrid.sortStepLimit / 3);
      expect(many).toEqual(
        expected(
          sort,
          dir,
          (r) =>
            (openStatuses as readonly string[]).includes(r.status) && r.serviceId === serviceId,
        ),
      );
      const few = await allPages({ teamId, statuses: ['resolved'], serviceId, sort, dir });
      expect(few.length).toBeLessThan(queueGrid.sortStepLimit);
      expect(few).toEqual(
        expected(sort, dir, (r) => r.status === 'resolved' && r.serviceId === serviceId),
      );
    },
  );
});

describe('per-status counts', () => {
  /** The team's per-status counts by scanning its rows, for comparison with the kept ones. */
  const scanned = (team = teamId) =>
    Object.fromEntries(
      (
        t.db.$client
          .prepare(
            `SELECT status, count(*) AS n FROM incidents WHERE owner_team_id = ? GROUP BY status`,
          )
          .all(team) as { status: string; n: number }[]
      ).map((r) => [r.status, r.n]),
    );

  test('the kept counts equal a count of the rows after inserts, status and team changes and deletes', async () => {
    expect(await queueGrid.countsByStatus(t.db, { teamId })).toEqual(scanned());
    const sqlite = t.db.$client;
    const other = (
      sqlite.prepare(`SELECT id FROM teams WHERE id <> ? LIMIT 1`).get(teamId) as { id: number }
    ).id;
    const ids = (
      sqlite
        .prepare(`SELECT id FROM incidents WHERE owner_team_id = ? ORDER BY id DESC LIMIT 30`)
        .all(teamId) as { id: number }[]
    ).map((r) => r.id);
    sqlite
      .prepare(
        `UPDATE incidents SET status = 'resolved' WHERE id IN (${ids.slice(0, 10).join(',')})`,
      )
      .run();
    sqlite
      .prepare(
        `UPDATE incidents SET owner_team_id = ? WHERE id IN (${ids.slice(10, 20).join(',')})`,
      )
      .run(other);
    // Changing another column moves no count.
    sqlite
      .prepare(`UPDATE incidents SET description = 'edited', version = version + 1 WHERE id = ?`)
      .run(ids[25]);
    sqlite.prepare(`DELETE FROM incidents WHERE id IN (${ids.slice(20, 25).join(',')})`).run();
    expect(await queueGrid.countsByStatus(t.db, { teamId })).toEqual(scanned());
    expect(await queueGrid.countsByStatus(t.db, { teamId: other })).toEqual(scanned(other));
  });

  test('a partner agent’s bound is counted from their groups’ tickets, not the team’s counts', async () => {
    expect(await queueGrid.countsByStatus(t.db, { teamId, partnerTeamIds: [] })).toEqual({});
  });
});
