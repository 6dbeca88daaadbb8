import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStatuses, queueSorts } from '@handoff/domain';
import { createTestDb, type TestDb } from '../testing';
import * as queueGrid from './queue-grid';

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.close());

/** The plan SQLite picks for one grid page, as its EXPLAIN QUERY PLAN lines. */
function planOf(f: Parameters<typeof queueGrid.page>[1]): string {
  const sqlite = t.db.$client;
  const original = sqlite.prepare.bind(sqlite);
  let captured = '';
  // Record the statement the page runs, then explain it with the same parameters.
  sqlite.prepare = (source: string) => {
    if (source.includes('from "incidents"')) captured = source;
    return original(source);
  };
  try {
    queueGrid.page(t.db, f);
  } finally {
    sqlite.prepare = original;
  }
  const params = [
    f.teamId,
    ...(f.statuses ?? []),
    ...(f.serviceId ? [f.serviceId] : []),
    f.limit + 1,
  ];
  return (original(`EXPLAIN QUERY PLAN ${captured}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('queue grid pages walk an index in sort order', () => {
  test.each(queueSorts)('sort by %s, open incidents of one team: no sort step', (sort) => {
    const plan = planOf({ teamId: 1, statuses: openStatuses, sort, dir: 'asc', limit: 25 });
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(/incidents USING (INDEX|COVERING INDEX|INTEGER PRIMARY KEY)/);
  });

  test.each(queueSorts)('sort by %s with a service filter: no sort step', (sort) => {
    const plan = planOf({ teamId: 1, statuses: null, serviceId: 2, sort, dir: 'desc', limit: 25 });
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
