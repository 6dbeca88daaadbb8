import { aliasedTable, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { snippetHitEnd, snippetHitStart, type Channel, type IncidentStatus } from '@handoff/domain';
import { type Db } from '../client';
import { customers, incidents, services, teams, users } from '../schema';

/**
 * How many of the newest matches each index hands to ranking. A common word at a million incidents
 * matches a hundred thousand rows; ranking all of them takes seconds. Ranking the newest few thousand
 * keeps a search in milliseconds and favours recent incidents, which is what a desk looks for; `capped`
 * tells the page to offer the filters when there were more.
 */
export const rankingWindow = 2000;

export interface SearchScope {
  /** A customer: only their own cases, only customer-visible journal text, no internal fields. */
  customerId?: number;
  /** A partner agent: only channel-partner tickets of these groups. */
  partnerTeamIds?: readonly number[];
}

export interface SearchFilter extends SearchScope {
  /** A safe FTS5 expression (parseSearchQuery's `match`). */
  match: string;
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

interface HitRow {
  incidentId: number;
  rank: number;
  /** The matched row: the incident itself or one journal entry. */
  docId: number;
  source: 'incident' | 'journal';
  windowFull: number;
}

// Columns a customer may match on: computer name is an internal field (customerVisibleFields).
const customerColumns = '{number caller_name caller_phone caller_email description}';

function incidentConditions(f: SearchFilter): SQL {
  const where: SQL[] = [sql`1`];
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
  return sql.join(where, sql` AND `);
}

/**
 * One page of incidents matching `match` within the scope and filters, best first (bm25; number and
 * caller weigh more than description), each with a highlighted snippet of its best match: an incident
 * field or one journal entry (customer-visible entries only when the scope is a customer's).
 */
export function searchIncidents(db: Db, f: SearchFilter) {
  const forCustomer = f.customerId !== undefined;
  const incidentMatch = forCustomer ? `${customerColumns} : (${f.match})` : f.match;
  const scope = incidentConditions(f);
  const journalVisibility = forCustomer ? sql`AND j.visibility = 'customer'` : sql``;
  const after = f.cursor
    ? sql`WHERE rank > ${f.cursor.rank} OR (rank = ${f.cursor.rank} AND incident_id < ${f.cursor.id})`
    : sql``;
  const hits = db.all<HitRow>(sql`
    WITH hits AS (
      SELECT * FROM (
        SELECT f.rowid AS incident_id,
               bm25(incidents_fts, 10.0, 6.0, 6.0, 6.0, 4.0, 1.0) AS rank,
               f.rowid AS doc_id, 'incident' AS source
        FROM incidents_fts f JOIN incidents i ON i.id = f.rowid
        WHERE incidents_fts MATCH ${incidentMatch} AND ${scope}
        ORDER BY f.rowid DESC LIMIT ${rankingWindow}
      )
      UNION ALL
      SELECT * FROM (
        SELECT j.incident_id AS incident_id,
               bm25(journal_fts) AS rank,
               jf.rowid AS doc_id, 'journal' AS source
        FROM journal_fts jf
          JOIN journal_entries j ON j.id = jf.rowid
          JOIN incidents i ON i.id = j.incident_id
        WHERE journal_fts MATCH ${f.match} ${journalVisibility} AND ${scope}
        ORDER BY jf.rowid DESC LIMIT ${rankingWindow}
      )
    ),
    best AS (
      SELECT incident_id, min(rank) AS rank, doc_id, source FROM hits GROUP BY incident_id
    )
    SELECT incident_id AS incidentId, rank, doc_id AS docId, source,
           ((SELECT count(*) FROM hits WHERE source = 'incident') >= ${rankingWindow}
             OR (SELECT count(*) FROM hits WHERE source = 'journal') >= ${rankingWindow}) AS windowFull
    FROM best ${after}
    ORDER BY rank, incident_id DESC
    LIMIT ${f.limit + 1}
  `);
  const hasMore = hits.length > f.limit;
  const page = hasMore ? hits.slice(0, f.limit) : hits;
  const summaries = new Map(
    summariesOf(
      db,
      page.map((h) => h.incidentId),
    ).map((s) => [s.id, s]),
  );
  const items = page.flatMap((h) => {
    const incident = summaries.get(h.incidentId);
    if (!incident) return [];
    return [
      {
        ...incident,
        rank: h.rank,
        snippet: snippetOf(db, h, incidentMatch, f.match),
        matchedIn: h.source,
      },
    ];
  });
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: hasMore && last ? { rank: last.rank, id: last.incidentId } : null,
    capped: Boolean(page[0]?.windowFull),
  };
}

// Snippets only for the rows of the page (a snippet costs far more than a rank). The rowid is cast:
// FTS5 drops a `rowid = ?` bound as a JS number (a REAL) beside MATCH and answers every matching row.
function snippetOf(db: Db, h: HitRow, incidentMatch: string, journalMatch: string): string {
  const row =
    h.source === 'incident'
      ? db.get<{ s: string } | undefined>(
          sql`SELECT snippet(incidents_fts, -1, ${snippetHitStart}, ${snippetHitEnd}, '…', 16) AS s
              FROM incidents_fts WHERE incidents_fts MATCH ${incidentMatch} AND rowid = CAST(${h.docId} AS INTEGER)`,
        )
      : db.get<{ s: string } | undefined>(
          sql`SELECT snippet(journal_fts, 0, ${snippetHitStart}, ${snippetHitEnd}, '…', 16) AS s
              FROM journal_fts WHERE journal_fts MATCH ${journalMatch} AND rowid = CAST(${h.docId} AS INTEGER)`,
        );
  return row?.s ?? '';
}

const owner = aliasedTable(users, 'owner');

/** The list row of each incident (same shape for every search hit and the exact-number match). */
export function summariesOf(db: Db, ids: number[]) {
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
export function findNumberInScope(db: Db, number: string, scope: SearchScope) {
  const row = db.get<{ id: number } | undefined>(
    sql`SELECT i.id AS id FROM incidents i WHERE i.number = ${number} AND ${incidentConditions({
      ...scope,
      match: '',
      limit: 1,
    })}`,
  );
  return row ? (summariesOf(db, [row.id])[0] ?? null) : null;
}

/** Problems and outages whose number or title match, best first. */
export function searchProblemsAndOutages(db: Db, match: string, limit: number) {
  const problems = db.all<{ id: number; number: string; title: string; status: string }>(sql`
    SELECT p.id, p.number, p.title, p.status FROM problems_fts f JOIN problems p ON p.id = f.rowid
    WHERE problems_fts MATCH ${match} ORDER BY bm25(problems_fts) LIMIT ${limit}`);
  const outages = db.all<{ id: number; number: string; title: string; status: string }>(sql`
    SELECT o.id, o.number, o.title, o.status FROM outages_fts f JOIN outages o ON o.id = f.rowid
    WHERE outages_fts MATCH ${match} ORDER BY bm25(outages_fts) LIMIT ${limit}`);
  return { problems, outages };
}
