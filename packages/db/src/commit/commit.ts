// The one place outside the seed that opens a write transaction: a decision's effects are applied
// all-or-nothing in one IMMEDIATE transaction, with its change events, then local subscribers wake.
import { isRef, type Effects, type EntityId, type EntityName, type RowOf } from '@handoff/domain';
import { type Db } from '../client';
import { applyEffects, rowKey, type Applied } from './apply';
import { notifyLocalCommit } from './notifier';
import { keepClocks } from '../sla/keep-clocks';

/**
 * What `commit` runs: Effects decided already, or a plan that loads inside the transaction and
 * returns one domain decision. The SQLite plan must be synchronous (better-sqlite3 cannot await
 * inside a transaction); an asynchronous driver may accept a Promise here (see CommitPort).
 */
export type Plan<R = Db> = Effects | ((read: R) => Effects);

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

/**
 * Synchronous commit for SQLite: runs the plan's loads and the writes in one IMMEDIATE transaction
 * (the write lock is taken first, so what the plan read cannot change before the writes). Any throw
 * — a refusal, a CONFLICT miss, a constraint — rolls everything back: no row, journal entry, outbox
 * mail or change event is left behind. Inside the plan, `read` is this same connection.
 */
export function commitSync(db: Db, plan: Plan): CommitResult {
  const applied = db.transaction(
    () => {
      const effects = typeof plan === 'function' ? plan(db) : plan;
      if (isPromiseLike(effects))
        throw new Error('A SQLite commit plan must be synchronous (it returned a Promise).');
      const applied = applyEffects(db, effects);
      // Incidents' SLA clocks follow every incident change, in the same transaction (issue 18).
      keepClocks(db, effects, applied);
      return applied;
    },
    { behavior: 'immediate' },
  );
  if (applied.changeIds.length > 0) notifyLocalCommit(db);
  return commitResult(applied);
}

/** The commit procedures await: SQLite commits synchronously inside; the signature fits an async driver. */
export function commit(db: Db, plan: Plan): Promise<CommitResult> {
  try {
    return Promise.resolve(commitSync(db, plan));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/** The SQLite CommitPort of a connection. */
export const sqliteCommitPort = (db: Db): CommitPort<Db> => ({
  commit: (plan) => commit(db, plan as Plan),
});
