// Direct outage and problem writes for the demo seed and test fixtures only: production writes go
// through the commit module (commit/commitSync with an Effects value).
import { and, eq } from 'drizzle-orm';
import {
  DomainError,
  formatOutageNumber,
  formatProblemNumber,
  type NewOutage,
  type NewOutageUpdate,
  type NewProblem,
  type NewProblemAuditEntry,
  type NewProblemJournalEntry,
  type Outage,
  type Problem,
} from '@handoff/domain';
import { type Db } from '../client';
import {
  outages,
  outageServices,
  outageUpdates,
  problemAudit,
  problemJournal,
  problems,
} from '../schema';
import { nextCounter, type Tx } from '../repositories/incident';

type Reader = Db | Tx;

/** Declares an outage: its number, services and first timeline entry, in the caller's transaction. */
export function insertOutage(
  tx: Tx,
  draft: { outage: NewOutage; serviceIds: number[]; updates: NewOutageUpdate[] },
): Outage {
  const number = formatOutageNumber(nextCounter(tx, 'outage'));
  const row = tx
    .insert(outages)
    .values({ ...draft.outage, number })
    .returning()
    .get();
  tx.insert(outageServices)
    .values(draft.serviceIds.map((serviceId) => ({ outageId: row.id, serviceId })))
    .run();
  insertOutageUpdates(tx, row.id, draft.updates);
  return row;
}

export function insertOutageUpdates(tx: Reader, outageId: number, updates: NewOutageUpdate[]) {
  if (updates.length > 0)
    tx.insert(outageUpdates)
      .values(updates.map((u) => ({ ...u, outageId })))
      .run();
}

/** Writes an outage change only at the version the user saw (CONFLICT otherwise), with its timeline entries. */
export function updateOutage(
  tx: Tx,
  args: {
    id: number;
    expectedVersion: number;
    changes: Partial<Outage>;
    updates: NewOutageUpdate[];
  },
): Outage {
  const row = tx
    .update(outages)
    .set(args.changes)
    .where(and(eq(outages.id, args.id), eq(outages.version, args.expectedVersion)))
    .returning()
    .get();
  if (!row) {
    throw new DomainError(
      'CONFLICT',
      'This outage was changed by someone else since you opened it. Reload to see their change; nothing of yours was saved.',
    );
  }
  insertOutageUpdates(tx, row.id, args.updates);
  return row;
}

/** Creates a problem with its number, journal and audit rows, in the caller's transaction. */
export function insertProblem(
  tx: Tx,
  draft: { problem: NewProblem; journal: NewProblemJournalEntry[]; audit: NewProblemAuditEntry[] },
): Problem {
  const number = formatProblemNumber(nextCounter(tx, 'problem'));
  const row = tx
    .insert(problems)
    .values({ ...draft.problem, number })
    .returning()
    .get();
  insertProblemJournal(tx, row.id, draft.journal);
  insertProblemAudit(tx, row.id, draft.audit);
  return row;
}

export function insertProblemJournal(
  tx: Reader,
  problemId: number,
  entries: NewProblemJournalEntry[],
) {
  if (entries.length > 0)
    tx.insert(problemJournal)
      .values(entries.map((e) => ({ ...e, problemId })))
      .run();
}

export function insertProblemAudit(tx: Reader, problemId: number, entries: NewProblemAuditEntry[]) {
  if (entries.length > 0)
    tx.insert(problemAudit)
      .values(entries.map((e) => ({ ...e, problemId })))
      .run();
}

/** Writes a problem change only at the version the user saw (CONFLICT otherwise), with journal and audit. */
export function updateProblem(
  tx: Tx,
  args: {
    id: number;
    expectedVersion: number;
    changes: Partial<Problem>;
    journal: NewProblemJournalEntry[];
    audit: NewProblemAuditEntry[];
  },
): Problem {
  const row = tx
    .update(problems)
    .set(args.changes)
    .where(and(eq(problems.id, args.id), eq(problems.version, args.expectedVersion)))
    .returning()
    .get();
  if (!row) {
    throw new DomainError(
      'CONFLICT',
      'This problem was changed by someone else since you opened it. Reload to see their change; nothing of yours was saved.',
    );
  }
  insertProblemJournal(tx, row.id, args.journal);
  insertProblemAudit(tx, row.id, args.audit);
  return row;
}
