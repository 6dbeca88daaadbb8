import { afterEach, describe, expect, test } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { buildIncident, buildTeam } from '../testing/builders';
import { journalEntries, teams } from '../schema';
import { insertReturning, insertRow } from './prepared-insert';

let t: TestDb;
afterEach(() => t.close());

const raw = (sql: string, ...params: unknown[]) =>
  t.db.$client.prepare(sql).get(...params) as Record<string, unknown>;

describe('prepared inserts: the same rows an unprepared drizzle insert writes', () => {
  test('a null in a json column is SQL NULL, not the text "null"; a value is its JSON', async () => {
    t = createTestDb({ seed: false });
    const incident = await buildIncident(t.db);
    const entry = {
      incidentId: incident.id,
      kind: 'note' as const,
      visibility: 'internal' as const,
      body: 'first',
      createdAt: '2026-12-01T10:00:00Z',
    };
    insertRow(t.db, journalEntries, { ...entry, data: null });
    insertRow(t.db, journalEntries, { ...entry, body: 'second', data: { a: 1 } });
    insertRow(t.db, journalEntries, { ...entry, body: 'third', data: null });
    expect(raw(`select count(*) n from journal_entries where data is null`).n).toBe(2);
    expect(raw(`select data from journal_entries where body = 'second'`).data).toBe('{"a":1}');
  });

  test('rows of different shapes use their own statements; a left-out key takes its default', async () => {
    t = createTestDb({ seed: false });
    const a = insertReturning<typeof teams.$inferSelect>(t.db, teams, {
      name: 'Alpha',
      kind: 'support',
    });
    const b = insertReturning<typeof teams.$inferSelect>(t.db, teams, {
      name: 'Beta',
      kind: 'support',
      notify: 'nobody',
    });
    const c = insertReturning<typeof teams.$inferSelect>(t.db, teams, {
      name: 'Gamma',
      kind: 'support',
      notify: undefined,
    });
    const fresh = await buildTeam(t.db, { name: 'Delta', kind: 'support' });
    expect([a.name, b.name, c.name]).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(b.notify).toBe('nobody');
    expect(a.notify).toBe(fresh.notify);
    expect(c.notify).toBe(fresh.notify);
    expect(new Set([a.id, b.id, c.id, fresh.id]).size).toBe(4);
  });
});
