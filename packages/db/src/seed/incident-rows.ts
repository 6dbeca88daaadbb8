// Direct incident writes for the demo seed and test fixtures only: production writes go through
// the commit module (commit/commitSync with an Effects value). Kept out of the read-only repository.
import { and, eq } from 'drizzle-orm';
import {
  DomainError,
  formatIncidentNumber,
  type Incident,
  type NewAuditEntry,
  type NewIncident,
  type NewJournalEntry,
  type NotificationDraft,
} from '@handoff/domain';
import { type Db } from '../client';
import {
  auditEvents,
  consultRequests,
  incidents,
  journalEntries,
  notifications,
  users,
} from '../schema';
import { nextCounter, type Tx } from '../repositories/incident';

type Writer = Db | Tx;

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

/** Ends the incident's open consults (for fixtures that hand an incident on by hand). */
export function expireOpenConsults(tx: Writer, incidentId: number): void {
  tx.update(consultRequests)
    .set({ status: 'expired' })
    .where(and(eq(consultRequests.incidentId, incidentId), eq(consultRequests.status, 'open')))
    .run();
}
