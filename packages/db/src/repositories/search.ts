// Incident search on SQLite: FTS5's indexes find the matches (the pg twin: pg/search.ts); the
// ranking, the result and its rows are search-shared.ts's, for both engines. Each exported read
// dispatches on the Reader's engine, so callers search either one the same way.
import { eq, inArray, sql } from 'drizzle-orm';
import { textMatches } from '@handoff/domain';
import { type Reader } from '../client';
import { findNumberInScopePg, searchIncidentsPg, searchProblemsAndOutagesPg } from '../pg/search';
import { asPg, engineOf } from '../reader';
import { incidents, partnerTickets } from '../schema';
import {
  conditionsOf,
  incidentConditions,
  rankedPage,
  rankingWindow,
  resultOf,
  snippetsOf,
  summariesOf,
  type Matches,
  type SearchFilter,
  type SearchScope,
  type SearchTerms,
} from './search-shared';

export {
  matchTiers,
  rankedPage,
  rankingWindow,
  resultOf,
  snippetMarker,
  summariesOf,
  type Hit,
  type SearchFilter,
  type SearchScope,
  type SearchTerms,
} from './search-shared';

// Columns a customer may match on: computer name is an internal field (customerVisibleFields).
const customerColumns = '{number caller_name caller_phone caller_email description}';
const peopleColumns = '{number caller_name caller_phone caller_email computer_name}';
const customerPeopleColumns = '{number caller_name caller_phone caller_email}';

/**
 * The newest `rankingWindow` matches of one index, whole words first. Every query below walks the
 * FTS5 index newest first and stops at the window (CROSS JOIN keeps the index the outer loop, so a
 * filter never turns it into one index lookup per incident), which costs a fraction of a millisecond
 * for whole words. A prefix costs FTS5 the merged doclist of every word it begins (20–150 ms for a
 * common one at a million rows, unless a prefix index of that length holds it: migration 0016 adds
 * 2–4 letters), so the typed last word is matched as a prefix only when whole words fill less than
 * the window, and then only in that index.
 */
function newestMatches<T>(
  search: SearchTerms,
  run: (match: string) => T[],
): { rows: T[]; match: string } {
  const whole = run(search.whole);
  if (search.match === search.whole || whole.length >= rankingWindow)
    return { rows: whole, match: search.whole };
  return { rows: run(search.match), match: search.match };
}

/**
 * One page of incidents matching the search within the scope and filters, best first (matchTiers,
 * then newest), each with a highlighted snippet of its best match: an incident field or one journal
 * entry (customer-visible entries only when the scope is a customer's). No bm25: it reads the corpus
 * statistics of every matching row, about 15 ms for a common word at a million incidents.
 */
export async function searchIncidents(db: Reader, f: SearchFilter) {
  if (engineOf(db) === 'pg') return searchIncidentsPg(asPg(db), f);
  const forCustomer = f.customerId !== undefined;
  const small = await smallScope(db, f);
  const { incidentIds, inPeople, entries, capped } = small
    ? await scopeMatches(db, f, small)
    : await indexMatches(db, f);
  const { page, hasMore } = rankedPage({ incidentIds, inPeople, entries }, f);
  const summaries = new Map(
    (
      await summariesOf(
        db,
        page.map((h) => h.incidentId),
      )
    ).map((s) => [s.id, s]),
  );
  const snippets = await snippetsOf(db, page, f.search, forCustomer);
  return resultOf(page, hasMore, summaries, snippets, capped);
}

const columns = (match: string, cols: string) => `${cols} : (${match})`;

/** The index plan: walk each FTS5 index newest first within the scope and filters. */
async function indexMatches(db: Reader, f: SearchFilter): Promise<Matches> {
  const forCustomer = f.customerId !== undefined;
  const scope = incidentConditions(f);
  // Unbounded (staff, no filter): no incident row is read per match at all.
  const bounded = conditionsOf(f).length > 0;
  const journalVisibility = forCustomer ? sql`AND j.visibility = 'customer'` : sql``;
  const incidentHits = newestMatches(f.search, (match) =>
    db.all<{ id: number }>(sql`
      SELECT f.rowid AS id FROM incidents_fts f
        ${bounded ? sql`CROSS JOIN incidents i ON i.id = f.rowid` : sql``}
      WHERE incidents_fts MATCH ${forCustomer ? columns(match, customerColumns) : match}
        ${bounded ? sql`AND ${scope}` : sql``}
      ORDER BY f.rowid DESC LIMIT ${rankingWindow}`),
  );
  const journalHits = newestMatches(f.search, (match) =>
    db.all<{ docId: number; incidentId: number }>(sql`
      SELECT jf.rowid AS docId, j.incident_id AS incidentId
      FROM journal_fts jf CROSS JOIN journal_entries j ON j.id = jf.rowid
        ${bounded ? sql`CROSS JOIN incidents i ON i.id = j.incident_id` : sql``}
      WHERE journal_fts MATCH ${match} ${journalVisibility} ${bounded ? sql`AND ${scope}` : sql``}
      ORDER BY jf.rowid DESC LIMIT ${rankingWindow}`),
  );
  // Which of the window's incidents match in a person field: the same walk, bounded by the window.
  const incidentIds = incidentHits.rows.map((r) => r.id);
  const oldest = incidentIds.at(-1);
  const people = forCustomer ? customerPeopleColumns : peopleColumns;
  const inPeople = new Set(
    oldest === undefined
      ? []
      : db
          .all<{ id: number }>(
            sql`SELECT rowid AS id FROM incidents_fts
                WHERE incidents_fts MATCH ${columns(incidentHits.match, people)}
                  AND rowid >= CAST(${oldest} AS INTEGER)`,
          )
          .map((r) => r.id),
  );
  const entries = journalHits.rows;
  const capped = incidentIds.length >= rankingWindow || entries.length >= rankingWindow;
  return { incidentIds, inPeople, entries, capped };
}

/**
 * A scope of at most this many incidents (a partner group's tickets, a customer's cases) is searched
 * row by row instead: the index walk would read every match in the corpus to find the few in scope
 * (a common word at a million incidents: hundreds of thousands of rows, seconds).
 */
export const smallScopeLimit = rankingWindow;

/** The scope's incident ids when it is a small one, else null. */
async function smallScope(db: Reader, f: SearchFilter): Promise<number[] | null> {
  let ids: number[];
  if (f.partnerTeamIds) {
    const teams = f.partnerTeamIds.length ? [...f.partnerTeamIds] : [-1];
    ids = db
      .select({ id: partnerTickets.incidentId })
      .from(partnerTickets)
      .where(inArray(partnerTickets.partnerTeamId, teams))
      .limit(smallScopeLimit + 1)
      .all()
      .map((r) => r.id);
  } else if (f.customerId !== undefined) {
    ids = db
      .select({ id: incidents.id })
      .from(incidents)
      .where(eq(incidents.customerId, f.customerId))
      .limit(smallScopeLimit + 1)
      .all()
      .map((r) => r.id);
  } else return null;
  return ids.length > smallScopeLimit ? null : ids;
}

/**
 * The small-scope plan: the scope's incidents and journal entries (within the filters) matched in
 * memory by textMatches, the MATCH's own rule (every word in one column, the last also as a prefix).
 */
async function scopeMatches(db: Reader, f: SearchFilter, ids: number[]): Promise<Matches> {
  // As the index (migration 0021): the server's own `system` entries are never matched.
  if (ids.length === 0) return { incidentIds: [], inPeople: new Set(), entries: [], capped: false };
  const forCustomer = f.customerId !== undefined;
  const terms = { terms: f.search.terms, prefixLast: f.search.match !== f.search.whole };
  const inIds = sql`i.id IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
  const scope = incidentConditions(f);
  const rows = db.all<{
    id: number;
    number: string;
    callerName: string;
    callerPhone: string | null;
    callerEmail: string | null;
    computerName: string | null;
    description: string;
  }>(sql`
    SELECT i.id, i.number, i.caller_name AS callerName, i.caller_phone AS callerPhone,
      i.caller_email AS callerEmail, i.computer_name AS computerName, i.description
    FROM incidents i WHERE ${inIds} AND ${scope} ORDER BY i.id DESC`);
  const incidentIds: number[] = [];
  const inPeople = new Set<number>();
  for (const r of rows) {
    const people = [r.number, r.callerName, r.callerPhone, r.callerEmail];
    if (!forCustomer) people.push(r.computerName);
    if (!textMatches([...people, r.description], terms)) continue;
    incidentIds.push(r.id);
    if (textMatches(people, terms)) inPeople.add(r.id);
  }
  const journalVisibility = forCustomer ? sql`AND j.visibility = 'customer'` : sql``;
  const entries = db
    .all<{ docId: number; incidentId: number; body: string }>(
      sql`
    SELECT j.id AS docId, j.incident_id AS incidentId, j.body FROM journal_entries j
      JOIN incidents i ON i.id = j.incident_id
    WHERE ${inIds} AND j.kind <> 'system' ${journalVisibility} AND ${scope} ORDER BY j.id DESC`,
    )
    .filter((e) => textMatches([e.body], terms));
  // Every incident of a small scope is ranked: nothing is left out.
  return { incidentIds, inPeople, entries, capped: false };
}

/** The incident with exactly this number, within the scope (the "123" / "INC-000123" shortcut). */
export async function findNumberInScope(db: Reader, number: string, scope: SearchScope) {
  if (engineOf(db) === 'pg') return findNumberInScopePg(asPg(db), number, scope);
  const row = db.get<{ id: number } | undefined>(
    sql`SELECT i.id AS id FROM incidents i WHERE i.number = ${number} AND ${incidentConditions(scope)}`,
  );
  return row ? ((await summariesOf(db, [row.id]))[0] ?? null) : null;
}

/** Problems and outages whose number or title match, best first. */
export async function searchProblemsAndOutages(db: Reader, search: SearchTerms, limit: number) {
  if (engineOf(db) === 'pg') return searchProblemsAndOutagesPg(asPg(db), search, limit);
  const { match } = search;
  const problems = db.all<{ id: number; number: string; title: string; status: string }>(sql`
    SELECT p.id, p.number, p.title, p.status FROM problems_fts f JOIN problems p ON p.id = f.rowid
    WHERE problems_fts MATCH ${match} ORDER BY bm25(problems_fts) LIMIT ${limit}`);
  const outages = db.all<{ id: number; number: string; title: string; status: string }>(sql`
    SELECT o.id, o.number, o.title, o.status FROM outages_fts f JOIN outages o ON o.id = f.rowid
    WHERE outages_fts MATCH ${match} ORDER BY bm25(outages_fts) LIMIT ${limit}`);
  return { problems, outages };
}
