// The write queue (issue 20): an asynchronous commit holds its transaction open while its plan
// awaits loads, so every write takes turns. One queue per database file in this process, not per
// connection: a second connection's BEGIN IMMEDIATE would wait for the lock synchronously, on the
// very thread the first commit needs to finish (a self-deadlock until busy_timeout).
import { type Db } from '../client';
import { engineOf } from '../reader';

// On globalThis, like the commit notifier: the server loads this module twice (its API bundle and
// Next's pages), each with its own connection to the same file.
const g = globalThis as unknown as { handoffWriteQueues?: Map<unknown, Promise<unknown>> };
const tails = (g.handoffWriteQueues ??= new Map<unknown, Promise<unknown>>());
/** The queue of a connection: its database file's, or (in memory) its own. */
const keyOf = (db: Db): unknown => {
  const name = db.$client.name;
  return name && name !== ':memory:' && !db.$client.memory ? name : db.$client;
};
const settle = () => undefined;

/**
 * Runs `work` alone on the connection: after every earlier commit (or other queued write) on it has
 * finished, at once when none is waiting. Writes outside the commit module (leases, pruners) use it
 * too, so none of them lands inside another request's open transaction.
 */
export function exclusive<T>(db: Db, work: () => T | PromiseLike<T>): Promise<T> {
  const key = keyOf(db);
  const tail = tails.get(key);
  let run: Promise<T>;
  if (tail) run = tail.then(work);
  else {
    try {
      run = Promise.resolve(work());
    } catch (e) {
      run = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
  const settled = run.then(settle, settle);
  tails.set(key, settled);
  void settled.then(() => {
    if (tails.get(key) === settled) tails.delete(key);
  });
  return run;
}

/**
 * Whether queued writes are in flight on this database in this process (an asynchronous commit's
 * plan may hold the transaction open): a synchronous commit now would nest in it or wait for a lock
 * this thread holds.
 */
export const writeInProgress = (db: Db): boolean => tails.has(keyOf(db));

/** A write statement built on the handle (its SQLite type; on pg drizzle's builder, awaited). */
type CountedWrite = { run(): { changes: number } };

/**
 * Runs a write outside any commit (a pruner's DELETE) and returns how many rows it changed, on
 * either engine: on SQLite in the write queue (`exclusive`), on pg straight on the pool, where the
 * statement is its own transaction and row locks order it against commits.
 */
export async function countedWrite(db: Db, build: () => CountedWrite): Promise<number> {
  if (engineOf(db) === 'pg') {
    const result = await (build() as unknown as PromiseLike<{ rowCount: number | null }>);
    return result.rowCount ?? 0;
  }
  return exclusive(db, () => build().run().changes);
}
