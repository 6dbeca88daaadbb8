// The sign-in throttle's counters (issue 13 item 5); what they mean is the domain's (auth/sign-in-throttle).
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import {
  counterRetentionMs,
  type AttemptCounters,
  type SignInCounterRow,
  type ThrottleKind,
} from '@handoff/domain';
import { type Reader } from '../client';
import { countedWrite } from '../commit/queue';
import { prepared, tablesOf } from '../reader';
import { type Tx } from './incident';

const byKey = prepared('sign_in_counter_by_key', (db, { signInCounters }) =>
  db
    .select()
    .from(signInCounters)
    .where(
      and(
        eq(signInCounters.kind, sql.placeholder('kind')),
        eq(signInCounters.key, sql.placeholder('key')),
      ),
    ),
);

/** One key's counter, if it has one. */
export const findCounter = async (db: Reader | Tx, kind: ThrottleKind, key: string) =>
  (await byKey(db).execute({ kind, key }))[0];

/** The counters one attempt (this address, from this client) is judged by. */
export const findAttempt = async (
  db: Reader | Tx,
  email: string,
  client: string,
): Promise<AttemptCounters> => ({
  account: await findCounter(db, 'account', email),
  client: await findCounter(db, 'client', client),
});

/** Counters locking their key at `now` (epoch ms), soonest lifted first. */
export async function findLocked(db: Reader, now: number): Promise<SignInCounterRow[]> {
  const { signInCounters } = tablesOf(db);
  return db
    .select()
    .from(signInCounters)
    .where(gt(signInCounters.lockedUntil, now))
    .orderBy(signInCounters.lockedUntil);
}

/**
 * Forgets counters whose window and lock are long over (run hourly by the server), on either
 * engine; returns how many.
 */
export const pruneExpired = async (db: Reader, now: number): Promise<number> => {
  const before = now - counterRetentionMs;
  // SQLite: in the write queue, never inside another request's open commit (pg: on the pool).
  return countedWrite(db, () => {
    const { signInCounters } = tablesOf(db);
    return db
      .delete(signInCounters)
      .where(
        and(
          lte(signInCounters.windowStart, before),
          or(isNull(signInCounters.lockedUntil), lte(signInCounters.lockedUntil, now)),
        ),
      );
  });
};

/** Prunes now and hourly (the server starts it with the other pruners). */
export function startPruner(
  db: Reader,
  now: () => number = Date.now,
  everyMs = 3_600_000,
): () => void {
  void pruneExpired(db, now());
  const timer = setInterval(() => void pruneExpired(db, now()), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
