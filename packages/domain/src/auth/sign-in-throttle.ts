// Sign-in throttling (issue 13 item 5): failures are counted per account and per client address;
// too many in a window lock that key for a while. Pure: the caller loads the counters and keeps the clock.
import { deleteRows, effects, insertRow, type Effects } from '../change/effects';
import { adminAuditRow } from '../admin/entity';
import { type Actor } from '../roles';

/** How many failures, within how long, lock a key for how long. */
export interface ThrottleLimit {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const signInLimits = {
  // A person mistyping a few times is not locked; a guesser is slowed to 5 tries per quarter hour.
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  // One address trying many accounts (a shared lab or NAT has several people, so higher).
  client: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleLimit>;

/** What is remembered about one key (an account's address or a client address). */
export interface FailureCounter {
  failures: number;
  /** When the first failure of the current window happened (epoch ms). */
  windowStart: number;
  /** Locked until then (epoch ms), or null. */
  lockedUntil: number | null;
}

/** The counter after one more failure at `now`: a new window when the old one is over; locked at the limit. */
export function recordFailure(
  counter: FailureCounter | undefined,
  now: number,
  limit: ThrottleLimit,
): FailureCounter {
  const fresh = !counter || now - counter.windowStart >= limit.windowMs;
  const failures = fresh ? 1 : counter.failures + 1;
  const windowStart = fresh ? now : counter.windowStart;
  const lockedUntil =
    failures >= limit.maxFailures ? now + limit.lockMs : (counter?.lockedUntil ?? null);
  return { failures, windowStart, lockedUntil };
}

/** When the key may try again (epoch ms), or null when it is not locked at `now`. */
export function lockedUntil(counter: FailureCounter | undefined, now: number): number | null {
  return counter?.lockedUntil !== null &&
    counter?.lockedUntil !== undefined &&
    counter.lockedUntil > now
    ? counter.lockedUntil
    : null;
}

/** Whether a counter can be forgotten (window over and no lock in force). */
export const isExpired = (counter: FailureCounter, now: number, limit: ThrottleLimit): boolean =>
  lockedUntil(counter, now) === null && now - counter.windowStart >= limit.windowMs;

/** The message a locked-out sign-in hears: when to try again, in minutes and as a clock time. */
export function lockoutMessage(until: number, now: number, timeZone = 'America/Chicago'): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  const at = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(new Date(until));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (at ${at}), or ask an administrator to clear the lockout.`;
}

// The counters are rows in the database (table sign_in_counters), so every server process on it
// counts the same failures: N processes must not give a guesser N times the tries.

export type ThrottleKind = keyof typeof signInLimits;

/** One stored counter: an account's address or a client address, and its failures. */
export interface SignInCounterRow extends FailureCounter {
  kind: ThrottleKind;
  /** The account's address (lower case) or the client address. */
  key: string;
}

declare module '../change/entities' {
  interface Entities {
    signInCounter: { row: SignInCounterRow; insert: SignInCounterRow };
  }
}

/** The stored counters one sign-in attempt is judged by. */
export interface AttemptCounters {
  account: SignInCounterRow | undefined;
  client: SignInCounterRow | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Replaces a stored counter (or writes the first one) in the commit. */
const replaceCounter = (stored: SignInCounterRow | undefined, next: SignInCounterRow) => [
  ...(stored
    ? [deleteRows('signInCounter', { kind: stored.kind, key: stored.key }, { expectRows: 1 })]
    : []),
  insertRow('signInCounter', next),
];

/** Null when the attempt may be tried now, else the 429's message and Retry-After. */
export function lockoutOf(
  counters: AttemptCounters,
  now: number,
): { message: string; retryAfterSeconds: number } | null {
  const until = Math.max(
    lockedUntil(counters.account, now) ?? 0,
    lockedUntil(counters.client, now) ?? 0,
  );
  if (until === 0) return null;
  return {
    message: lockoutMessage(until, now),
    retryAfterSeconds: Math.ceil((until - now) / 1000),
  };
}

/** A wrong password: both the account's and the client's counter count one failure more. */
export function signInFailed(
  counters: AttemptCounters,
  email: string,
  client: string,
  now: number,
): Effects {
  const next = (kind: ThrottleKind, key: string, stored: SignInCounterRow | undefined) =>
    replaceCounter(stored, { kind, key, ...recordFailure(stored, now, signInLimits[kind]) });
  return effects(iso(now), {
    writes: [
      ...next('account', email, counters.account),
      ...next('client', client, counters.client),
    ],
  });
}

/** A right password forgives the account's earlier failures (not the client's). */
export const signInSucceeded = (account: SignInCounterRow | undefined, now: number): Effects =>
  effects(iso(now), {
    writes: account
      ? [deleteRows('signInCounter', { kind: 'account', key: account.key }, { expectRows: 1 })]
      : [],
  });

/** A counter as the admin page lists it, when it locks its key now. */
export const lockoutView = (c: SignInCounterRow, now: number) => {
  const until = lockedUntil(c, now);
  return until === null
    ? null
    : { kind: c.kind, id: c.key, failures: c.failures, lockedUntil: iso(until) };
};
export type Lockout = NonNullable<ReturnType<typeof lockoutView>>;

/**
 * An administrator lets a locked-out account or address try again at once (e.g. after the person
 * called the desk): its counter goes, audited. Nothing to clear is not an error (cleared: false).
 */
export function clearLockout(
  actor: Actor,
  stored: SignInCounterRow | undefined,
  now: number,
): { cleared: boolean; effects: Effects } {
  const view = stored && lockoutView(stored, now);
  if (!stored || !view) return { cleared: false, effects: effects(iso(now)) };
  return {
    cleared: true,
    effects: effects(iso(now), {
      writes: [
        deleteRows('signInCounter', { kind: stored.kind, key: stored.key }, { expectRows: 1 }),
        adminAuditRow(
          actor.id,
          'lockout',
          `${stored.kind}:${stored.key}`,
          'locked until',
          view.lockedUntil,
          null,
          iso(now),
        ),
      ],
    }),
  };
}

/** Forgettable counters are pruned once they are older than the longest window and not locked. */
export const counterRetentionMs = Math.max(
  ...Object.values(signInLimits).map((l) => Math.max(l.windowMs, l.lockMs)),
);
