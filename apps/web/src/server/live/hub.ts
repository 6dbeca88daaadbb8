// One tail of the change feed per process and database, fanned out to every live subscription
// (issue 17): 200 open pages cost one feed read per commit and one poll for other processes'
// commits, not 200. The hub also keeps two server-side clocks: consult prompts coming due and
// incident viewers whose process died. On a pg Reader the feed is LISTEN/NOTIFY's (every server's
// commits wake it at once); its start position is then read asynchronously (`ready`).
import { type ChangeEvent, expireViewers, viewerTtlMs } from '@handoff/domain';
import {
  commit,
  changeFeed,
  consultRepository,
  engineOf,
  viewerRepository,
  type Db,
} from '@handoff/db';

/** What a listener hears: new changes in commit order, or a server clock tick (a prompt came due). */
export type HubSignal = { changes: ChangeEvent[] } | { tick: string };
type Listener = (signal: HubSignal) => void;

export interface LiveHub {
  listen(listener: Listener): () => void;
  /** Reckon the consult-prompt deadline again (a consult changed). */
  rearm(): void;
  /** The server clock jumped (the test clock): prompts may have come due at once. */
  clockMoved(): void;
  /**
   * Settles once the feed is in place (its start position read): every change after that reaches
   * the listeners, so a stream reads its catch-up only after awaiting this.
   */
  ready(): Promise<void>;
  /** The feed position the hub has handed out (tests). */
  lastId(): number;
  /** Reads pending changes now (tests). */
  flush(): Promise<void>;
}

export interface HubOptions {
  now: () => string;
  /** How often to look for other processes' commits; local commits wake the hub at once. */
  pollMs?: number;
  /** How often to sweep viewers whose process died. */
  sweepMs?: number;
}

const hubs = new WeakMap<Db, LiveHub>();

/** The process's hub for `db` (created on first use). */
export function liveHub(db: Db, options: HubOptions): LiveHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = createHub(db, options)));
  return hub;
}

export function createHub(db: Db, { now, pollMs = 500, sweepMs = viewerTtlMs }: HubOptions) {
  const listeners = new Set<Listener>();
  let feed: changeFeed.Subscription | null = null;
  // The running feed's start (its position read, the subscription ready); null while stopped.
  let started: Promise<void> | null = null;
  // Where the feed starts, or where the last one stopped (lastId while none runs).
  let position = 0;
  let promptTimer: ReturnType<typeof setTimeout> | null = null;
  let sweeper: ReturnType<typeof setInterval> | null = null;

  const emit = (signal: HubSignal) => {
    for (const l of [...listeners]) l(signal);
  };

  // The next consult prompt coming due, by the server's clock: one timer for the whole process.
  // The deadline is read asynchronously; whichever reading lands last sets the one timer.
  const arm = async () => {
    const next = listeners.size === 0 ? null : await consultRepository.nextPromptAfter(db, now());
    if (promptTimer) clearTimeout(promptTimer);
    promptTimer = null;
    if (next === null || listeners.size === 0) return;
    const wait = Math.min(Math.max(Date.parse(next) - Date.parse(now()), 0) + 50, 60_000);
    promptTimer = setTimeout(() => {
      const at = now();
      if (Date.parse(at) >= Date.parse(next)) emit({ tick: at });
      rearm();
    }, wait);
    promptTimer.unref?.();
  };
  const rearm = () => {
    if (promptTimer) clearTimeout(promptTimer);
    promptTimer = null;
    if (listeners.size === 0) return;
    arm().catch((e: unknown) => console.error('[live] consult prompt timer failed', e));
  };

  const sweep = async () => {
    const expired = await viewerRepository.findExpired(db, now());
    if (expired.length > 0) await commit(db, expireViewers(expired, now()));
  };

  const startFeed = async (generation: number) => {
    // SQLite reads the position synchronously (in the commit's wake); pg awaits it.
    const afterId =
      engineOf(db) === 'pg'
        ? await changeFeed.findLatestChangeId(db)
        : changeFeed.latestChangeId(db);
    if (generation !== runs) return;
    position = afterId;
    feed = changeFeed.subscribe(db, {
      afterId,
      pollMs,
      onChanges: (changes) => {
        emit({ changes });
        if (changes.some((c) => c.entity === 'consult')) rearm();
      },
      onError: (e) => console.error('[live] change feed read failed', e),
    });
    await feed.ready;
  };

  // Each start and stop is a generation: a start that lands after its stop subscribes nothing.
  let runs = 0;
  const start = () => {
    const generation = ++runs;
    started = startFeed(generation).catch((e: unknown) =>
      console.error('[live] change feed start failed', e),
    );
    sweeper = setInterval(() => {
      sweep().catch((e: unknown) => console.error('[live] viewer sweep failed', e));
    }, sweepMs);
    sweeper.unref?.();
  };

  const stop = () => {
    runs++;
    const running = feed;
    if (running) position = running.lastId();
    feed = null;
    started = null;
    void Promise.resolve(running?.stop()).catch((e: unknown) =>
      console.error('[live] change feed stop failed', e),
    );
    if (sweeper) clearInterval(sweeper);
    if (promptTimer) clearTimeout(promptTimer);
    sweeper = promptTimer = null;
  };

  return {
    listen(listener: Listener) {
      listeners.add(listener);
      if (!started) start();
      if (!promptTimer) rearm();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    rearm,
    clockMoved: () => {
      if (listeners.size === 0) return;
      emit({ tick: now() });
      rearm();
    },
    ready: () => started ?? Promise.resolve(),
    lastId: () => feed?.lastId() ?? position,
    flush: async () => {
      await started;
      await feed?.flush();
    },
  } satisfies LiveHub;
}
