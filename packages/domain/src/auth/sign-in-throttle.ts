// Sign-in throttling (issue 13 item 5): failures are counted per account and per client address;
// too many in a window lock that key for a while. Pure: the caller keeps the counters and the clock.

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
