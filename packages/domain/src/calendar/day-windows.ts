import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { minutesOfDay, type WeeklyHours } from './opening-hours';

/**
 * One local day of a desk's calendar as instants (epoch ms): where it starts and ends, and its
 * open window when it is a business day. Every SLA clock walks these days on every commit, so
 * each day is computed with luxon's time-zone arithmetic once and then read from a cache: the
 * walks themselves are integer arithmetic (issue 16: luxon was ~40% of an incident create).
 *
 * Times are compared as instants. Where that differs from comparing wall clocks is only an opening
 * time inside the repeated hour of a DST fall-back (say 01:30 on that Sunday): it is the first
 * 01:30, whatever the time of day the walk started from.
 */
export interface Day {
  /** Local date, yyyy-MM-dd. */
  key: string;
  startMs: number;
  /** The next local midnight (23, 24 or 25 hours later). */
  endMs: number;
  /** Open window [opensMs, closesMs), or null when the desk is closed all day (weekend, holiday). */
  window: { opensMs: number; closesMs: number } | null;
}

export interface Schedule {
  zone: string;
  holidays: ReadonlySet<string>;
  windows: ReadonlyMap<number, { opens: number; closes: number }>;
  days: Map<string, Day>;
  /** Day by quarter hour of UTC: every zone's offset and DST change falls on a quarter hour, so a local date never changes inside one. */
  byQuarter: Map<number, Day>;
  limits: CacheLimits;
}

/** Bounds on the caches (a long-running server sees new instants every minute); emptied when full. */
export interface CacheLimits {
  days: number;
  quarters: number;
}
const defaultLimits: CacheLimits = { days: 20_000, quarters: 50_000 };
const quarterMs = 15 * 60_000;

export const newSchedule = (
  zone: string,
  holidays: readonly string[],
  hours: WeeklyHours,
  limits: CacheLimits = defaultLimits,
): Schedule => ({
  zone,
  holidays: new Set(holidays),
  windows: new Map(
    hours.map((d) => [d.weekday, { opens: minutesOfDay(d.opens), closes: minutesOfDay(d.closes) }]),
  ),
  days: new Map(),
  byQuarter: new Map(),
  limits,
});

// Local wall-clock minute `minutes` of `day` (1440 = the next midnight), as luxon resolves it
// (a wall time inside a DST gap moves forward).
const atMinute = (day: DateTime<true>, minutes: number): number =>
  (minutes === 24 * 60
    ? day.plus({ days: 1 })
    : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
  ).toMillis();

function computeDay(s: Schedule, key: string): Day {
  const start = DateTime.fromISO(key, { zone: s.zone }) as DateTime<true>;
  const hours = s.windows.get(start.weekday);
  return {
    key,
    startMs: start.toMillis(),
    endMs: start.plus({ days: 1 }).toMillis(),
    window:
      hours && !s.holidays.has(key)
        ? { opensMs: atMinute(start, hours.opens), closesMs: atMinute(start, hours.closes) }
        : null,
  };
}

export function dayByKey(s: Schedule, key: string): Day {
  let day = s.days.get(key);
  if (!day) {
    if (s.days.size >= s.limits.days) s.days.clear();
    day = computeDay(s, key);
    s.days.set(key, day);
  }
  return day;
}

/** The local day an instant falls in. */
export function dayOf(s: Schedule, ms: number): Day {
  const quarter = Math.floor(ms / quarterMs);
  let day = s.byQuarter.get(quarter);
  if (!day) {
    if (s.byQuarter.size >= s.limits.quarters) s.byQuarter.clear();
    day = dayByKey(s, DateTime.fromMillis(ms, { zone: s.zone }).toFormat('yyyy-MM-dd'));
    s.byQuarter.set(quarter, day);
  }
  return day;
}

export const nextDay = (s: Schedule, day: Day): Day => dayOf(s, day.endMs);

// A bound on day-by-day scans so data leaving no open day fails loudly instead of looping forever.
const maxScanDays = 366 * 3;

/** The first business day strictly after `day`. */
export function nextBusinessDay(
  s: Schedule,
  day: Day,
): Day & { window: NonNullable<Day['window']> } {
  let d = day;
  for (let i = 0; i < maxScanDays; i++) {
    d = nextDay(s, d);
    if (d.window) return d as Day & { window: NonNullable<Day['window']> };
  }
  throw new DomainError(
    'VALIDATION',
    'The opening hours and holidays leave no business day within three years',
  );
}

/** The first open instant at or after `ms`, and the business day it falls in. */
export function nextOpening(
  s: Schedule,
  ms: number,
): { at: number; day: Day & { window: NonNullable<Day['window']> } } {
  const day = dayOf(s, ms);
  if (day.window && ms < day.window.closesMs) {
    return {
      at: Math.max(ms, day.window.opensMs),
      day: day as Day & { window: NonNullable<Day['window']> },
    };
  }
  const next = nextBusinessDay(s, day);
  return { at: next.window.opensMs, day: next };
}
