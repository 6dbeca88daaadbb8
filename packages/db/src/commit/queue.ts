// The per-connection write queue (issue 20): an asynchronous commit holds its connection's
// transaction open while its plan awaits loads, so every write on the connection takes turns.
import type Database from 'better-sqlite3';
import { type Db } from '../client';

// One write at a time per connection: the tail of each connection's queue of commits.
const tails = new WeakMap<Database.Database, Promise<unknown>>();
const settle = () => undefined;

/**
 * Runs `work` alone on the connection: after every earlier commit (or other queued write) on it has
 * finished, at once when none is waiting. Writes outside the commit module (leases, pruners) use it
 * too, so none of them lands inside another request's open transaction.
 */
export function exclusive<T>(db: Db, work: () => T | PromiseLike<T>): Promise<T> {
  const client = db.$client;
  const tail = tails.get(client);
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
  tails.set(client, settled);
  void settled.then(() => {
    if (tails.get(client) === settled) tails.delete(client);
  });
  return run;
}

/** Whether a queued write (an asynchronous commit's plan, most likely) holds the connection's transaction open. */
export const writeInProgress = (db: Db): boolean =>
  db.$client.inTransaction && tails.has(db.$client);
