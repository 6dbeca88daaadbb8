// The sign-in throttle's counters (issue 13 item 5); what they mean is the domain's (auth/sign-in-throttle).
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import {
  counterRetentionMs,
  type AttemptCounters,
  type SignInCounterRow,
  type ThrottleKind,
} from '@handoff/domain';
import { type Db } from '../client';
import { perConnection } from '../prepared';
import { signInCounters } from '../schema';
import { type Tx } from './incident';

const byKey = perConnection((db: Db | Tx) =>
  db
    .select()
    .from(signInCounters)
    .where(
      and(
        eq(signInCounters.kind, sql.placeholder('kind')),
        eq(signInCounters.key, sql.placeholder('key')),
      ),
    )
    .prepare(),
);

/** One key's counter, if it has one. */
export const findCounter = (db: Db | Tx, kind: ThrottleKind, key: string) =>
  byKey(db).get({ kind, key });

/** The counters one attempt (this address, from this client) is judged by. */
export const findAttempt = (db: Db | Tx, email: string, client: string): AttemptCounters => ({
  account: findCounter(db, 'account', email),
  client: findCounter(db, 'client', client),
});

/** Counters locking their key at `now` (epoch ms), soonest lifted first. */
export const findLocked = (db: Db, now: number): SignInCounterRow[] =>
  db
    .select()
    .from(signInCounters)
    .where(gt(signInCounters.lockedUntil, now))
    .orderBy(signInCounters.lockedUntil)
    .all();

/** Forgets counters whose window and lock are long over (run hourly by the server); returns how many. */
export const pruneExpired = (db: Db, now: number): number => {
  const before = now - counterRetentionMs;
  return db
    .delete(signInCounters)
    .where(
      and(
        lte(signInCounters.windowStart, before),
        or(isNull(signInCounters.lockedUntil), lte(signInCounters.lockedUntil, now)),
      ),
    )
    .run().changes;
};

/** Prunes now and hourly (the server starts it with the other pruners). */
export function startPruner(db: Db, now: () => number = Date.now, everyMs = 3_600_000): () => void {
  pruneExpired(db, now());
  const timer = setInterval(() => pruneExpired(db, now()), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
