import { aliasedTable, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  countHits,
  markSnippet,
  textMatches,
  type Channel,
  type IncidentStatus,
  type ParsedSearch,
} from '@handoff/domain';
import { type Reader } from '../client';
import {
  customers,
  incidents,
  journalEntries,
  partnerTickets,
  services,
  teams,
  users,
} from '../schema';

/**
 * How many of the newest matches each index hands to ranking. A common word at a million incidents
 * matches a hundred thousand rows; ranking all of them takes seconds. Ranking the newest few hundred
 * keeps a search in milliseconds and favours recent incidents, which is what a desk looks for; `capped`
 * tells the page to offer the filters when there were more.
 */
export const rankingWindow = 500;

/**
 * The ranking: a match in the number or a person's fields (caller name, phone, e-mail, computer name)
 * first, then one elsewhere in the incident (its description), then one only in its journal; newest
 * first within each. A page's rank is its tier, so the keyset cursor is (tier, incident id).
 */
export const matchTiers = { people: 1, incident: 2, journal: 3 } as const;

export interface SearchScope {
  /** A customer: only their own cases, only customer-visible journal text, no internal fields. */
  customerId?: number;
  /** A partner agent: only channel-partner tickets of these groups. */
  partnerTeamIds?: readonly number[];
}

/** parseSearchQuery's safe FTS5 expressions and the words they came from. */
export type SearchTerms = Pick<Extract<ParsedSearch, { ok: true }>, 'match' | 'whole' | 'terms'>;

export interface SearchFilter extends SearchScope {
  search: SearchTerms;
  status?: IncidentStatus;
  teamId?: number;
  serviceId?: number;
  channel?: Channel;
  /** ISO instants: created at or after / before. */
  createdFrom?: string;
  createdBefore?: string;
  cursor?: { rank: number; id: number };
  limit: number;
}

export interface Hit {
  incidentId: number;
  tier: number;
  /** The matched row: the incident itself or one journal entry. */
  docId: number;
  source: 'incident' | 'journal';
}

// Columns a customer may match on: computer name is an internal field (customerVisibleFields).
const customerColumns = '{number caller_name caller_phone caller_email description}';
const peopleColumns = '{number caller_name caller_phone caller_email computer_name}';
const customerPeopleColumns = '{number caller_name caller_phone caller_email}';

/** The scope's and filters' conditions on `i` (incidents); none for staff without filters. */
function conditionsOf(f: Omit<SearchFilter, 'search' | 'limit'>): SQL[] {
  const where: SQL[] = [];
  if (f.customerId !== undefined) where.push(sql`i.customer_id = ${f.customerId}`);
  if (f.partnerTeamIds) {
    const ids = f.partnerTeamIds.length ? [...f.partnerTeamIds] : [-1];
    where.push(
      sql`i.id IN (SELECT incident_id FROM partner_tickets WHERE partner_team_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}))`,
    );
  }
  if (f.status) where.push(sql`i.status = ${f.status}`);
  if (f.teamId !== undefined) where.push(sql`i.owner_team_id = ${f.teamId}`);
  if (f.serviceId !== undefined) where.push(sql`i.service_id = ${f.serviceId}`);
  if (f.channel) where.push(sql`i.channel = ${f.channel}`);
  if (f.createdFrom) where.push(sql`i.created_at >= ${f.createdFrom}`);
  if (f.createdBefore) where.push(sql`i.created_at < ${f.createdBefore}`);
  return where;
}

function incidentConditions(f: Omit<SearchFilter, 'search' | 'limit'>): SQL {
  const where = conditionsOf(f);
  return where.length ? sql.join(where, sql` AND `) : sql`1`;
}

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

/**
 * One page of hits in rank order (either engine): each incident once, by its best tier (people
 * fields, then elsewhere in the incident, then its newest matching journal entry), newest first
 * within a tier, after the keyset cursor.
 */
export function rankedPage(
  m: Pick<Matches, 'incidentIds' | 'inPeople' | 'entries'>,
  f: Pick<SearchFilter, 'cursor' | 'limit'>,
): { page: Hit[]; hasMore: boolean } {
  const best = new Map<number, Hit>();
  for (const id of m.incidentIds)
    best.set(id, {
      incidentId: id,
      tier: m.inPeople.has(id) ? matchTiers.people : matchTiers.incident,
      docId: id,
      source: 'incident',
    });
  // Newest entry first: an incident's newest matching entry is its snippet.
  for (const { docId, incidentId } of m.entries)
    if (!best.has(incidentId))
      best.set(incidentId, { incidentId, tier: matchTiers.journal, docId, source: 'journal' });
  const c = f.cursor;
  const ranked = [...best.values()]
    .filter((h) => !c || h.tier > c.rank || (h.tier === c.rank && h.incidentId < c.id))
    .sort((a, b) => a.tier - b.tier || b.incidentId - a.incidentId);
  return { page: ranked.slice(0, f.limit), hasMore: ranked.length > f.limit };
}

/** The search result of a ranked page (either engine): its rows with snippets and the next cursor. */
export function resultOf<S extends { id: number }>(
  page: Hit[],
  hasMore: boolean,
  summaries: ReadonlyMap<number, S>,
  snippets: (h: Hit) => string,
  capped: boolean,
) {
  const items = page.flatMap((h) => {
    const incident = summaries.get(h.incidentId);
    if (!incident) return [];
    return [{ ...incident, rank: h.tier, snippet: snippets(h), matchedIn: h.source }];
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: hasMore && last ? { rank: last.tier, id: last.incidentId } : null,
    capped,
  };
}

interface Matches {
  /** Matching incidents, newest first (at most the window). */
  incidentIds: number[];
  /** Which of them match in the number or a person field. */
  inPeople: Set<number>;
  /** Matching journal entries, newest first (at most the window). */
  entries: { docId: number; incidentId: number }[];
  /** Whether a window was full: there were more matches than were ranked. */
  capped: boolean;
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

/**
 * Snippets only for the rows of the page, marked in the text of the matched row (markSnippet): the
 * matched journal entry, or the incident field with the most hits (never the computer name for a
 * customer).
 */
async function snippetsOf(db: Reader, page: Hit[], search: SearchTerms, forCustomer: boolean) {
  const incidentIds = page.filter((h) => h.source === 'incident').map((h) => h.docId);
  const entryIds = page.filter((h) => h.source === 'journal').map((h) => h.docId);
  const fieldRows =
    incidentIds.length === 0
      ? []
      : db.select(snippetFields).from(incidents).where(inArray(incidents.id, incidentIds)).all();
  const bodyRows =
    entryIds.length === 0
      ? []
      : db
          .select({ id: journalEntries.id, body: journalEntries.body })
          .from(journalEntries)
          .where(inArray(journalEntries.id, entryIds))
          .all();
  return snippetMarker(fieldRows, bodyRows, search, forCustomer);
}

/** The incident columns a snippet may come from. */
const snippetFields = {
  id: incidents.id,
  number: incidents.number,
  callerName: incidents.callerName,
  callerPhone: incidents.callerPhone,
  callerEmail: incidents.callerEmail,
  computerName: incidents.computerName,
  description: incidents.description,
};

/**
 * Each hit's snippet from the rows loaded for the page (either engine): the matched journal entry,
 * or the incident field with the most hits (never the computer name for a customer).
 */
export function snippetMarker(
  fieldRows: readonly {
    id: number;
    number: string;
    callerName: string;
    callerPhone: string | null;
    callerEmail: string | null;
    computerName: string | null;
    description: string;
  }[],
  bodyRows: readonly { id: number; body: string }[],
  search: SearchTerms,
  forCustomer: boolean,
): (h: Hit) => string {
  const terms = { terms: search.terms, prefixLast: search.match !== search.whole };
  const fields = new Map(
    fieldRows.map((r) => {
      const texts = [r.number, r.callerName, r.callerPhone, r.callerEmail];
      if (!forCustomer) texts.push(r.computerName);
      texts.push(r.description);
      return [r.id, texts.filter((t): t is string => Boolean(t))] as const;
    }),
  );
  const bodies = new Map(bodyRows.map((r) => [r.id, r.body]));
  return (h: Hit): string => {
    if (h.source === 'journal') return markSnippet(bodies.get(h.docId) ?? '', terms);
    const texts = fields.get(h.docId) ?? [];
    let text = texts.at(-1) ?? '';
    let most = 0;
    for (const t of texts) {
      const n = countHits(t, terms);
      if (n > most) [text, most] = [t, n];
    }
    return markSnippet(text, terms);
  };
}

const owner = aliasedTable(users, 'owner');

/** The list row of each incident (same shape for every search hit and the exact-number match). */
export async function summariesOf(db: Reader, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      status: incidents.status,
      channel: incidents.channel,
      callerName: incidents.callerName,
      customerId: incidents.customerId,
      customerName: customers.name,
      description: incidents.description,
      createdAt: incidents.createdAt,
      ownerTeamId: incidents.ownerTeamId,
      ownerTeamName: teams.name,
      ownerAgentName: owner.name,
      serviceName: services.name,
    })
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(owner, eq(owner.id, incidents.ownerAgentId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(inArray(incidents.id, ids))
    .orderBy(desc(incidents.id))
    .all();
}

/** The incident with exactly this number, within the scope (the "123" / "INC-000123" shortcut). */
export async function findNumberInScope(db: Reader, number: string, scope: SearchScope) {
  const row = db.get<{ id: number } | undefined>(
    sql`SELECT i.id AS id FROM incidents i WHERE i.number = ${number} AND ${incidentConditions(scope)}`,
  );
  return row ? ((await summariesOf(db, [row.id]))[0] ?? null) : null;
}

/** Problems and outages whose number or title match, best first. */
export async function searchProblemsAndOutages(db: Reader, match: string, limit: number) {
  const problems = db.all<{ id: number; number: string; title: string; status: string }>(sql`
    SELECT p.id, p.number, p.title, p.status FROM problems_fts f JOIN problems p ON p.id = f.rowid
    WHERE problems_fts MATCH ${match} ORDER BY bm25(problems_fts) LIMIT ${limit}`);
  const outages = db.all<{ id: number; number: string; title: string; status: string }>(sql`
    SELECT o.id, o.number, o.title, o.status FROM outages_fts f JOIN outages o ON o.id = f.rowid
    WHERE outages_fts MATCH ${match} ORDER BY bm25(outages_fts) LIMIT ${limit}`);
  return { problems, outages };
}
