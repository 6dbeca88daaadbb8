// Wakes this process's change-feed subscribers as soon as a local commit lands. Other processes
// on the same database file see the change when they next poll the table.
import { type Db } from '../client';

// On globalThis: the production server loads this module twice (its own API bundle and Next's
// pages), and a commit in either must wake subscribers in both.
const g = globalThis as unknown as { handoffCommitListeners?: Map<unknown, Set<() => void>> };
const listeners = (g.handoffCommitListeners ??= new Map<unknown, Set<() => void>>());

/** One key per database file, so every connection to it in this process shares the wake-ups. */
const keyOf = (db: Db): unknown => {
  const name = db.$client.name;
  return name && name !== ':memory:' && !db.$client.memory ? name : db;
};

export function onLocalCommit(db: Db, listener: () => void): () => void {
  const key = keyOf(db);
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
}

export function notifyLocalCommit(db: Db): void {
  for (const listener of [...(listeners.get(keyOf(db)) ?? [])]) listener();
}
