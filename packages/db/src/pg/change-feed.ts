// The change feed on PostgreSQL (issue 20): the same reads as change-feed/changes-since.ts, and a
// subscription woken by LISTEN/NOTIFY (every server on the database hears every commit at once),
// polling the table as well in case a notification is lost (a dropped connection).
import { type ChangeEvent, type ChangeScope } from '@handoff/domain';
import pg from 'pg';
import { changesQuery, latestChangeQuery } from '../change-feed/changes-since';
import { pgReader } from '../reader';
import { type PgDb, type PgRead } from './client';
import { changeChannel } from './commit';

/**
 * The changes after `afterId` in commit order (at most `limit`), within `scope` (teams OR people,
 * AND entities): change-feed/changes-since.ts's query; id order is commit order on pg too
 * (pg/commit.ts takes the ordering lock).
 */
export async function changesSincePg(
  db: PgRead,
  afterId: number,
  scope: ChangeScope = {},
  limit = 500,
): Promise<ChangeEvent[]> {
  return changesQuery(pgReader(db), afterId, scope, limit);
}

/** The id of the newest change (0 when there is none). */
export async function latestChangeIdPg(db: PgRead): Promise<number> {
  const [row] = await latestChangeQuery(pgReader(db));
  return row?.id ?? 0;
}

export interface PgSubscription {
  /** Settles once LISTEN is in place and the first read is done. */
  readonly ready: Promise<void>;
  readonly lastId: () => number;
  /** Reads any pending changes now. */
  readonly flush: () => Promise<void>;
  readonly stop: () => Promise<void>;
}

export interface PgSubscribeOptions {
  afterId: number;
  scope?: ChangeScope;
  /** The fallback poll (ms); NOTIFY wakes it at once. */
  pollMs?: number;
  batch?: number;
  onChanges: (changes: ChangeEvent[]) => void | Promise<void>;
  onError?: (error: unknown) => void;
}

/**
 * Delivers every change after `afterId` exactly once, in commit order, from any server's commits:
 * a NOTIFY on `handoff_changes` (sent in the committing transaction, so delivered only once it has
 * committed) wakes the reader; a poll every `pollMs` covers a lost connection.
 */
export function subscribePg(db: PgDb, options: PgSubscribeOptions): PgSubscription {
  const { scope = {}, pollMs = 5000, batch = 500, onChanges, onError } = options;
  let last = options.afterId;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const readAll = async () => {
    for (;;) {
      const changes = await changesSincePg(db, last, scope, batch);
      if (changes.length === 0 || stopped) return;
      last = changes[changes.length - 1]!.id;
      await onChanges(changes);
      if (changes.length < batch) return;
    }
  };
  // One reader at a time; a wake-up during a read makes it read once more.
  const flush = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await readAll();
        } while (again && !stopped);
      } catch (e) {
        onError?.(e);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const listener = new pg.Client(db.$client.options);
  listener.on('notification', (m) => {
    if (m.channel === changeChannel) void flush();
  });
  listener.on('error', (e) => onError?.(e));
  const ready = (async () => {
    try {
      await listener.connect();
      await listener.query(`LISTEN ${changeChannel}`);
    } catch (e) {
      // Polling still delivers; say why the push did not start.
      onError?.(e);
    }
    await flush();
  })();
  const timer = setInterval(() => void flush(), pollMs);
  timer.unref?.();

  return {
    ready,
    lastId: () => last,
    flush,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await ready;
      await running;
      await listener.end().catch(() => {});
    },
  };
}
