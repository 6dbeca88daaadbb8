// Migration 0026 (search_index_optimize): after a bulk rebuild (0021's, or any), each search index is
// merged into one segment, so a later create's merging never rewrites the rebuilt index inside its
// transaction. FTS5 keeps one `%_idx` row per leaf page of a segment: distinct segids are segments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDb, migrationsFolder, type TestDb } from '../testing';

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.close());

const segments = (table: string) =>
  (
    t.db.$client.prepare(`SELECT count(DISTINCT segid) AS n FROM ${table}_idx`).get() as {
      n: number;
    }
  ).n;
const matches = (table: string, q: string) =>
  (
    t.db.$client
      .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`)
      .all(q) as {
      rowid: number;
    }[]
  ).map((r) => r.rowid);

test('the migration merges each search index into one segment and finds the same rows', () => {
  const sqlite = t.db.$client;
  const { id: incidentId } = sqlite
    .prepare(`SELECT id FROM incidents ORDER BY id LIMIT 1`)
    .get() as {
    id: number;
  };
  // Forty entries in forty transactions: forty new segments, more than automerge folds away at once.
  const insert = sqlite.prepare(
    `INSERT INTO journal_entries (incident_id, kind, visibility, body, created_at)
     VALUES (?, 'note', 'internal', ?, '2026-11-24T16:00:00.000Z')`,
  );
  for (let i = 0; i < 40; i++) insert.run(incidentId, `Rebooted the zebraprinter ${i}`);
  expect(segments('journal_fts')).toBeGreaterThan(1);
  const before = {
    journal: matches('journal_fts', 'zebraprinter'),
    incidents: matches('incidents_fts', 'inc*'),
  };
  expect(before.journal).toHaveLength(40);
  expect(before.incidents.length).toBeGreaterThan(0);

  const migration = readFileSync(join(migrationsFolder, '0026_search_index_optimize.sql'), 'utf8');
  const statements = migration
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
  expect(statements).toHaveLength(2);
  for (const statement of statements) sqlite.exec(statement);

  expect([segments('incidents_fts'), segments('journal_fts')]).toEqual([1, 1]);
  expect({
    journal: matches('journal_fts', 'zebraprinter'),
    incidents: matches('incidents_fts', 'inc*'),
  }).toEqual(before);
  for (const table of ['incidents_fts', 'journal_fts'])
    sqlite.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
});
