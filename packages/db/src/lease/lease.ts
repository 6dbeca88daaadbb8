// Exactly-once work among server processes on one database (issue 16): a lease row per job.
// Each call is one atomic statement, so no transaction is needed and two processes can't both win.
// The writes wait their turn in the connection's write queue: never inside another request's commit.
// On a pg Reader each call runs pg/lease.ts's twin, loaded on first use (a SQLite server never loads
// the pg driver).
import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { type Db, type Reader } from '../client';
import { exclusive } from '../commit/queue';
import { asPg, engineOf } from '../reader';
import { leases } from '../schema';

const onPg = () => import('../pg/lease');

/** This process's name as a lease holder: host, pid and a random part (a restarted pid differs). */
export const processHolder = (): string =>
  `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/**
 * Takes or renews the lease `name` for `holder` until `nowMs + ttlMs`. True when `holder` now has
 * it: it was free, expired, or already theirs. False while another holder's lease is current.
 */
export async function tryLease(
  db: Db,
  lease: { name: string; holder: string; nowMs: number; ttlMs: number },
): Promise<boolean> {
  if (engineOf(db) === 'pg') return (await onPg()).tryLeasePg(asPg(db), lease);
  const now = new Date(lease.nowMs).toISOString();
  const until = new Date(lease.nowMs + lease.ttlMs).toISOString();
  return exclusive(db, () => {
    const result = db.run(sql`
      INSERT INTO leases (name, holder, expires_at) VALUES (${lease.name}, ${lease.holder}, ${until})
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE leases.holder = excluded.holder OR leases.expires_at <= ${now}`);
    return result.changes === 1;
  });
}

/** Gives the lease up at once (a clean shutdown), if `holder` has it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  if (engineOf(db) === 'pg') return (await onPg()).releaseLeasePg(asPg(db), name, holder);
  await exclusive(db, () =>
    db.run(sql`DELETE FROM leases WHERE name = ${name} AND holder = ${holder}`),
  );
}

/** Who holds the lease and until when (the admin Mail page; tests). */
export const findLease = async (db: Reader, name: string) =>
  engineOf(db) === 'pg'
    ? (await onPg()).findLeasePg(asPg(db), name)
    : db.select().from(leases).where(eq(leases.name, name)).get();

export interface LeaseKeeper {
  /** Settles after the first try: the work has started here, or another holder has the lease. */
  ready: Promise<void>;
  /** Whether this process holds the lease right now. */
  holds(): boolean;
  /** Stops renewing, stops the work and frees the lease for another process. */
  stop(): Promise<void>;
}

/** What keeping a lease needs from an engine: its try and release statements (SQLite here, pg/lease.ts). */
export interface LeaseStatements {
  tryLease(lease: {
    name: string;
    holder: string;
    nowMs: number;
    ttlMs: number;
  }): boolean | Promise<boolean>;
  releaseLease(name: string, holder: string): void | Promise<void>;
}

export interface KeepLeaseOptions {
  name: string;
  holder?: string;
  ttlMs?: number;
  nowMs?: () => number;
  start: () => Promise<void> | void;
  stop: () => Promise<void> | void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps trying for the lease (every third of its lifetime): on taking it, starts the work; on
 * losing it (this process was too slow to renew, another took over), stops the work. On a pg
 * Reader, the same loop on pg/lease.ts's statements (tryLease/releaseLease dispatch).
 */
export function keepLease(db: Db, opts: KeepLeaseOptions): LeaseKeeper {
  return keepLeaseWith(
    {
      tryLease: (lease) => tryLease(db, lease),
      releaseLease: (name, holder) => releaseLease(db, name, holder),
    },
    opts,
  );
}

/** keepLease on any engine's statements. */
export function keepLeaseWith(statements: LeaseStatements, opts: KeepLeaseOptions): LeaseKeeper {
  const holder = opts.holder ?? processHolder();
  const ttlMs = opts.ttlMs ?? 15_000;
  const nowMs = opts.nowMs ?? Date.now;
  let held = false;
  let stopped = false;
  // One tick at a time: starting or stopping the work may take a while.
  let ticking: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    let has: boolean;
    try {
      has = await statements.tryLease({ name: opts.name, holder, nowMs: nowMs(), ttlMs });
    } catch (error) {
      // The database is busy beyond its timeout (or unreachable): not holding is the safe answer.
      opts.onError?.(error);
      has = false;
    }
    if (has && !held) {
      held = true;
      await opts.start();
    } else if (!has && held) {
      held = false;
      await opts.stop();
    }
  };
  const schedule = () => {
    ticking = ticking.then(tick).catch((error: unknown) => opts.onError?.(error));
    return ticking;
  };
  const ready = schedule();
  const timer = setInterval(() => void schedule(), Math.max(50, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    ready,
    holds: () => held,
    stop: async () => {
      clearInterval(timer);
      await ticking;
      stopped = true;
      if (held) {
        held = false;
        await opts.stop();
      }
      await statements.releaseLease(opts.name, holder);
    },
  };
}
