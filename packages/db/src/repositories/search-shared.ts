// The engine-neutral half of incident search (issue 20): the ranking, the result shape, snippets,
// and the rows a page shows, read through the Reader on either engine. repositories/search.ts
// (SQLite FTS5) and pg/search.ts (tsvector) each find the matches and hand them here.
import { aliasedTable, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  countHits,
  markSnippet,
  type Channel,
  type IncidentStatus,
  type ParsedSearch,
} from '@handoff/domain';
import { type Reader } from '../client';
import { perTables, tablesOf, type Tables } from '../reader';

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

export interface Matches {
  /** Matching incidents, newest first (at most the window). */
  incidentIds: number[];
  /** Which of them match in the number or a person field. */
  inPeople: Set<number>;
  /** Matching journal entries, newest first (at most the window). */
  entries: { docId: number; incidentId: number }[];
  /** Whether a window was full: there were more matches than were ranked. */
  capped: boolean;
}

/**
 * Snippets only for the rows of the page, marked in the text of the matched row (markSnippet): the
 * matched journal entry, or the incident field with the most hits (never the computer name for a
 * customer).
 */
export async function snippetsOf(
  db: Reader,
  page: Hit[],
  search: SearchTerms,
  forCustomer: boolean,
) {
  const t = tablesOf(db);
  const { incidents, journalEntries } = t;
  const incidentIds = page.filter((h) => h.source === 'incident').map((h) => h.docId);
  const entryIds = page.filter((h) => h.source === 'journal').map((h) => h.docId);
  const fieldRows =
    incidentIds.length === 0
      ? []
      : await db
          .select(snippetFieldsOf(t))
          .from(incidents)
          .where(inArray(incidents.id, incidentIds));
  const bodyRows =
    entryIds.length === 0
      ? []
      : await db
          .select({ id: journalEntries.id, body: journalEntries.body })
          .from(journalEntries)
          .where(inArray(journalEntries.id, entryIds));
  return snippetMarker(fieldRows, bodyRows, search, forCustomer);
}

/** The incident columns a snippet may come from. */
const snippetFieldsOf = ({ incidents }: Tables) => ({
  id: incidents.id,
  number: incidents.number,
  callerName: incidents.callerName,
  callerPhone: incidents.callerPhone,
  callerEmail: incidents.callerEmail,
  computerName: incidents.computerName,
  description: incidents.description,
});

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

const ownerOf = perTables(({ users }) => aliasedTable(users, 'owner'));

/** The list row of each incident (same shape for every search hit and the exact-number match). */
export async function summariesOf(db: Reader, ids: number[]) {
  if (ids.length === 0) return [];
  const { incidents, customers, teams, services } = tablesOf(db);
  const owner = ownerOf(db);
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
    .orderBy(desc(incidents.id));
}

/** The scope's and filters' conditions on `i` (incidents), for both engines' SQL; none for staff without filters. */
export function conditionsOf(f: Omit<SearchFilter, 'search' | 'limit'>): SQL[] {
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

/** conditionsOf as one condition (`true` when there are none: both engines read it). */
export function incidentConditions(f: Omit<SearchFilter, 'search' | 'limit'>): SQL {
  const where = conditionsOf(f);
  return where.length ? sql.join(where, sql` AND `) : sql`true`;
}
