// Incident search on PostgreSQL (issue 20): the twin of repositories/search.ts on the `search_vector`
// tsvector columns and their GIN indexes (pg migrations 0001 and 0004), with the same scope rules,
// ranking, snippets and result shape.
//
// - The words: parseSearchQuery's `terms` (letter/digit runs only), each word a phrase (`'j' <-> 'smith'`),
//   all words required (`&`), the last run of the last word also a prefix (`:*`) when typed as one. Each
//   lexeme is quoted, so nothing typed ever becomes tsquery syntax.
// - Scope: a customer matches only weights A and B (number, caller fields, description: never the
//   computer name, weight D) and only customer-visible journal entries; a partner agent only their
//   groups' channel-partner tickets; other staff every incident.
// - Ranking: tiers, as on SQLite (matchTiers): a match in the number or a person's field (A, and D for
//   staff), then elsewhere in the incident, then only in its journal; newest first within each. Each
//   index hands the newest `rankingWindow` matches, whole words first, the prefix only when whole words
//   fill less than the window. No ts_rank: it reads every matching row's vector, as bm25 would.
// - Snippets are marked in code (snippetMarker), from the matched row, exactly as on SQLite.
import { DomainError } from '@handoff/domain';
import { sql, type SQL } from 'drizzle-orm';
import { pgReader } from '../reader';
import {
  conditionsOf,
  incidentConditions,
  rankedPage,
  rankingWindow,
  resultOf,
  snippetsOf,
  summariesOf,
  type SearchFilter,
  type SearchScope,
  type SearchTerms,
} from '../repositories/search-shared';
import { type PgRead } from './client';

const wordChars = /[\p{L}\p{N}]+/gu;
const quote = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * The tsquery text of the search's words: phrases of quoted runs, all required, the last run a prefix
 * when `prefix`; `weights` restricts every lexeme to those weight labels (e.g. 'AB'). Throws a
 * VALIDATION error when the words hold no letter or digit (parseSearchQuery refuses those first).
 */
export function tsQueryText(terms: readonly string[], prefix: boolean, weights = ''): string {
  const phrases = terms
    .map((term) => term.toLowerCase().match(wordChars) ?? [])
    .filter((runs) => runs.length > 0);
  if (phrases.length === 0)
    throw new DomainError(
      'VALIDATION',
      'Type a name, a word, a phone number or an incident number to search for.',
    );
  return phrases
    .map((runs, w) =>
      runs
        .map((run, r) => {
          const last = prefix && w === phrases.length - 1 && r === runs.length - 1;
          const label = (last ? '*' : '') + weights;
          return label ? `${quote(run)}:${label}` : quote(run);
        })
        .join(' <-> '),
    )
    .map((phrase) => `(${phrase})`)
    .join(' & ');
}

const tsQuery = (terms: readonly string[], prefix: boolean, weights = ''): SQL =>
  sql`to_tsquery('simple', ${tsQueryText(terms, prefix, weights)})`;

const rowsOf = async <T>(db: PgRead, query: SQL): Promise<T[]> =>
  (await db.execute(query)).rows as T[];

/** Whole words first; the prefix only when there is one and whole words fill less than the window. */
async function newestMatches<T>(
  search: SearchTerms,
  run: (prefix: boolean) => Promise<T[]>,
): Promise<{ rows: T[]; prefix: boolean }> {
  const whole = await run(false);
  if (search.match === search.whole || whole.length >= rankingWindow)
    return { rows: whole, prefix: false };
  return { rows: await run(true), prefix: true };
}

/**
 * One page of incidents matching the search within the scope and filters, best first (matchTiers,
 * then newest), each with a highlighted snippet of its best match: repositories/search.ts's
 * searchIncidents on PostgreSQL, with the same result shape.
 */
export async function searchIncidentsPg(db: PgRead, f: SearchFilter) {
  const forCustomer = f.customerId !== undefined;
  const terms = f.search.terms;
  // Validates the words before any query runs.
  tsQueryText(terms, false);
  const scope = incidentConditions(f);
  const bounded = conditionsOf(f).length > 0;
  const incidentWeights = forCustomer ? 'AB' : '';
  const incidentHits = await newestMatches(f.search, (prefix) =>
    rowsOf<{ id: number }>(
      db,
      sql`SELECT i.id FROM incidents i
          WHERE i.search_vector @@ ${tsQuery(terms, prefix, incidentWeights)} AND ${scope}
          ORDER BY i.id DESC LIMIT ${rankingWindow}`,
    ),
  );
  const journalVisibility = forCustomer ? sql`AND j.visibility = 'customer'` : sql``;
  // The server's own `system` entries are never matched (as SQLite's index, migration 0021).
  const journalHits = await newestMatches(f.search, (prefix) =>
    rowsOf<{ docId: number; incidentId: number }>(
      db,
      sql`SELECT j.id AS "docId", j.incident_id AS "incidentId" FROM journal_entries j
          ${bounded ? sql`JOIN incidents i ON i.id = j.incident_id` : sql``}
          WHERE j.search_vector @@ ${tsQuery(terms, prefix)} AND j.kind <> 'system' ${journalVisibility}
            ${bounded ? sql`AND ${scope}` : sql``}
          ORDER BY j.id DESC LIMIT ${rankingWindow}`,
    ),
  );
  const incidentIds = incidentHits.rows.map((r) => r.id);
  const inPeople = new Set(
    incidentIds.length === 0
      ? []
      : (
          await rowsOf<{ id: number }>(
            db,
            sql`SELECT id FROM incidents
                WHERE id IN (${sql.join(
                  incidentIds.map((id) => sql`${id}`),
                  sql`, `,
                )})
                  AND search_vector @@ ${tsQuery(terms, incidentHits.prefix, forCustomer ? 'A' : 'AD')}`,
          )
        ).map((r) => r.id),
  );
  const entries = journalHits.rows;
  const capped = incidentIds.length >= rankingWindow || entries.length >= rankingWindow;
  const { page, hasMore } = rankedPage({ incidentIds, inPeople, entries }, f);
  const summaries = new Map(
    (
      await summariesOf(
        pgReader(db),
        page.map((h) => h.incidentId),
      )
    ).map((s) => [s.id, s]),
  );
  const snippets = await snippetsOf(pgReader(db), page, f.search, forCustomer);
  return resultOf(page, hasMore, summaries, snippets, capped);
}

/** The incident with exactly this number, within the scope (findNumberInScope on pg). */
export async function findNumberInScopePg(db: PgRead, number: string, scope: SearchScope) {
  const [row] = await rowsOf<{ id: number }>(
    db,
    sql`SELECT i.id FROM incidents i WHERE i.number = ${number} AND ${incidentConditions(scope)}`,
  );
  return row ? ((await summariesOf(pgReader(db), [row.id]))[0] ?? null) : null;
}

/** Problems and outages whose number or title match, best first (ts_rank; searchProblemsAndOutages on pg). */
export async function searchProblemsAndOutagesPg(db: PgRead, search: SearchTerms, limit: number) {
  const q = tsQuery(search.terms, search.match !== search.whole);
  type Row = { id: number; number: string; title: string; status: string };
  const problems = await rowsOf<Row>(
    db,
    sql`SELECT id, number, title, status FROM problems WHERE search_vector @@ ${q}
        ORDER BY ts_rank(search_vector, ${q}) DESC, id DESC LIMIT ${limit}`,
  );
  const outages = await rowsOf<Row>(
    db,
    sql`SELECT id, number, title, status FROM outages WHERE search_vector @@ ${q}
        ORDER BY ts_rank(search_vector, ${q}) DESC, id DESC LIMIT ${limit}`,
  );
  return { problems, outages };
}
