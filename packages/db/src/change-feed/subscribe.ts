// An in-process subscription to the change feed: woken at once by this process's commits, and by
// polling the table for commits of other processes on the same database file. On a pg Reader it
// is pg/change-feed.ts's `subscribePg` (LISTEN/NOTIFY: every server's commits wake it), loaded on
// first use so a SQLite server never loads the pg driver.
import { type ChangeEvent, type ChangeScope } from '@handoff/domain';
import { type Db } from '../client';
import { onLocalCommit } from '../commit/notifier';
import { asPg, engineOf } from '../reader';
// Type-only: a SQLite-only server never loads the pg driver.
import type { PgDb } from '../pg/client';
import type { PgSubscription } from '../pg/change-feed';
import { changesSince } from './changes-since';

export interface Subscription {
  /**
   * Settles once the feed is in place and has read what was pending (SQLite: after the first read;
   * pg: once LISTEN is set up and the first read is done). Never rejects (errors go to onError).
   */
  readonly ready: Promise<void>;
  /** The id of the last change handed to the consumer. */
  readonly lastId: () => number;
  /** Reads any pending changes now (tests, shutdown): synchronous on SQLite, awaited on pg. */
  readonly flush: () => void | Promise<void>;
  /** Stops reading (pg: also closes the LISTEN connection; await it for a clean shutdown). */
  readonly stop: () => void | Promise<void>;
}

export interface SubscribeOptions {
  /** Start after this id (the last one the consumer handled); 0 = from the oldest kept change. */
  afterId: number;
  scope?: ChangeScope;
  /** How often to look for other processes' commits (ms); local commits wake it at once. */
  pollMs?: number;
  batch?: number;
  /** Called with each batch in commit order; the next batch comes after it returns. */
  onChanges: (changes: ChangeEvent[]) => void;
  onError?: (error: unknown) => void;
}

/**
 * Delivers every change after `afterId` exactly once, in commit order. The consumer persists the
 * last id it handled and passes it back as `afterId` after a restart.
 */
export function subscribe(db: Db, options: SubscribeOptions): Subscription {
  if (engineOf(db) === 'pg') return subscribeOnPg(db, options);
  const { scope = {}, pollMs = 1000, batch = 500, onChanges, onError } = options;
  let last = options.afterId;
  let stopped = false;
  let reading = false;
  const flush = () => {
    if (stopped || reading) return;
    reading = true;
    try {
      for (;;) {
        const changes = changesSince(db, last, scope, batch);
        if (changes.length === 0) break;
        last = changes[changes.length - 1]!.id;
        onChanges(changes);
        if (changes.length < batch || stopped) break;
      }
    } catch (e) {
      onError?.(e);
    } finally {
      reading = false;
    }
  };
  // Wake after the committing call returns, never inside the committer's stack.
  const off = onLocalCommit(db, () => queueMicrotask(flush));
  const timer = setInterval(flush, pollMs);
  timer.unref?.();
  const ready = Promise.resolve().then(flush);
  return {
    ready,
    lastId: () => last,
    flush,
    stop: () => {
      stopped = true;
      off();
      clearInterval(timer);
    },
  };
}

/**
 * The subscription on PostgreSQL: `subscribePg` on the Reader's pool (its own LISTEN connection);
 * this process's commits wake it at once as well (commit() notifies locally on pg too), so a lost
 * NOTIFY costs nothing here.
 */
function subscribeOnPg(db: Db, options: SubscribeOptions): Subscription {
  let stopped = false;
  let sub: PgSubscription | null = null;
  const started = import('../pg/change-feed').then(
    ({ subscribePg }) => {
      if (!stopped) sub = subscribePg(asPg(db) as PgDb, options);
      return sub;
    },
    (e: unknown) => {
      options.onError?.(e);
      return null;
    },
  );
  const off = onLocalCommit(db, () => void sub?.flush());
  return {
    ready: started.then((s) => s?.ready),
    lastId: () => sub?.lastId() ?? options.afterId,
    flush: async () => {
      await (await started)?.flush();
    },
    stop: async () => {
      stopped = true;
      off();
      await (await started)?.stop();
    },
  };
}
