import { env } from '../env';

// The server's clock. Domain code never reads time itself; procedures get `now` from here so
// end-to-end tests can pin it (only when HANDOFF_TEST_CLOCK=1).
const globalForClock = globalThis as unknown as {
  handoffClockOffsetMs?: number;
  handoffClockListeners?: Set<() => void>;
};

export function now(): string {
  return new Date(Date.now() + (globalForClock.handoffClockOffsetMs ?? 0)).toISOString();
}

/** Moves the clock so that it reads `at` now and keeps ticking from there. Test flag only. */
export function setClock(at: string | null): void {
  if (!env().HANDOFF_TEST_CLOCK)
    throw new Error('The test clock is off (set HANDOFF_TEST_CLOCK=1).');
  globalForClock.handoffClockOffsetMs = at === null ? 0 : Date.parse(at) - Date.now();
  for (const listener of globalForClock.handoffClockListeners ?? []) listener();
}

// On globalThis like the offset: each route handler may have its own copy of this module.
const clockListeners = (globalForClock.handoffClockListeners ??= new Set());

/** Called whenever the test clock is moved (server-side timers reckon their deadlines again). */
export function onClockSet(listener: () => void): () => void {
  clockListeners.add(listener);
  return () => clockListeners.delete(listener);
}
