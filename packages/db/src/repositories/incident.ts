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
import {
  DomainError,
  formatIncidentNumber,
  type Incident,
  type IncidentStatus,
  type NewAuditEntry,
  type NewIncident,
  type NewJournalEntry,
  type NotificationDraft,
} from '@handoff/domain';
import { type Db } from '../client';
import {
  auditEvents,
  counters,
  notifications,
  customers,
  incidents,
  journalEntries,
  partnerTickets,
  services,
  teams,
  users,
} from '../schema';
import { perConnection } from '../prepared';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Writer = Db | Tx;

// A row as stored satisfies the domain's incident type, so the two cannot drift apart.
type Row = typeof incidents.$inferSelect;
const _rowIsIncident = (r: Row): Incident => r;
void _rowIsIncident;

/** Hands out the next value of a named counter; call only inside a write transaction. */
export function nextCounter(tx: Writer, name: string): number {
  const row = tx
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value })
    .get();
  return row.value;
}

export type IncidentDrafts = {
  incident: NewIncident;
  journal: NewJournalEntry[];
  audit: NewAuditEntry[];
};

/**
 * Inserts a new incident with its journal and audit rows in one IMMEDIATE transaction, so the
 * number counter is taken under the write lock and two creators can never share a number.
 * `also` runs in the same transaction with the new row (e.g. queueing its acknowledgement).
 */
export function create(
  db: Db,
  drafts: IncidentDrafts,
  also?: (tx: Tx, row: Incident) => void,
): Incident {
  return db.transaction(
    (tx) => {
      const row = insertNew(tx, drafts);
      also?.(tx, row);
      return row;
    },
    { behavior: 'immediate' },
  );
}

/** `create` inside the caller's write transaction, for work that must commit with the new incident. */
export function insertNew(tx: Writer, drafts: IncidentDrafts): Incident {
  const number = formatIncidentNumber(nextCounter(tx, 'incident'));
  const row = tx
    .insert(incidents)
    .values({ ...drafts.incident, number })
    .returning()
    .get();
  insertJournal(tx, row.id, drafts.journal);
  insertAudit(tx, row.id, drafts.audit);
  return row;
}

/**
 * Inserts many incidents in one IMMEDIATE transaction (bulk imports, load tests, demo data): each
 * takes the next number, with its journal and audit rows.
 */
export function createMany(db: Db, drafts: IncidentDrafts[]): Incident[] {
  return db.transaction((tx) => drafts.map((d) => insertNew(tx, d)), { behavior: 'immediate' });
}

export function insertJournal(tx: Writer, incidentId: number, entries: NewJournalEntry[]) {
  if (entries.length > 0)
    tx.insert(journalEntries)
      .values(entries.map((e) => ({ ...e, incidentId })))
      .run();
}

export function insertAudit(tx: Writer, incidentId: number, entries: NewAuditEntry[]) {
  if (entries.length > 0)
    tx.insert(auditEvents)
      .values(entries.map((e) => ({ ...e, incidentId })))
      .run();
}

export interface UpdateArgs {
  id: number;
  expectedVersion: number;
  changes: Partial<Incident>;
  journal?: NewJournalEntry[];
  audit: NewAuditEntry[];
  notifications?: NotificationDraft[];
  presence?: { userId: number; presence: 'ready' | 'not_ready' | 'busy' }[];
  /** Further writes that must commit or roll back with this one (synchronous only). */
  also?: (tx: Tx) => void;
}

/**
 * Writes changes only if the row is still at the version the user saw: the WHERE clause is the
 * concurrency check, so a writer that read an older version changes nothing and gets CONFLICT.
 */
export function update(db: Db, args: UpdateArgs): Incident {
  return db.transaction((tx) => applyUpdate(tx, args), { behavior: 'immediate' });
}

/** `update` inside the caller's write transaction. */
export function applyUpdate(tx: Tx, args: UpdateArgs): Incident {
  const row = tx
    .update(incidents)
    .set(args.changes)
    .where(and(eq(incidents.id, args.id), eq(incidents.version, args.expectedVersion)))
    .returning()
    .get();
  if (!row) {
    throw new DomainError(
      'CONFLICT',
      'This incident was changed by someone else since you opened it. Reload to see their change; nothing of yours was saved.',
    );
  }
  insertJournal(tx, row.id, args.journal ?? []);
  insertAudit(tx, row.id, args.audit);
  const at = args.changes.updatedAt ?? row.updatedAt;
  insertNotifications(tx, row.id, args.notifications ?? [], at);
  for (const p of args.presence ?? []) {
    tx.update(users)
      .set({ presence: p.presence, presenceChangedAt: at })
      .where(eq(users.id, p.userId))
      .run();
  }
  args.also?.(tx);
  return row;
}

export function insertNotifications(
  tx: Writer,
  incidentId: number,
  drafts: NotificationDraft[],
  at: string,
) {
  if (drafts.length > 0)
    tx.insert(notifications)
      .values(drafts.map((n) => ({ ...n, incidentId, createdAt: at })))
      .run();
}

/** Adds journal entries (notes) without a version change; `also` commits with them (e.g. the e-mail a note sends). */
export function appendJournal(
  db: Db,
  incidentId: number,
  entries: NewJournalEntry[],
  also?: (tx: Tx) => void,
) {
  db.transaction((tx) => {
    insertJournal(tx, incidentId, entries);
    also?.(tx);
  });
}

/** Takes the next incident number inside the caller's write transaction (a commit plan): it rolls back with it. */
export const reserveNumber = (tx: Writer): string =>
  formatIncidentNumber(nextCounter(tx, 'incident'));

// The load every incident request starts with, prepared once per connection.
const byIdStatements = new WeakMap<Db, { get: (p: { id: number }) => Incident | undefined }>();

export function findById(db: Db, id: number): Incident | undefined {
  let statement = byIdStatements.get(db);
  if (!statement) {
    statement = db
      .select()
      .from(incidents)
      .where(eq(incidents.id, sql.placeholder('id')))
      .prepare();
    byIdStatements.set(db, statement);
  }
  return statement.get({ id });
}
export const findByIds = (db: Db | Tx, ids: number[]) =>
  ids.length === 0
    ? []
    : db.select().from(incidents).where(inArray(incidents.id, ids)).orderBy(incidents.id).all();
export const findByNumbers = (db: Db, numbers: string[]) =>
  numbers.length === 0
    ? []
    : db
        .select()
        .from(incidents)
        .where(inArray(incidents.number, numbers))
        .orderBy(incidents.id)
        .all();
const byNumber = perConnection((db: Db) =>
  db
    .select()
    .from(incidents)
    .where(eq(incidents.number, sql.placeholder('number')))
    .prepare(),
);
export const findByNumber = (db: Db, number: string) => byNumber(db).get({ number });

const owner = aliasedTable(users, 'owner');

const summaryColumns = {
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
};

const byIdIncludeDetails = perConnection((db: Db) =>
  db
    .select({ ...summaryColumns, incident: incidents })
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(owner, eq(owner.id, incidents.ownerAgentId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(eq(incidents.id, sql.placeholder('id')))
    .prepare(),
);
export const findByIdIncludeDetails = (db: Db, id: number) => byIdIncludeDetails(db).get({ id });

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

/** Newest-first keyset page over the queue indexes (no OFFSET). */
export function list(db: Db, f: ListFilter) {
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
  const rows = db
    .select(summaryColumns)
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(owner, eq(owner.id, incidents.ownerAgentId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(and(...where))
    .orderBy(desc(incidents.id))
    .limit(f.limit + 1)
    .all();
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

export const findJournal = (db: Db, incidentId: number) =>
  db
    .select({
      id: journalEntries.id,
      kind: journalEntries.kind,
      visibility: journalEntries.visibility,
      body: journalEntries.body,
      data: journalEntries.data,
      createdAt: journalEntries.createdAt,
      authorName: users.name,
    })
    .from(journalEntries)
    .leftJoin(users, eq(users.id, journalEntries.authorId))
    .where(eq(journalEntries.incidentId, incidentId))
    .orderBy(desc(journalEntries.id))
    .all();

/**
 * One page of the journal, newest first, by keyset (the id of the last entry seen): an incident
 * can hold thousands of entries, so no one response carries them all. `customerOnly` filters in
 * the query, so a customer's page is never short because internal entries were dropped after it.
 */
/** A page of the journal, newest first, below a cursor (two shapes: everything, customer-visible). */
const journalPage = (customerOnly: boolean) =>
  perConnection((db: Db) =>
    db
      .select({
        id: journalEntries.id,
        kind: journalEntries.kind,
        visibility: journalEntries.visibility,
        body: journalEntries.body,
        data: journalEntries.data,
        createdAt: journalEntries.createdAt,
        authorName: users.name,
      })
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
      .limit(sql.placeholder('limit'))
      .prepare(),
  );
const staffJournalPage = journalPage(false);
const customerJournalPage = journalPage(true);

export function findJournalPage(
  db: Db,
  incidentId: number,
  {
    cursor,
    limit,
    customerOnly = false,
  }: { cursor?: number; limit: number; customerOnly?: boolean },
) {
  const rows = (customerOnly ? customerJournalPage : staffJournalPage)(db).all({
    incidentId,
    cursor: cursor ?? Number.MAX_SAFE_INTEGER,
    limit: limit + 1,
  });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}

const audit = perConnection((db: Db) =>
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
    .orderBy(desc(auditEvents.id))
    .prepare(),
);
export const findAudit = (db: Db, incidentId: number) => audit(db).all({ incidentId });
