// The sign-in throttle's counters (issue 13 item 5), kept in the server process: one Handoff process
// serves the desk, and a restart forgiving a lockout is acceptable. The rules are the domain's.
import {
  isExpired,
  lockedUntil,
  lockoutMessage,
  recordFailure,
  signInLimits,
  type FailureCounter,
} from '@handoff/domain';

type Kind = keyof typeof signInLimits;
const key = (kind: Kind, id: string) => `${kind}:${id}`;

export interface Lockout {
  kind: Kind;
  /** The account's address or the client address. */
  id: string;
  failures: number;
  lockedUntil: string;
}

export function createSignInThrottle() {
  const counters = new Map<string, FailureCounter>();
  const sweep = (now: number) => {
    for (const [k, c] of counters) {
      const kind = k.slice(0, k.indexOf(':')) as Kind;
      if (isExpired(c, now, signInLimits[kind])) counters.delete(k);
    }
  };
  return {
    /** Null when a sign-in for `email` from `client` may be tried now, else the 429's message and Retry-After. */
    check(
      email: string,
      client: string,
      now: number,
    ): { message: string; retryAfterSeconds: number } | null {
      const until = Math.max(
        lockedUntil(counters.get(key('account', email)), now) ?? 0,
        lockedUntil(counters.get(key('client', client)), now) ?? 0,
      );
      if (until === 0) return null;
      return {
        message: lockoutMessage(until, now),
        retryAfterSeconds: Math.ceil((until - now) / 1000),
      };
    },
    failed(email: string, client: string, now: number): void {
      sweep(now);
      for (const [kind, id] of [
        ['account', email],
        ['client', client],
      ] as const) {
        const k = key(kind, id);
        counters.set(k, recordFailure(counters.get(k), now, signInLimits[kind]));
      }
    },
    /** A right password forgives the account's earlier failures (not the client's). */
    succeeded(email: string): void {
      counters.delete(key('account', email));
    },
    /** The keys locked now, for the admin page. */
    lockouts(now: number): Lockout[] {
      const out: Lockout[] = [];
      for (const [k, c] of counters) {
        const until = lockedUntil(c, now);
        if (until === null) continue;
        const i = k.indexOf(':');
        out.push({
          kind: k.slice(0, i) as Kind,
          id: k.slice(i + 1),
          failures: c.failures,
          lockedUntil: new Date(until).toISOString(),
        });
      }
      return out.sort((a, b) => a.lockedUntil.localeCompare(b.lockedUntil));
    },
    /** An administrator clears a lockout; false when there was none. */
    clear(kind: Kind, id: string): boolean {
      return counters.delete(key(kind, id));
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

// One per server process, kept across hot reloads in development.
const globalForThrottle = globalThis as unknown as { handoffSignInThrottle?: SignInThrottle };
export const signInThrottle = (): SignInThrottle =>
  (globalForThrottle.handoffSignInThrottle ??= createSignInThrottle());
