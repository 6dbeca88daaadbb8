// The procedure change tests' kit (issue 12): an empty database per test, the real router as a
// built login, and a refusing trigger to make a commit fail half-way — one way for every
// `*-changes.test.ts`, on top of the database package's kit.
import { userRepository, type Db } from '@handoff/db';
import { refuseWrites, rowCounts, useEmptyDb } from '@handoff/db/testing/change-kit';
import { createCaller } from '../root';
import { steppingClock } from '../test-callers';

export { refuseWrites, rowCounts, useEmptyDb };

/**
 * An error's message with those of its causes: on PostgreSQL drizzle wraps the driver's error
 * ("Failed query: insert into …"), and the refusing trigger's "disk full" is in its cause.
 */
export const failureText = (e: unknown): string =>
  e instanceof Error ? `${String(e)} ${failureText(e.cause)}` : '';

/**
 * Registers an empty database per test (`use` receives it) and returns helpers bound to the
 * current one: `callerOf(userId)` calls the router as that login on a clock stepping a minute per
 * reading from `clock` (steppingClock's start unless given); `refuseInsertsInto` / `refuseDeletesFrom` make those writes fail.
 */
export function changeKit(use: (db: Db) => void, { clock }: { clock?: string } = {}) {
  let db: Db | undefined;
  useEmptyDb((opened) => {
    db = opened;
    use(opened);
  });
  const current = () => {
    if (!db) throw new Error('No test database outside a test.');
    return db;
  };
  return {
    callerOf: async (userId: number) =>
      createCaller({
        db: current(),
        actor: (await userRepository.findActorById(current(), userId))!,
        now: steppingClock(clock),
      }),
    refuseInsertsInto: (table: string) => refuseWrites(current(), table, 'INSERT'),
    refuseDeletesFrom: (table: string) => refuseWrites(current(), table, 'DELETE'),
  };
}
