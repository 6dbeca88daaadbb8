// Procedure-test helpers: the real router over a real, seeded SQLite file, called as a demo user.
import { userRepository, type Db } from '@handoff/db';
import { createTestDb, type TestDb } from '@handoff/db/testing';
import { createCaller } from './root';

export { createTestDb, type TestDb };

/** A clock that moves one minute per reading, so rows made in a test have distinct, rising times. */
export function steppingClock(start = '2026-11-25T09:00:00.000Z') {
  let tick = 0;
  return () => new Date(Date.parse(start) + 60_000 * tick++).toISOString();
}

/** The caller for a seeded demo login (e.g. `l1@handoff.test`), or for nobody when `email` is null. */
export function callerFor(db: Db, email: string | null, now: () => string = steppingClock()) {
  if (email === null) return createCaller({ db, actor: null, now });
  const user = userRepository.findByEmail(db, email);
  const actor = user && userRepository.findActorById(db, user.id);
  if (!actor) throw new Error(`No demo user ${email}`);
  return createCaller({ db, actor, now });
}

/** The rejection of a call, for assertions on its code and cause. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}
