// The commit module on PostgreSQL (issue 20): the same Effects as the SQLite commit (commit/apply.ts),
// applied in one transaction, with the same conditional updates, refs, journal, audit, notifications,
// presence, outbox and change events, and the same CommitResult.
//
// ISOLATION: READ COMMITTED plus row conditions, not SERIALIZABLE, by default.
// - Every write a decision depends on is conditional: `UPDATE … WHERE id = $1 AND version = $2
//   [AND owner_agent_id IS NULL …] RETURNING *`. Under READ COMMITTED an UPDATE that finds its row
//   locked by another transaction waits for it, then re-evaluates its WHERE on the newest committed
//   version of the row (PostgreSQL's EvalPlanQual recheck). So of two first claims of one incident
//   the second sees version 2 / an owner, matches no row and is CONFLICT: exactly one wins, with no
//   retries and no serialization failures under load (tested: commit.pg.test.ts).
// - A plan that decided on a row another commit then changed is run again (up to twice) when its
//   write misses: it reads what is committed now and decides in its own words, as it would have on
//   SQLite, where commits run one at a time ("INC-… was already claimed by Parker", not the write's
//   generic conflict). The row condition still refuses a plan that asks for the same write again.
// - Uniqueness a decision relies on (idempotency keys, one SLA warning per clock and level, incident
//   numbers from `counters`) is enforced by unique keys and row locks, which hold at any isolation.
// - What READ COMMITTED does not give is a snapshot across the plan's reads: a plan that reads rows it
//   does not write (e.g. "the group keeps at least one member" while deleting a membership) can act on a
//   state that a concurrent commit is changing: write skew. SQLite cannot show this (IMMEDIATE
//   transactions run one at a time). Such a plan asks for `{ isolation: 'serializable' }`: PostgreSQL then
//   aborts one of the two (40001) and the commit runs its plan again, where it now sees the other's
//   commit and decides afresh (tested). The async sweep marks those plans (see the report / README).
// - Deadlocks (40P01, e.g. two commits moving queue counts in opposite directions) are retried the same way:
//   a plan only loads and decides, so running it again is safe.
//
// CHANGE-FEED ORDER: identity ids are handed out when a row is inserted, not when its transaction
// commits, so T1 could take id 10, T2 id 11, T2 commit first, a reader see 11, resume after 11 and never see 10.
// The commit therefore takes a transaction-level advisory lock (`pg_advisory_xact_lock`) just before it
// inserts its change events, as its last statements: the lock is held until COMMIT and released only after
// the commit is visible, so the next committer gets its ids after every earlier committer's ids are
// visible. Id order is commit order and `changesSince(lastId)` never skips. The lock serializes only this
// tail (a few inserts and the COMMIT), not the plans. NOTIFY in the same transaction is delivered at commit.
import {
  type Effects,
  type RowDelete,
  type RowInsert,
  type RowUpdate,
  type RowWrite,
} from '@handoff/domain';
import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { commitResult, type CommitPort, type CommitResult } from '../commit/commit';
import {
  deleteMiss,
  rowMisses,
  keyOf,
  resolve,
  resolveValues,
  rowKey,
  updateMiss,
  type Applied,
} from '../commit/apply';
import { outboxRows, threadOrder, type Thread } from '../commit/outbox';
import { changeEvents, inboundMail, incidents, notifications, outbox, users } from '../schema-pg';
import { type PgDb, type PgTx } from './client';
import { keepClocksPg } from './keep-clocks';
import { pgAuditTables, pgEntityTables, pgJournalTables } from './tables';

type AnyRow = Record<string, unknown> & { id: number };

/** The channel every commit with change events NOTIFYs (payload: its last change id). */
export const changeChannel = 'handoff_changes';
/** The advisory lock key that orders change-event ids by commit (see the header). */
export const changeOrderLockKey = 0x48_44_00_02;

export type PgPlan = Effects | ((read: PgTx) => Effects | PromiseLike<Effects>);

export interface PgCommitOptions {
  /** READ COMMITTED (default: row conditions suffice) or SERIALIZABLE for plans with cross-row invariants. */
  isolation?: 'read committed' | 'serializable';
  /** How often a plan runs again after a serialization failure or deadlock (default 5). */
  retries?: number;
}

const columnsOf = (table: PgTable) => getTableColumns(table) as Record<string, PgColumn>;

function column(entity: string, table: PgTable, key: string): PgColumn {
  const c = columnsOf(table)[key];
  if (!c) throw new Error(`${entity} has no column ${key}`);
  return c;
}

async function insert(tx: PgTx, applied: Applied, write: RowInsert) {
  const values = resolveValues(applied, write.values);
  const [row] = (await tx
    .insert(pgEntityTables[write.entity])
    .values(values)
    .returning()) as AnyRow[];
  const id = row![keyOf(write.entity)] as number;
  if (write.ref !== undefined) applied.ids.set(write.ref, id);
  applied.rows.set(rowKey(write.entity, id), row!);
}

async function update(tx: PgTx, applied: Applied, write: RowUpdate) {
  const id = resolve(applied, write.id);
  const table = pgEntityTables[write.entity];
  const key = column(write.entity, table, keyOf(write.entity));
  const where: SQL[] = [eq(key, id)];
  if (write.expectedVersion !== undefined)
    where.push(eq(column(write.entity, table, 'version'), write.expectedVersion));
  for (const [k, v] of Object.entries(write.still ?? {}))
    where.push(
      v === null ? isNull(column(write.entity, table, k)) : eq(column(write.entity, table, k), v),
    );
  for (const k of Object.keys(write.set)) column(write.entity, table, k);
  const [row] = (await tx
    .update(table)
    .set(write.set as Record<string, unknown>)
    .where(and(...where))
    .returning()) as AnyRow[];
  if (row) {
    applied.rows.set(rowKey(write.entity, id), row);
    return;
  }
  const [current] = (await tx.select().from(table).where(eq(key, id))) as (AnyRow & {
    version?: number;
    number?: string;
  })[];
  throw updateMiss(write, id, current);
}

async function remove(tx: PgTx, write: RowDelete) {
  const table = pgEntityTables[write.entity];
  const where = Object.entries(write.where).map(([k, v]) =>
    v === null ? isNull(column(write.entity, table, k)) : eq(column(write.entity, table, k), v),
  );
  if (where.length === 0) throw new Error(`A delete of ${write.entity} needs a condition.`);
  const deleted = await tx
    .delete(table)
    .where(and(...where))
    .returning();
  if (write.expectRows !== undefined && deleted.length !== write.expectRows)
    throw deleteMiss(write);
}

async function applyWrite(tx: PgTx, applied: Applied, write: RowWrite) {
  if (write.op === 'insert') await insert(tx, applied, write);
  else if (write.op === 'update') await update(tx, applied, write);
  else await remove(tx, write);
}

/** The incident's mail so far, oldest first (outbox.ts's loadThread on pg). */
async function loadThread(tx: PgTx, incidentId: number): Promise<Thread | undefined> {
  const [incident] = await tx
    .select({ number: incidents.number })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  if (!incident) return undefined;
  const received = await tx
    .select({ id: inboundMail.messageId, at: inboundMail.receivedAt })
    .from(inboundMail)
    .where(and(eq(inboundMail.incidentId, incidentId), sql`${inboundMail.messageId} IS NOT NULL`));
  const sent = await tx
    .select({ id: outbox.messageId, at: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.incidentId, incidentId))
    .orderBy(outbox.id);
  return threadOrder(incident.number, received, sent);
}

async function enqueue(tx: PgTx, effects: Effects, applied: Applied) {
  if (effects.outbox.length === 0) return;
  const drafts = effects.outbox.map((m) => ({
    ...m,
    incidentId: m.incidentId === null ? null : resolve(applied, m.incidentId),
  }));
  const ids = [...new Set(drafts.flatMap((d) => (d.incidentId === null ? [] : [d.incidentId])))];
  const threads = new Map<number, Thread | undefined>();
  for (const id of ids) threads.set(id, await loadThread(tx, id));
  await tx.insert(outbox).values(outboxRows(drafts, effects.at, (id) => threads.get(id)));
}

/** Applies every effect in the documented order inside the caller's transaction; throws on any miss. */
export async function applyEffectsPg(tx: PgTx, effects: Effects): Promise<Applied> {
  const applied: Applied = { ids: new Map(), rows: new Map(), changeIds: [] };
  for (const write of effects.writes) await applyWrite(tx, applied, write);
  for (const j of effects.journal) {
    const { table, owner } = pgJournalTables[j.entity];
    await tx.insert(table).values({ ...j.entry, [owner]: resolve(applied, j.id) });
  }
  for (const a of effects.audit) {
    const { table, owner } = pgAuditTables[a.entity];
    await tx.insert(table).values({ ...a.entry, [owner]: resolve(applied, a.id) });
  }
  if (effects.notifications.length > 0)
    await tx.insert(notifications).values(
      effects.notifications.map((n) => ({
        ...n.draft,
        incidentId: resolve(applied, n.incidentId),
        createdAt: effects.at,
      })),
    );
  for (const p of effects.presence)
    await tx
      .update(users)
      .set({ presence: p.presence, presenceChangedAt: effects.at })
      .where(eq(users.id, p.userId));
  await enqueue(tx, effects, applied);
  return applied;
}

/**
 * The change events of every applied part (the plan's, then its SLA clocks'), last: one ordering
 * lock, one insert and one NOTIFY (delivered at commit) for all of them, so the serialized tail is as
 * short as it can be. Each part's `changeIds` gets its own events' ids, in order.
 */
async function appendChanges(tx: PgTx, parts: { effects: Effects; applied: Applied }[]) {
  const events = parts.flatMap(({ effects, applied }) =>
    effects.events.map((e) => ({
      entity: e.entity,
      entityId: resolve(applied, e.entityId),
      kind: e.kind,
      teamIds: [...e.teamIds],
      userIds: [...e.userIds],
      actorId: e.actorId,
      at: effects.at,
    })),
  );
  if (events.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${changeOrderLockKey})`);
  // One statement's identity values are taken row by row in VALUES order: ascending ids follow it.
  const ids = (await tx.insert(changeEvents).values(events).returning({ id: changeEvents.id }))
    .map((r) => r.id)
    .sort((a, b) => a - b);
  let next = 0;
  for (const { effects, applied } of parts) {
    applied.changeIds.push(...ids.slice(next, next + effects.events.length));
    next += effects.events.length;
  }
  await tx.execute(sql`SELECT pg_notify(${changeChannel}, ${String(ids[ids.length - 1])})`);
}

/** SQLSTATEs after which the whole transaction may simply run again. */
const retryable = new Set(['40001', '40P01']);
export function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if (retryable.has((e as { code?: string }).code ?? '')) return true;
  return false;
}

/**
 * Runs the plan's loads and the writes in one transaction (READ COMMITTED unless asked otherwise;
 * the header says why). Any throw — a refusal, a CONFLICT miss, a constraint — rolls everything
 * back. Inside the plan, `read` is the transaction: pass it to the (async) repository reads.
 */
export async function commitPg(
  db: PgDb,
  plan: PgPlan,
  options: PgCommitOptions = {},
): Promise<CommitResult> {
  const retries = options.retries ?? 5;
  let missRetries = 2;
  for (let attempt = 0; ; attempt++) {
    try {
      const applied = await db.transaction(
        async (tx) => {
          const effects = typeof plan === 'function' ? await plan(tx) : plan;
          const applied = await applyEffectsPg(tx, effects);
          // Incidents' SLA clocks follow every incident change, in the same transaction (issue 18).
          const clocks = await keepClocksPg(tx, effects, applied);
          await appendChanges(tx, clocks ? [{ effects, applied }, clocks] : [{ effects, applied }]);
          if (clocks) applied.changeIds.push(...clocks.applied.changeIds);
          return applied;
        },
        { isolationLevel: options.isolation ?? 'read committed' },
      );
      return commitResult(applied);
    } catch (error) {
      if (attempt < retries && isRetryable(error)) continue;
      // A row condition missed: another commit changed the row after this plan read it. The plan
      // runs again on what is committed now, so it decides as SQLite's serial commits would (the
      // 49 losers of 50 claims hear "already claimed by …", not "changed while you were claiming").
      // A static plan would only miss again.
      if (
        typeof plan === 'function' &&
        missRetries-- > 0 &&
        error instanceof Error &&
        rowMisses.has(error)
      )
        continue;
      throw error;
    }
  }
}

/** The PostgreSQL CommitPort of a pool. */
export const pgCommitPort = (db: PgDb, options: PgCommitOptions = {}): CommitPort<PgTx> => ({
  commit: (plan) => commitPg(db, plan, options),
});
