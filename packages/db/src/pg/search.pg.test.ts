// searchIncidentsPg: the cases of repositories/search.test.ts on PostgreSQL (scope, ranking order,
// prefixes, snippets, pages) plus the input a person can type that must never become tsquery syntax.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { parseSearchQuery } from '@handoff/domain';
import { matchTiers, rankingWindow, type SearchFilter } from '../repositories/search';
import { pgReader } from '../reader';
import { buildCustomer, buildIncident, buildService, buildTeam } from '../testing/builders';
import { incidents, journalEntries, organisations, partnerTickets, problems } from '../schema-pg';
import {
  findNumberInScopePg,
  searchIncidentsPg,
  searchProblemsAndOutagesPg,
  tsQueryText,
} from './search';
import { createPgTestDb, type PgTestDb } from './testing';

let t: PgTestDb;
let teamId: number;
let serviceId: number;
beforeAll(async () => {
  t = await createPgTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.execute(sql`TRUNCATE incidents, problems RESTART IDENTITY CASCADE`);
  teamId = (await buildTeam(pgReader(t.db))).id;
  serviceId = (await buildService(pgReader(t.db))).id;
});

let tick = 0;
const at = () => new Date(Date.parse('2026-11-25T09:00:00.000Z') + 60_000 * tick++).toISOString();

const create = (callerName: string, description: string, values = {}) =>
  buildIncident(pgReader(t.db), {
    callerName,
    description,
    ownerTeamId: teamId,
    serviceId,
    createdAt: at(),
    ...values,
  });

const note = (incidentId: number, body: string, visibility: 'internal' | 'customer' = 'internal') =>
  t.db
    .insert(journalEntries)
    .values({ incidentId, kind: 'note', visibility, body, createdAt: at() });

const terms = (text: string) => {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};
const search = (text: string, f: Partial<SearchFilter> = {}) =>
  searchIncidentsPg(t.db, { search: terms(text), limit: 50, ...f });
const numbersFor = async (text: string, f: Partial<SearchFilter> = {}) =>
  (await search(text, f)).items.map((i) => i.number);

describe('the search vectors follow every write', () => {
  test('a new incident is found by caller and by a word of its description, prefix included', async () => {
    const row = await create('Quentin Zybrowski', 'Plotter refuses the xylograph job.');
    expect(await numbersFor('zybrowski')).toEqual([row.number]);
    expect(await numbersFor('zybr')).toEqual([row.number]);
    expect(await numbersFor('xylograph quentin')).toEqual([row.number]);
  });

  test('an edited description is re-indexed and the old words no longer match', async () => {
    const row = await create('Quentin Zybrowski', 'Plotter refuses the xylograph job.');
    await t.db
      .update(incidents)
      .set({ description: 'Quokka screen flickers.' })
      .where(eq(incidents.id, row.id));
    expect(await numbersFor('xylograph')).toEqual([]);
    expect(await numbersFor('quokka')).toEqual([row.number]);
  });

  test('a journal entry is searchable once written, a rolled-back one never', async () => {
    const row = await create('Quentin Zybrowski', 'Plotter refuses the job.');
    await note(row.id, 'Replaced the zarfwidget.');
    expect(await numbersFor('zarfwidget')).toEqual([row.number]);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(journalEntries).values({
          incidentId: row.id,
          kind: 'note',
          visibility: 'internal',
          body: 'Wombatcable swap.',
          createdAt: at(),
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await numbersFor('wombatcable')).toEqual([]);
  });

  test("the server's own system entries are not matched, for staff or the customer (as SQLite's 0021)", async () => {
    const row = await create('Quentin Zybrowski', 'Plotter refuses the job.');
    await t.db.insert(journalEntries).values({
      incidentId: row.id,
      kind: 'system',
      visibility: 'customer',
      body: 'We received your zarfwidget case.',
      createdAt: at(),
    });
    expect(await numbersFor('zarfwidget')).toEqual([]);
    await note(row.id, 'Asked the zarfwidget desk.');
    expect(await numbersFor('zarfwidget')).toEqual([row.number]);
  });

  test('e-mail addresses, phone numbers and incident numbers match by their letter and digit runs', async () => {
    const row = await create('Ann Other', 'Printer.', {
      callerEmail: 'j.smith@wisc.edu',
      callerPhone: '608-555-0123',
    });
    expect(await numbersFor('smith')).toEqual([row.number]);
    expect(await numbersFor('j.smith@wisc')).toEqual([row.number]);
    expect(await numbersFor('555-01')).toEqual([row.number]);
    expect(await numbersFor(row.number.toLowerCase())).toEqual([row.number]);
    // Case folds beyond ASCII, and non-ASCII punctuation separates words, as in FTS5.
    const named = await create('JÖRG MÜLLER', 'Sent by O’Brien\u00a0today.');
    expect(await numbersFor('müller')).toEqual([named.number]);
    expect(await numbersFor('jörg mül')).toEqual([named.number]);
    expect(await numbersFor('brien today')).toEqual([named.number]);
  });
});

describe('scope', () => {
  test('a customer never matches internal notes or the computer name, only their own cases', async () => {
    const customer = await buildCustomer(pgReader(t.db));
    const other = await buildCustomer(pgReader(t.db));
    const row = await create('Quentin Zybrowski', 'Plotter refuses the job.', {
      computerName: 'ZEPHYRBOX',
      customerId: customer.id,
    });
    await create('Quentin Zybrowski', 'Someone else.', { customerId: other.id });
    await note(row.id, 'Zarfwidget is flaky.');
    await note(row.id, 'We sent the quibblecord.', 'customer');
    const asCustomer = async (text: string) =>
      (await search(text, { customerId: customer.id })).items.map((i) => i.number);
    expect(await asCustomer('zarfwidget')).toEqual([]);
    expect(await asCustomer('zephyrbox')).toEqual([]);
    expect(await asCustomer('zephyr')).toEqual([]);
    expect(await asCustomer('zybrowski')).toEqual([row.number]);
    expect(await asCustomer('quibblecord')).toEqual([row.number]);
    // Staff match the internal fields.
    expect(await numbersFor('zephyrbox')).toEqual([row.number]);
    expect(await numbersFor('zarfwidget')).toEqual([row.number]);
    // A customer with no record matches nothing.
    expect(await numbersFor('zybrowski', { customerId: -1 })).toEqual([]);
  });

  test("a partner agent finds only their groups' channel-partner tickets; Tier 2 finds all", async () => {
    const group = await buildTeam(pgReader(t.db), { kind: 'partner' });
    const otherGroup = await buildTeam(pgReader(t.db), { kind: 'partner' });
    const [org] = await t.db
      .insert(organisations)
      .values({ name: 'Partner org', partnerTeamId: group.id, createdAt: at() })
      .returning();
    const ours = await create('Vexley Partner', 'Ours.');
    const theirs = await create('Vexley Partner', 'Theirs.');
    const desk = await create('Vexley Desk', 'Not a partner ticket.');
    await t.db.insert(partnerTickets).values([
      { incidentId: ours.id, organisationId: org!.id, partnerTeamId: group.id },
      { incidentId: theirs.id, organisationId: org!.id, partnerTeamId: otherGroup.id },
    ]);
    expect(await numbersFor('vexley', { partnerTeamIds: [group.id] })).toEqual([ours.number]);
    expect(await numbersFor('vexley', { partnerTeamIds: [] })).toEqual([]);
    expect(await numbersFor('vexley')).toEqual([desk.number, theirs.number, ours.number]);
    // The number shortcut keeps the scope too.
    expect(await findNumberInScopePg(t.db, desk.number, { partnerTeamIds: [group.id] })).toBe(null);
    expect((await findNumberInScopePg(t.db, ours.number, {}))?.id).toBe(ours.id);
  });

  test('filters narrow the matches', async () => {
    const a = await create('Morgan Vexley', 'Printer jam.');
    const b = await create('Robin Vexley', 'Toner.', { status: 'in_progress', channel: 'email' });
    expect(await numbersFor('vexley', { status: 'in_progress' })).toEqual([b.number]);
    expect(await numbersFor('vexley', { channel: 'phone' })).toEqual([a.number]);
    expect(await numbersFor('vexley', { createdBefore: b.createdAt })).toEqual([a.number]);
    expect(await numbersFor('vexley', { teamId: teamId + 1000 })).toEqual([]);
  });
});

describe('ranking and snippets', () => {
  test('tiers: number or person fields, then the description, then the journal; newest first in each', async () => {
    const inJournal = await create('Ann Other', 'Screen flickers.');
    await note(inJournal.id, 'Called Vexley back.');
    const olderName = await create('Morgan Vexley', 'Printer jam.');
    const inDescription = await create('Ann Other', 'On behalf of Vexley.');
    const newerName = await create('Robin Vexley', 'Toner.');
    const hits = (await search('vexley', { limit: 10 })).items;
    expect(hits.map((h) => [h.number, h.rank, h.matchedIn])).toEqual([
      [newerName.number, matchTiers.people, 'incident'],
      [olderName.number, matchTiers.people, 'incident'],
      [inDescription.number, matchTiers.incident, 'incident'],
      [inJournal.number, matchTiers.journal, 'journal'],
    ]);
  });

  test('an incident matching in its fields and its journal is listed once, by its best tier', async () => {
    const row = await create('Morgan Vexley', 'Printer jam.');
    await note(row.id, 'Vexley called.');
    const hits = (await search('vexley', { limit: 10 })).items;
    expect(hits.map((h) => [h.number, h.matchedIn])).toEqual([[row.number, 'incident']]);
  });

  test('the computer name ranks as a person field for staff', async () => {
    const inDescription = await create('Ann Other', 'Zephyrbox is slow.');
    const inComputer = await create('Ann Other', 'Slow.', { computerName: 'ZEPHYRBOX' });
    expect(await numbersFor('zephyrbox')).toEqual([inComputer.number, inDescription.number]);
    expect((await search('zephyrbox')).items.map((i) => i.rank)).toEqual([
      matchTiers.people,
      matchTiers.incident,
    ]);
  });

  test('the typed last word matches words it begins; earlier words only whole', async () => {
    const row = await create('Quentin Zybrowski', 'Plotters refuse the xylographs.');
    expect(await numbersFor('xylograph')).toEqual([row.number]);
    expect(await numbersFor('plotter xylographs')).toEqual([]);
    expect(await numbersFor('plotters xylograph')).toEqual([row.number]);
    // A one-letter last word is whole.
    expect(await numbersFor('plotters x')).toEqual([]);
  });

  test('whole words first: with a full window of whole-word matches, prefix-only ones wait', async () => {
    const prefixOnly = await create('Quentin Zybrowski', 'Zarfwidgets everywhere.');
    await t.db.execute(sql`
      INSERT INTO incidents (number, caller_name, channel, service_id, description, status,
        owner_team_id, version, created_at, updated_at)
      SELECT 'WHOLE-' || x, 'Caller', 'phone', ${serviceId}, 'One zarfwidget', 'new', ${teamId}, 1,
        ${at()}, ${at()}
      FROM generate_series(1, ${rankingWindow}) AS x`);
    const page = await search('zarfwidget', { limit: 5 });
    expect(page.capped).toBe(true);
    expect(page.items.every((i) => i.number.startsWith('WHOLE-'))).toBe(true);
    await t.db.execute(sql`DELETE FROM incidents WHERE number LIKE 'WHOLE-%'`);
    expect(await numbersFor('zarfwidget')).toEqual([prefixOnly.number]);
  });

  test('the snippet marks the matched words, in the field with the most hits or the entry', async () => {
    await create('Ann Other', 'The <b>xylograph</b> printer is stuck.');
    const [hit] = (await search('xylograph', { limit: 5 })).items;
    expect(hit?.snippet).toContain('\uE000xylograph\uE001');
    expect(hit?.matchedIn).toBe('incident');
    const row = await create('Ann Other', 'Screen.');
    await note(row.id, 'Swapped the quibblecord twice.');
    const [entry] = (await search('quibble')).items;
    expect(entry?.snippet).toBe('Swapped the \uE000quibblecord\uE001 twice.');
  });

  test('keyset pages cover every match once', async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await create(`Caller ${i}`, `Quasar tool ${i}`)).number);
    const seen: string[] = [];
    let cursor: { rank: number; id: number } | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await search('quasar', { limit: 3, cursor });
      seen.push(...r.items.map((i) => i.number));
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    expect(seen.sort()).toEqual(made.sort());
  });

  test('the result has the SQLite search result shape', async () => {
    const row = await create('Morgan Vexley', 'Printer jam.');
    const page = await search('vexley');
    expect(page).toEqual({
      items: [
        expect.objectContaining({
          id: row.id,
          number: row.number,
          status: 'new',
          channel: 'phone',
          callerName: 'Morgan Vexley',
          customerId: null,
          customerName: null,
          ownerTeamId: teamId,
          ownerAgentName: null,
          rank: matchTiers.people,
          matchedIn: 'incident',
        }),
      ],
      nextCursor: null,
      capped: false,
    });
  });

  test('problems and outages are found by number and title', async () => {
    const [p] = await t.db
      .insert(problems)
      .values({
        number: 'PRB-000001',
        title: 'Eduroam drops on the third floor',
        status: 'open',
        serviceId,
        category: 'Network',
        impact: 'Floor',
        symptoms: 'Drops',
        firstSeenAt: at(),
        ownerTeamId: teamId,
        createdAt: at(),
        updatedAt: at(),
      })
      .returning();
    const found = await searchProblemsAndOutagesPg(t.db, terms('eduro'), 5);
    expect(found.problems.map((r) => r.id)).toEqual([p!.id]);
    expect(found.outages).toEqual([]);
  });
});

describe('bad input', () => {
  test('empty, punctuation only and overlong text are refused by the parser before any query', () => {
    for (const text of ['', '   ', '?!.,;:()*"\'-', 'a'.repeat(10_000)])
      expect(parseSearchQuery(text).ok).toBe(false);
    expect(() => tsQueryText([], false)).toThrow('Type a name');
    expect(() => tsQueryText(['!!!'], true)).toThrow('Type a name');
  });

  test.each([
    '" * NEAR OR -',
    "o'brien & | ! <-> :* (",
    'AND NOT OR',
    '\\ \\\\ ::AB',
    'a'.repeat(500),
  ])('%s searches as text, never as tsquery syntax', async (text) => {
    const row = await create('Near Or', 'And not.');
    const parsed = parseSearchQuery(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const page = await searchIncidentsPg(t.db, { search: parsed, limit: 5 });
    const expected = /near|and not/i.test(text) ? [row.number] : [];
    expect(page.items.map((i) => i.number)).toEqual(expected);
  });

  test('words reach to_tsquery as quoted lexemes with their weights and the last one as a prefix', async () => {
    const q = tsQueryText(["o'brien", 'a\\b'], true, 'AB');
    const { rows } = await t.db.execute<{ q: string }>(
      sql`SELECT to_tsquery('simple', ${q})::text AS q`,
    );
    expect(rows[0]!.q).toBe("'o':AB <-> 'brien':AB & 'a':AB <-> 'b':*AB");
  });
});
