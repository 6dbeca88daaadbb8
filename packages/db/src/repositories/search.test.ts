import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { createIncident, parseSearchQuery, type Actor } from '@handoff/domain';
import { createDb, migrateDb, type Db } from '../client';
import { incidents, journalEntries } from '../schema';
import { createTestDb, demoKeys, incidentRows, migrationsFolder, type TestDb } from '../testing';
import { buildCustomer } from '../testing/builders';
import * as searchRepository from './search';
import * as userRepository from './user';

let t: TestDb;
let db: Db;
let l1: Actor;
beforeEach(async () => {
  t = createTestDb();
  db = t.db;
  l1 = (await userRepository.findActorById(
    db,
    (await userRepository.findByEmail(db, 'l1@handoff.test'))!.id,
  ))!;
});
afterEach(() => t.close());

let tick = 0;
const at = () => new Date(Date.parse('2026-11-25T09:00:00.000Z') + 60_000 * tick++).toISOString();

function create(callerName: string, description: string) {
  return incidentRows.create(
    db,
    createIncident({
      input: {
        callerName,
        callerPhone: '608-555-0100',
        serviceId: demoKeys(db).service('DoIT Departmental Support').id,
        description,
        channel: 'phone',
      },
      actor: l1,
      now: at(),
      ownerTeamId: l1.teamIds[0]!,
    }),
  );
}

const terms = (text: string) => {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};
const numbersFor = async (text: string) =>
  (await searchRepository.searchIncidents(db, { search: terms(text), limit: 50 })).items.map(
    (i) => i.number,
  );

describe('the search index follows every write', () => {
  test('a new incident is found by caller and by a word of its description, prefix included', async () => {
    const row = create('Quentin Zybrowski', 'Plotter refuses the xylograph job.');
    expect(await numbersFor('zybrowski')).toEqual([row.number]);
    expect(await numbersFor('zybr')).toEqual([row.number]);
    expect(await numbersFor('xylograph quentin')).toEqual([row.number]);
  });

  test('an edited description is re-indexed and the old words no longer match', async () => {
    const row = create('Quentin Zybrowski', 'Plotter refuses the xylograph job.');
    db.update(incidents)
      .set({ description: 'Quokka screen flickers.' })
      .where(eq(incidents.id, row.id))
      .run();
    expect(await numbersFor('xylograph')).toEqual([]);
    expect(await numbersFor('quokka')).toEqual([row.number]);
  });

  test('a status change leaves the index as it was (the update trigger watches text columns only)', async () => {
    const row = create('Quentin Zybrowski', 'Plotter refuses the xylograph job.');
    db.update(incidents).set({ status: 'in_progress' }).where(eq(incidents.id, row.id)).run();
    expect(await numbersFor('xylograph')).toEqual([row.number]);
  });

  test('a journal entry is searchable as soon as it is written, and a rolled-back one never is', async () => {
    const row = create('Quentin Zybrowski', 'Plotter refuses the job.');
    db.insert(journalEntries)
      .values({
        incidentId: row.id,
        kind: 'note',
        visibility: 'internal',
        body: 'Replaced the zarfwidget.',
        createdAt: at(),
      })
      .run();
    expect(await numbersFor('zarfwidget')).toEqual([row.number]);
    expect(() =>
      db.transaction((tx) => {
        tx.insert(journalEntries)
          .values({
            incidentId: row.id,
            kind: 'note',
            visibility: 'internal',
            body: 'Wombatcable swap.',
            createdAt: at(),
          })
          .run();
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(await numbersFor('wombatcable')).toEqual([]);
  });

  // A customer with few cases is searched row by row (the small-scope plan); one with more than
  // smallScopeLimit walks the index. Both keep the same bound.
  test.each([
    ['a few cases (small-scope plan)', 0],
    ['many cases (index walk)', searchRepository.smallScopeLimit + 1],
  ])(
    'a customer scope never matches internal notes or the computer name: %s',
    async (_, filler) => {
      const customer = await buildCustomer(db);
      fillCustomerCases(customer.id, filler);
      const row = create('Quentin Zybrowski', 'Plotter refuses the job.');
      db.update(incidents)
        .set({ computerName: 'ZEPHYRBOX', customerId: customer.id })
        .where(eq(incidents.id, row.id))
        .run();
      db.insert(journalEntries)
        .values({
          incidentId: row.id,
          kind: 'note',
          visibility: 'internal',
          body: 'Zarfwidget is flaky.',
          createdAt: at(),
        })
        .run();
      const asCustomer = async (text: string) =>
        (
          await searchRepository.searchIncidents(db, {
            search: terms(text),
            customerId: customer.id,
            limit: 5,
          })
        ).items.length;
      expect(await asCustomer('zarfwidget')).toBe(0);
      expect(await asCustomer('zephyrbox')).toBe(0);
      expect(await asCustomer('zybrowski')).toBe(1);
      expect(await numbersFor('zephyrbox')).toEqual([row.number]);
    },
  );
});

/** Adds `n` unrelated incidents of customer `customerId` (one statement, fast). */
function fillCustomerCases(customerId: number, n: number) {
  if (n === 0) return;
  db.$client
    .prepare(
      `WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < ?)
       INSERT INTO incidents (number, caller_name, channel, service_id, description, status,
         owner_team_id, customer_id, promises, version, created_by_id, created_at, updated_at)
       SELECT 'FILL-' || x, caller_name, channel, service_id, 'Unrelated filler', status,
         owner_team_id, ?, '{}', 1, created_by_id, created_at, updated_at
       FROM k, (SELECT * FROM incidents ORDER BY id LIMIT 1)`,
    )
    .run(n, customerId);
}

describe('the migration', () => {
  test('indexes the incidents and journal entries that existed before it', async () => {
    // Migrate a fresh file with every migration but the search index, add data, then apply the rest.
    const dir = mkdtempSync(join(tmpdir(), 'handoff-search-mig-'));
    try {
      const older = join(dir, 'migrations');
      cpSync(migrationsFolder, older, { recursive: true });
      const journalPath = join(older, 'meta/_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
        entries: { idx: number; tag: string }[];
      };
      const searchIdx = journal.entries.find((e) => e.tag === '0010_search_index')!.idx;
      // The migrator applies only migrations newer than the last one applied: keep all before it.
      journal.entries = journal.entries.filter((e) => e.idx < searchIdx);
      writeFileSync(journalPath, JSON.stringify(journal));
      const old = createDb(join(dir, 'old.db'));
      migrateDb(old, older);
      // Rows as the schema of that time had them (raw SQL: later columns are not there yet), with
      // made-up ids and number in this empty file.
      old.$client.exec(`
        INSERT INTO teams (id, name, kind) VALUES (1, 'Desk', 'helpdesk');
        INSERT INTO services (id, name, category, subcategory) VALUES (1, 'PICK 5', 'General', 'Other');
        INSERT INTO incidents (id, number, caller_name, channel, service_id, description, status,
          owner_team_id, created_at, updated_at)
          VALUES (1, 'INC-424242', 'Olwen Featherstonehaugh', 'phone', 1, 'Quillpen driver missing.',
          'new', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
        INSERT INTO journal_entries (incident_id, kind, visibility, body, created_at)
          VALUES (1, 'note', 'internal', 'Reinstalled the marmalade codec.', '2026-01-01T00:00:00Z');
      `);
      expect(() => old.$client.prepare('SELECT * FROM incidents_fts').all()).toThrow();
      migrateDb(old, migrationsFolder);
      for (const q of ['featherstone', 'quillpen', 'marmalade'])
        expect(
          (await searchRepository.searchIncidents(old, { search: terms(q), limit: 5 })).items.map(
            (i) => i.number,
          ),
        ).toEqual(['INC-424242']);
      old.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ranking and snippets', () => {
  test('tiers: number or person fields, then the description, then the journal; newest first in each', async () => {
    const inJournal = create('Ann Other', 'Screen flickers.');
    db.insert(journalEntries)
      .values({
        incidentId: inJournal.id,
        kind: 'note',
        visibility: 'internal',
        body: 'Called Vexley back.',
        createdAt: at(),
      })
      .run();
    const olderName = create('Morgan Vexley', 'Printer jam.');
    const inDescription = create('Ann Other', 'On behalf of Vexley.');
    const newerName = create('Robin Vexley', 'Toner.');
    const hits = (
      await searchRepository.searchIncidents(db, { search: terms('vexley'), limit: 10 })
    ).items;
    expect(hits.map((h) => [h.number, h.rank, h.matchedIn])).toEqual([
      [newerName.number, searchRepository.matchTiers.people, 'incident'],
      [olderName.number, searchRepository.matchTiers.people, 'incident'],
      [inDescription.number, searchRepository.matchTiers.incident, 'incident'],
      [inJournal.number, searchRepository.matchTiers.journal, 'journal'],
    ]);
  });

  test('an incident matching in its fields and its journal is listed once, by its best tier', async () => {
    const row = create('Morgan Vexley', 'Printer jam.');
    db.insert(journalEntries)
      .values({
        incidentId: row.id,
        kind: 'note',
        visibility: 'internal',
        body: 'Vexley called.',
        createdAt: at(),
      })
      .run();
    const hits = (
      await searchRepository.searchIncidents(db, { search: terms('vexley'), limit: 10 })
    ).items;
    expect(hits.map((h) => [h.number, h.matchedIn])).toEqual([[row.number, 'incident']]);
  });

  test('the typed last word matches words it begins; earlier words only whole', async () => {
    const row = create('Quentin Zybrowski', 'Plotters refuse the xylographs.');
    expect(await numbersFor('xylograph')).toEqual([row.number]);
    expect(await numbersFor('plotter xylographs')).toEqual([]);
    expect(await numbersFor('plotters xylograph')).toEqual([row.number]);
  });

  test('whole words first: with a full window of whole-word matches, prefix-only ones wait', async () => {
    const prefixOnly = create('Quentin Zybrowski', 'Zarfwidgets everywhere.');
    db.$client
      .prepare(
        `WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < ?)
         INSERT INTO incidents (number, caller_name, channel, service_id, description, status,
           owner_team_id, promises, version, created_by_id, created_at, updated_at)
         SELECT 'WHOLE-' || x, 'Caller', channel, service_id, 'One zarfwidget', status,
           owner_team_id, '{}', 1, created_by_id, created_at, updated_at
         FROM k, (SELECT * FROM incidents ORDER BY id LIMIT 1)`,
      )
      .run(searchRepository.rankingWindow);
    const page = await searchRepository.searchIncidents(db, {
      search: terms('zarfwidget'),
      limit: 5,
    });
    expect(page.capped).toBe(true);
    expect(page.items.every((i) => i.number.startsWith('WHOLE-'))).toBe(true);
    // With fewer whole-word matches than a window the prefix is searched too.
    db.$client.prepare(`DELETE FROM incidents WHERE number LIKE 'WHOLE-%'`).run();
    expect(await numbersFor('zarfwidget')).toEqual([prefixOnly.number]);
  });

  test('a match in the caller name outranks one in the description', async () => {
    const inDescription = create('Ann Other', 'Called on behalf of Vexley about the printer.');
    const inName = create('Morgan Vexley', 'Printer jam.');
    expect(await numbersFor('vexley')).toEqual([inName.number, inDescription.number]);
  });

  test('the snippet marks the matched words', async () => {
    create('Ann Other', 'The <b>xylograph</b> printer is stuck.');
    const [hit] = (
      await searchRepository.searchIncidents(db, {
        search: terms('xylograph'),
        limit: 5,
      })
    ).items;
    expect(hit?.snippet).toContain('\uE000xylograph\uE001');
    expect(hit?.matchedIn).toBe('incident');
  });

  test('keyset pages cover every match once', async () => {
    const made = Array.from(
      { length: 7 },
      (_, i) => create(`Caller ${i}`, `Quasar tool ${i}`).number,
    );
    const seen: string[] = [];
    let cursor: { rank: number; id: number } | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await searchRepository.searchIncidents(db, {
        search: terms('quasar'),
        limit: 3,
        cursor,
      });
      seen.push(...r.items.map((i) => i.number));
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    expect(seen.sort()).toEqual(made.sort());
  });
});

describe('the plan', () => {
  /** The query plans of every statement one search runs. */
  async function plansOf(run: () => unknown): Promise<string[]> {
    const sqlite = db.$client;
    const original = sqlite.prepare.bind(sqlite);
    const plans: string[] = [];
    sqlite.prepare = ((source: string) => {
      const statement = original(source);
      if (!/_fts MATCH/.test(source)) return statement;
      const all = statement.all.bind(statement);
      statement.all = (...args: unknown[]) => {
        const rows = original(`EXPLAIN QUERY PLAN ${source}`).all(...args) as { detail: string }[];
        plans.push(rows.map((r) => r.detail).join(' / '));
        return all(...args);
      };
      return statement;
    }) as typeof sqlite.prepare;
    try {
      await run();
    } finally {
      sqlite.prepare = original;
    }
    return plans;
  }

  // With a filter the planner might rather walk the incidents by their status index and look each
  // one up in the index (one MATCH per incident: a prefix MATCH re-reads its doclist every time).
  // CROSS JOIN keeps the FTS5 walk outermost and newest first, whatever the statistics say.
  test('a filtered search walks each FTS5 index first, newest first, incidents looked up per match', async () => {
    create('Quentin Zybrowski', 'Plotter refuses the xylograph job.');
    db.$client.exec('ANALYZE');
    const plans = await plansOf(() =>
      searchRepository.searchIncidents(db, {
        search: terms('xylograph'),
        status: 'new',
        teamId: l1.teamIds[0],
        limit: 5,
      }),
    );
    const walks = [...new Set(plans)].filter((p) => / (f|jf) VIRTUAL TABLE/.test(p));
    expect(walks).toHaveLength(2);
    // The index outermost, the rows looked up by key per match, no sort step (newest first from the index).
    expect(walks[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX \d+:M\d+ \/ SEARCH i USING [^/]*$/);
    expect(walks[1]).toMatch(
      /^SCAN jf VIRTUAL TABLE INDEX \d+:M\d+ \/ SEARCH j USING INTEGER PRIMARY KEY \(rowid=\?\) \/ SEARCH i USING [^/]*$/,
    );
    for (const p of walks) expect(p).not.toMatch(/TEMP B-TREE/);
  });
});

// Migration 0021: the server's own `system` entries are not indexed (their words are on every
// incident); what people write is. An external-content FTS5 index must never be told to delete a row
// it does not hold, so every trigger carries the same condition; `integrity-check` proves it.
describe('system journal entries', () => {
  /**
   * The index is whole and holds exactly the entries that are not `system`. FTS5's own check cannot
   * compare a partial index with its content table, and a 'delete' of a row it never held goes
   * unnoticed by it, but not by the row count in the index's averages record (id 1, a varint first).
   */
  const integrityCheck = (on: Db = db) => {
    on.$client.exec(`INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 0)`);
    const { block } = on.$client
      .prepare(`SELECT block FROM journal_fts_data WHERE id = 1`)
      .get() as {
      block: Buffer;
    };
    let indexed = 0;
    for (const byte of block) {
      indexed = indexed * 128 + (byte & 0x7f);
      if (byte < 0x80) break;
    }
    const { expected } = on.$client
      .prepare(`SELECT count(*) AS expected FROM journal_entries WHERE kind <> 'system'`)
      .get() as { expected: number };
    expect(indexed).toBe(expected);
  };
  const journal = (
    incidentId: number,
    kind: 'system' | 'note',
    body: string,
    visibility = 'internal' as const,
  ) =>
    Number(
      db
        .insert(journalEntries)
        .values({ incidentId, kind, visibility, body, createdAt: at() })
        .run().lastInsertRowid,
    );

  test('are not found; a note with the same words is', async () => {
    const quiet = create('Quentin Zybrowski', 'Plotter refuses the job.');
    const noted = create('Quentin Zybrowski', 'Plotter refuses the job.');
    journal(quiet.id, 'system', 'Escalated to the zarfwidget desk.');
    expect(await numbersFor('zarfwidget')).toEqual([]);
    journal(noted.id, 'note', 'Asked the zarfwidget desk.');
    expect(await numbersFor('zarfwidget')).toEqual([noted.number]);
    integrityCheck();
  });

  test.each([
    ['a few cases (small-scope plan)', 0],
    ['many cases (index walk)', searchRepository.smallScopeLimit + 1],
  ])('are not found by the customer either, even when shown to them: %s', async (_, filler) => {
    const customer = await buildCustomer(db);
    fillCustomerCases(customer.id, filler);
    const row = create('Quentin Zybrowski', 'Plotter refuses the job.');
    db.update(incidents).set({ customerId: customer.id }).where(eq(incidents.id, row.id)).run();
    db.insert(journalEntries)
      .values({
        incidentId: row.id,
        kind: 'system',
        visibility: 'customer',
        body: 'We received your zarfwidget case.',
        createdAt: at(),
      })
      .run();
    const asCustomer = async (text: string) =>
      (
        await searchRepository.searchIncidents(db, {
          search: terms(text),
          customerId: customer.id,
          limit: 5,
        })
      ).items;
    expect(await asCustomer('zarfwidget')).toEqual([]);
  });

  test('deleting or editing entries of either kind keeps the index whole', async () => {
    const row = create('Quentin Zybrowski', 'Plotter refuses the job.');
    const system = journal(row.id, 'system', 'Routed by the zarfwidget rule.');
    const note = journal(row.id, 'note', 'Checked the wombatcable.');
    // A system entry edited stays out; turned into a note it comes in; a note turned system goes out.
    db.update(journalEntries)
      .set({ body: 'Routed by the quokka rule.' })
      .where(eq(journalEntries.id, system))
      .run();
    expect(await numbersFor('quokka')).toEqual([]);
    db.update(journalEntries).set({ kind: 'note' }).where(eq(journalEntries.id, system)).run();
    expect(await numbersFor('quokka')).toEqual([row.number]);
    db.update(journalEntries).set({ kind: 'system' }).where(eq(journalEntries.id, note)).run();
    expect(await numbersFor('wombatcable')).toEqual([]);
    integrityCheck();
    db.delete(journalEntries).where(eq(journalEntries.id, note)).run();
    db.delete(journalEntries).where(eq(journalEntries.id, system)).run();
    expect(await numbersFor('quokka')).toEqual([]);
    integrityCheck();
  });

  test('the migration takes the system entries indexed before it out, keeps the rest, merges 16 at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-search-mig21-'));
    try {
      const older = join(dir, 'migrations');
      cpSync(migrationsFolder, older, { recursive: true });
      const journalPath = join(older, 'meta/_journal.json');
      const meta = JSON.parse(readFileSync(journalPath, 'utf8')) as {
        entries: { idx: number; tag: string }[];
      };
      const idx = meta.entries.find((e) => e.tag.endsWith('_search_skips_system_entries'))!.idx;
      meta.entries = meta.entries.filter((e) => e.idx < idx);
      writeFileSync(journalPath, JSON.stringify(meta));
      const old = createDb(join(dir, 'old.db'));
      migrateDb(old, older);
      old.$client.exec(`
        INSERT INTO teams (name, kind) VALUES ('Desk 21', 'helpdesk');
        INSERT INTO services (name, category, subcategory) VALUES ('PICK 21', 'General', 'Other');
      `);
      const teamId = (
        old.$client.prepare(`SELECT id FROM teams WHERE name = 'Desk 21'`).get() as { id: number }
      ).id;
      const serviceId = (
        old.$client.prepare(`SELECT id FROM services WHERE name = 'PICK 21'`).get() as {
          id: number;
        }
      ).id;
      const incidentId = Number(
        old.$client
          .prepare(
            `INSERT INTO incidents (number, caller_name, channel, service_id, description, status,
              owner_team_id, created_at, updated_at)
             VALUES ('INC-900021', 'Olwen Featherstonehaugh', 'phone', ?, 'Quillpen driver missing.',
              'new', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
          )
          .run(serviceId, teamId).lastInsertRowid,
      );
      const entry = old.$client.prepare(
        `INSERT INTO journal_entries (incident_id, kind, visibility, body, created_at)
         VALUES (?, ?, 'internal', ?, '2026-01-01T00:00:00Z')`,
      );
      entry.run(incidentId, 'system', 'Routed by the zarfwidget rule.');
      entry.run(incidentId, 'note', 'Reinstalled the marmalade codec.');
      const find = async (q: string) =>
        (await searchRepository.searchIncidents(old, { search: terms(q), limit: 5 })).items.map(
          (i) => i.number,
        );
      expect(await find('zarfwidget')).toEqual(['INC-900021']);
      migrateDb(old, migrationsFolder);
      expect(await find('zarfwidget')).toEqual([]);
      expect(await find('marmalade')).toEqual(['INC-900021']);
      integrityCheck(old);
      for (const table of ['incidents_fts', 'journal_fts'])
        expect(
          old.$client.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).get(),
        ).toEqual({ v: 16 });
      old.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
