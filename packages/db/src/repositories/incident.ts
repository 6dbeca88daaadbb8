import {
  aliasedTable,
  and,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { formatIncidentNumber, type Incident, type IncidentStatus } from '@handoff/domain';
import { type Db, type Reader } from '../client';
import { asPg, noCursor, perEngine, perTables, prepared, tablesOf, type Tables } from '../reader';
import { type incidents } from '../schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

// A row as stored satisfies the domain's incident type, so the two cannot drift apart.
type Row = typeof incidents.$inferSelect;
const _rowIsIncident = (r: Row): Incident => r;
void _rowIsIncident;

/** Hands out the next value of a named counter; call only inside a write transaction (SQLite's seed). */
export function nextCounter(tx: Writer, name: string): number {
  return counterStatement(tx).get({ name }).value;
}
/** The same on either engine, inside a commit plan: the counter's row update rolls back with it. */
export async function takeCounter(tx: Writer, name: string): Promise<number> {
  const [row] = await counterStatement(tx).execute({ name });
  return row!.value;
}
// Every create takes a number: prepared once per connection.
const counterStatement = prepared('next_counter', (tx, { counters }) =>
  tx
    .insert(counters)
    .values({ name: sql.placeholder('name'), value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value }),
);

/** The SQLite-only twin, for the last synchronous loaders inside SQLite plans. */
export const reserveNumberSync = (tx: Writer): string =>
  formatIncidentNumber(nextCounter(tx, 'incident'));
/** Takes the next incident number inside the caller's commit plan: it rolls back with it. */
export const reserveNumber = async (tx: Writer): Promise<string> =>
  formatIncidentNumber(await takeCounter(tx, 'incident'));

/**
 * The id the next row of `table` gets, taken inside a commit plan. SQLite: the IMMEDIATE write lock
 * is held, so no one else can insert before this commit does. PostgreSQL: `nextval` of the
 * table's identity sequence hands it out to this transaction only (the insert then names it).
 */
export async function reserveRowId(tx: Writer, table: 'incidents' | 'problems'): Promise<number> {
  return perEngine(tx, {
    sqlite: async () =>
      tx.get<{ next: number }>(
        sql`select max(coalesce((select seq from sqlite_sequence where name = ${table}), 0), coalesce((select max(id) from ${sql.identifier(table)}), 0)) + 1 as next`,
      ).next,
    pg: async () => {
      const { rows } = await asPg(tx).execute<{ next: number }>(
        sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as next`,
      );
      return rows[0]!.next;
    },
  })();
}

/** The id and number the next incident gets, reserved inside a commit plan (both roll back with it). */
export async function reserveIncident(tx: Writer): Promise<{ id: number; number: string }> {
  const number = await reserveNumber(tx);
  return { id: await reserveRowId(tx, 'incidents'), number };
}

// The load every incident request starts with, prepared once per connection.
const byIdOnEither = prepared('incident_by_id', (db, { incidents }) =>
  db
    .select()
    .from(incidents)
    .where(eq(incidents.id, sql.placeholder('id'))),
);
export const findByIdSync = (db: Reader, id: number): Incident | undefined =>
  byIdOnEither(db).get({ id });
export const findById = async (db: Reader | Tx, id: number): Promise<Incident | undefined> =>
  (await byIdOnEither(db).execute({ id }))[0];

export async function findByIds(db: Reader | Tx, ids: number[]) {
  const { incidents } = tablesOf(db);
  return ids.length === 0
    ? []
    : db.select().from(incidents).where(inArray(incidents.id, ids)).orderBy(incidents.id);
}
export async function findByNumbers(db: Reader, numbers: string[]) {
  const { incidents } = tablesOf(db);
  return numbers.length === 0
    ? []
    : db.select().from(incidents).where(inArray(incidents.number, numbers)).orderBy(incidents.id);
}
const byNumber = prepared('incident_by_number', (db, { incidents }) =>
  db
    .select()
    .from(incidents)
    .where(eq(incidents.number, sql.placeholder('number'))),
);
export const findByNumber = async (db: Reader, number: string) =>
  (await byNumber(db).execute({ number }))[0];

/** The list row's columns and the owner alias they read, on the handle's engine. */
const summaryOf = perTables(({ incidents, teams, services, customers, users }) => {
  const owner = aliasedTable(users, 'owner');
  return { owner, columns: summaryColumnsOf({ incidents, teams, services, customers, owner }) };
});

const summaryColumnsOf = ({
  incidents,
  teams,
  services,
  customers,
  owner,
}: Pick<Tables, 'incidents' | 'teams' | 'services' | 'customers'> & {
  owner: Tables['users'];
}) => ({
  id: incidents.id,
  number: incidents.number,
  version: incidents.version,
  status: incidents.status,
  callerName: incidents.callerName,
  channel: incidents.channel,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
  promises: incidents.promises,
  classification: incidents.classification,
  description: incidents.description,
  ownerTeamId: incidents.ownerTeamId,
  ownerTeamName: teams.name,
  ownerAgentId: incidents.ownerAgentId,
  ownerAgentName: owner.name,
  serviceId: incidents.serviceId,
  serviceName: services.name,
  serviceCategory: services.category,
  serviceSubcategory: services.subcategory,
  serviceBanner: services.banner,
  customerId: incidents.customerId,
  customerName: customers.name,
  customerConed: customers.coned,
  customerProgram: customers.program,
  customerPrimaryTechPartner: customers.primaryTechPartner,
  problemId: incidents.problemId,
});

const byIdIncludeDetails = prepared('incident_by_id_include_details', (db, t) => {
  const { incidents, teams, services, customers } = t;
  const { owner, columns } = summaryOf(db);
  return db
    .select({ ...columns, incident: incidents })
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(owner, eq(owner.id, incidents.ownerAgentId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(eq(incidents.id, sql.placeholder('id')));
});
export const findByIdIncludeDetails = async (db: Reader, id: number) =>
  (await byIdIncludeDetails(db).execute({ id }))[0];

export interface ListFilter {
  ownerTeamIds?: number[];
  ownerAgentId?: number;
  /**
   * Held by this agent, or a channel-partner ticket whose requester they keep (kb 003: the partner
   * agent keeps ownership while Tier 2 works it).
   */
  heldOrKeptBy?: number;
  customerId?: number;
  statuses?: IncidentStatus[];
  serviceId?: number;
  /** A problem's linked incidents; null = incidents linked to no problem. */
  problemId?: number | null;
  /** Only incidents created at or after this instant. */
  createdSince?: string;
  /** Only channel-partner tickets of these partner groups, whichever team holds them (a partner agent's lists, kb 003). */
  partnerTeamIds?: readonly number[];
  /** The id of the last row of the previous page: rows strictly older than it come next. */
  cursor?: number;
  limit: number;
}

/** Newest-first keyset page over the queue indexes (no OFFSET): the query, run by either engine. */
function listQuery(db: Reader, f: ListFilter) {
  const { incidents, partnerTickets, teams, services, customers } = tablesOf(db);
  const { owner, columns } = summaryOf(db);
  const where: SQL[] = [];
  if (f.ownerTeamIds)
    where.push(inArray(incidents.ownerTeamId, f.ownerTeamIds.length ? f.ownerTeamIds : [-1]));
  if (f.ownerAgentId !== undefined) where.push(eq(incidents.ownerAgentId, f.ownerAgentId));
  if (f.heldOrKeptBy !== undefined) {
    const kept = db
      .select({ id: partnerTickets.incidentId })
      .from(partnerTickets)
      .where(eq(partnerTickets.relationshipAgentId, f.heldOrKeptBy));
    where.push(or(eq(incidents.ownerAgentId, f.heldOrKeptBy), inArray(incidents.id, kept))!);
  }
  if (f.customerId !== undefined) where.push(eq(incidents.customerId, f.customerId));
  if (f.statuses?.length) where.push(inArray(incidents.status, f.statuses));
  if (f.serviceId !== undefined) where.push(eq(incidents.serviceId, f.serviceId));
  if (f.problemId !== undefined)
    where.push(
      f.problemId === null ? isNull(incidents.problemId) : eq(incidents.problemId, f.problemId),
    );
  if (f.createdSince !== undefined) where.push(gte(incidents.createdAt, f.createdSince));
  if (f.partnerTeamIds) {
    const ofGroups = db
      .select({ id: partnerTickets.incidentId })
      .from(partnerTickets)
      .where(
        inArray(
          partnerTickets.partnerTeamId,
          f.partnerTeamIds.length ? [...f.partnerTeamIds] : [-1],
        ),
      );
    where.push(inArray(incidents.id, ofGroups));
  }
  if (f.cursor !== undefined) where.push(lt(incidents.id, f.cursor));
  return db
    .select(columns)
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(owner, eq(owner.id, incidents.ownerAgentId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(and(...where))
    .orderBy(desc(incidents.id))
    .limit(f.limit + 1);
}

/** A keyset page of rows fetched one past the limit: the page and the id to continue below. */
function pageOf<R extends { id: number }>(rows: R[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

export const listSync = (db: Reader, f: ListFilter) => pageOf(listQuery(db, f).all(), f.limit);
export const list = async (db: Reader, f: ListFilter) => pageOf(await listQuery(db, f), f.limit);

/** What a journal entry shows: the entry and its author's name. */
const journalColumnsOf = ({ journalEntries, users }: Tables) => ({
  id: journalEntries.id,
  kind: journalEntries.kind,
  visibility: journalEntries.visibility,
  body: journalEntries.body,
  data: journalEntries.data,
  createdAt: journalEntries.createdAt,
  authorName: users.name,
});

export async function findJournal(db: Reader, incidentId: number) {
  const t = tablesOf(db);
  const { journalEntries, users } = t;
  return db
    .select(journalColumnsOf(t))
    .from(journalEntries)
    .leftJoin(users, eq(users.id, journalEntries.authorId))
    .where(eq(journalEntries.incidentId, incidentId))
    .orderBy(desc(journalEntries.id));
}

/** A page of the journal, newest first, below a cursor (two shapes: everything, customer-visible). */
const journalPage = (customerOnly: boolean) =>
  prepared(customerOnly ? 'journal_page_customer' : 'journal_page', (db, t) => {
    const { journalEntries, users } = t;
    return db
      .select(journalColumnsOf(t))
      .from(journalEntries)
      .leftJoin(users, eq(users.id, journalEntries.authorId))
      .where(
        and(
          eq(journalEntries.incidentId, sql.placeholder('incidentId')),
          lt(journalEntries.id, sql.placeholder('cursor')),
          customerOnly ? eq(journalEntries.visibility, 'customer') : undefined,
        ),
      )
      .orderBy(desc(journalEntries.id))
      .limit(sql.placeholder('limit'));
  });
const staffJournalPage = journalPage(false);
const customerJournalPage = journalPage(true);

/**
 * One page of the journal, newest first, by keyset (the id of the last entry seen): an incident
 * can hold thousands of entries, so no one response carries them all. `customerOnly` filters in
 * the query, so a customer's page is never short because internal entries were dropped after it.
 */
export async function findJournalPage(
  db: Reader,
  incidentId: number,
  {
    cursor,
    limit,
    customerOnly = false,
  }: { cursor?: number; limit: number; customerOnly?: boolean },
) {
  const rows = await (customerOnly ? customerJournalPage : staffJournalPage)(db).execute({
    incidentId,
    cursor: cursor ?? noCursor,
    limit: limit + 1,
  });
  return pageOf(rows, limit);
}

const audit = prepared('incident_audit', (db, { auditEvents, users }) =>
  db
    .select({
      id: auditEvents.id,
      field: auditEvents.field,
      fromValue: auditEvents.fromValue,
      toValue: auditEvents.toValue,
      version: auditEvents.version,
      at: auditEvents.at,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.incidentId, sql.placeholder('incidentId')))
    .orderBy(desc(auditEvents.id)),
);
export const findAudit = async (db: Reader, incidentId: number) =>
  audit(db).execute({ incidentId });
