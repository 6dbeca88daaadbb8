// An in-process subscription to the change feed: woken at once by this process's commits, and by
// polling the table for commits of other processes on the same database file.
import { type ChangeEvent, type ChangeScope } from '@handoff/domain';
import { type Db } from '../client';
import { onLocalCommit } from '../commit/notifier';
import { changesSince } from './changes-since';

export interface Subscription {
  /** The id of the last change handed to the consumer. */
  readonly lastId: () => number;
  /** Reads any pending changes now (tests, shutdown). */
  readonly flush: () => void;
  readonly stop: () => void;
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
  queueMicrotask(flush);
  return {
    lastId: () => last,
    flush,
    stop: () => {
      stopped = true;
      off();
      clearInterval(timer);
    },
  };
}
