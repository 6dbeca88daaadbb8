// The one place outside the seed that opens a write transaction: a decision's effects are applied
// all-or-nothing in one IMMEDIATE transaction, with its change events, then local subscribers wake.
import { isRef, type Effects, type EntityId, type EntityName, type RowOf } from '@handoff/domain';
import { type Db } from '../client';
import { applyEffects, rowKey, type Applied } from './apply';
import { notifyLocalCommit } from './notifier';
import { keepClocks } from '../sla/keep-clocks';
import { exclusive, writeInProgress } from './queue';
import { asPg, engineOf, pgReader } from '../reader';
// Type-only: a SQLite-only server never loads the pg driver.
import type { PgDb } from '../pg/client';

/**
 * What `commit` runs: Effects decided already, or a plan that loads inside the transaction and
 * returns one domain decision. `commit` lets the plan be asynchronous (it awaits the repositories'
 * reads); `commitSync` (the seed, the last synchronous callers) needs a synchronous one.
 */
export type Plan<R = Db> = Effects | ((read: R) => Effects | PromiseLike<Effects>);
/** A plan `commitSync` can run: better-sqlite3's transaction cannot await. */
export type SyncPlan<R = Db> = Effects | ((read: R) => Effects);

/** What a commit wrote. */
export interface CommitResult {
  /** The id of each row the effects inserted, by its ref. */
  ids: ReadonlyMap<string, number>;
  /** The change-feed ids of the announced events, in order. */
  changeIds: readonly number[];
  /** A row this commit inserted or updated, as written (throws if it wrote no such row). */
  row<E extends EntityName>(entity: E, id: EntityId): RowOf<E>;
}

/**
 * The commit interface a database implements (SQLite here; PostgreSQL later with drizzle's pg
 * driver). Procedures only ever `await port.commit(plan)`; an async driver may let the plan return
 * a Promise and run it inside its own transaction.
 */
export interface CommitPort<R> {
  commit(plan: Effects | ((read: R) => Effects | PromiseLike<Effects>)): Promise<CommitResult>;
}

export function commitResult(applied: Applied): CommitResult {
  return {
    ids: applied.ids,
    changeIds: applied.changeIds,
    row<E extends EntityName>(entity: E, id: EntityId): RowOf<E> {
      const resolved = isRef(id) ? applied.ids.get(id.ref) : id;
      const row = resolved === undefined ? undefined : applied.rows.get(rowKey(entity, resolved));
      if (!row) throw new Error(`This commit wrote no ${entity} ${JSON.stringify(id)}.`);
      return row as RowOf<E>;
    },
  };
}

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';

/** Applies decided effects and the SLA clocks that follow them: synchronous, so nothing interleaves. */
function applyAll(db: Db, effects: Effects): Applied {
  const applied = applyEffects(db, effects);
  // Incidents' SLA clocks follow every incident change, in the same transaction (issue 18).
  keepClocks(db, effects, applied);
  return applied;
}

function finish(db: Db, applied: Applied): CommitResult {
  if (applied.changeIds.length > 0) notifyLocalCommit(db);
  return commitResult(applied);
}

const inCommit = () =>
  new Error(
    'A commit is in progress on this connection (its plan is loading): await commit() instead of commitSync().',
  );

/**
 * Synchronous commit for SQLite: runs the plan's loads and the writes in one IMMEDIATE transaction
 * (the write lock is taken first, so what the plan read cannot change before the writes). Any throw
 * — a refusal, a CONFLICT miss, a constraint — rolls everything back: no row, journal entry, outbox
 * mail or change event is left behind. Inside the plan, `read` is this same connection. Refused
 * while an asynchronous commit's plan is awaiting on the connection (it would nest inside it).
 */
export function commitSync(db: Db, plan: SyncPlan): CommitResult {
  if (engineOf(db) === 'pg')
    throw new Error('commitSync is SQLite-only (the seed): on PostgreSQL await commit() instead.');
  if (writeInProgress(db)) throw inCommit();
  const applied = db.transaction(
    () => {
      const effects = typeof plan === 'function' ? plan(db) : plan;
      if (isPromiseLike(effects))
        throw new Error('A SQLite commit plan must be synchronous (it returned a Promise).');
      return applyAll(db, effects);
    },
    { behavior: 'immediate' },
  );
  return finish(db, applied);
}

async function commitNow(db: Db, plan: Plan): Promise<CommitResult> {
  const client = db.$client;
  client.exec('BEGIN IMMEDIATE');
  let applied: Applied;
  try {
    // The plan only reads (and may take a number): other requests' reads on this connection run
    // meanwhile and see committed state; other writes wait in the queue.
    const effects = typeof plan === 'function' ? await plan(db) : plan;
    // From the first write to COMMIT nothing awaits, so no other request's code runs in between.
    applied = applyAll(db, effects);
    client.exec('COMMIT');
  } catch (e) {
    if (client.inTransaction) client.exec('ROLLBACK');
    throw e;
  }
  return finish(db, applied);
}

export { exclusive };

/**
 * The commit procedures await. The plan may be asynchronous: the connection's write queue lets one
 * commit at a time take `BEGIN IMMEDIATE`, await the plan's loads, then apply the effects and
 * COMMIT without awaiting; any throw (a refusal after an await, a CONFLICT miss, a constraint)
 * rolls back and is rethrown. (drizzle's `db.transaction()` cannot be used: its async callback
 * never rolls back.) A plan must not commit itself: it would wait for its own turn.
 */
export function commit(db: Db, plan: Plan): Promise<CommitResult> {
  if (engineOf(db) === 'pg') return commitOnPg(db, plan);
  return exclusive(db, () => commitNow(db, plan));
}

/**
 * The same commit on PostgreSQL (pg/commit.ts: one READ COMMITTED transaction with row conditions,
 * the SLA step, the change events in commit order). The plan reads through the transaction as a
 * Reader. Loaded on first use, so a SQLite server never loads the pg modules.
 */
async function commitOnPg(db: Db, plan: Plan): Promise<CommitResult> {
  const { commitPg } = await import('../pg/commit');
  const result = await commitPg(
    asPg(db) as PgDb,
    typeof plan === 'function' ? (tx) => plan(pgReader(tx)) : plan,
  );
  // This process's subscribers wake at once, as on SQLite (other servers hear the NOTIFY).
  if (result.changeIds.length > 0) notifyLocalCommit(db);
  return result;
}

/** The SQLite CommitPort of a connection. */
export const sqliteCommitPort = (db: Db): CommitPort<Db> => ({
  commit: (plan) => commit(db, plan),
});
