// The sign-in throttle (issue 13 item 5) over the database's counters, so every server process on it
// (HANDOFF_PROCESSES) counts the same failures. The rules are the domain's; each change is one commit
// whose loads run inside its transaction, so racing failures from two processes both count.
import {
  lockoutOf,
  lockoutView,
  signInFailed,
  signInSucceeded,
  type Lockout,
} from '@handoff/domain';
import { commit, signInThrottleRepository as counters, type Db } from '@handoff/db';

export function createSignInThrottle(db: Db) {
  return {
    /** Null when a sign-in for `email` from `client` may be tried now, else the 429's message and Retry-After. */
    // Promises, like the commits: a second engine's reads are asynchronous (issue 20).
    async check(email: string, client: string, now: number) {
      return Promise.resolve(lockoutOf(await counters.findAttempt(db, email, client), now));
    },
    async failed(email: string, client: string, now: number): Promise<void> {
      await commit(db, async (read) =>
        signInFailed(await counters.findAttempt(read, email, client), email, client, now),
      );
    },
    async succeeded(email: string, now: number): Promise<void> {
      await commit(db, async (read) =>
        signInSucceeded(await counters.findCounter(read, 'account', email), now),
      );
    },
    /** The keys locked now, for the admin page. */
    async lockouts(now: number): Promise<Lockout[]> {
      return Promise.resolve(
        (await counters.findLocked(db, now)).flatMap((c) => lockoutView(c, now) ?? []),
      );
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
