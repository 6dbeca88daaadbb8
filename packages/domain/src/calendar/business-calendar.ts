import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { demoHolidays } from './holidays';
import { cpsStandardHours, minutesOfDay, type WeeklyHours } from './opening-hours';

/** The help desk's time zone; every local rule (hours, holidays, days) is read here. */
export const cpsZone = 'America/Chicago';

/**
 * The data the calendar reads (administrators keep it; the caller loads it and passes it in):
 * the holidays and the desk's weekly opening hours.
 */
export interface CalendarContext {
  /** ISO local dates (yyyy-MM-dd) on which the desk is closed; defaults to `demoHolidays`. */
  holidays?: readonly string[];
  /** The desk's weekly hours; defaults to CPS's Monday–Friday 07:00–18:00 (kb 000). */
  hours?: WeeklyHours;
}

// A bound on day-by-day scans so data leaving no open day fails loudly instead of looping forever.
const maxScanDays = 366 * 3;

type LocalTime = DateTime<true>;
interface Window {
  opens: number;
  closes: number;
}
interface Schedule {
  holidays: ReadonlySet<string>;
  windows: ReadonlyMap<number, Window>;
}

/** Parses an ISO instant into local help-desk time; an unparseable instant is a caller bug. */
export function toCpsLocal(at: string): LocalTime {
  const parsed = DateTime.fromISO(at, { zone: cpsZone });
  if (!parsed.isValid) {
    throw new DomainError('VALIDATION', `Not an ISO-8601 instant: "${at}"`);
  }
  return parsed;
}

/** Renders a moment as a UTC ISO instant (`...Z`), the form every calendar function returns. */
export const toInstant = (t: DateTime<true>): string =>
  t.toUTC().toISO({ suppressMilliseconds: true });

const scheduleOf = (ctx?: CalendarContext): Schedule => ({
  holidays: new Set(ctx?.holidays ?? demoHolidays),
  windows: new Map(
    (ctx?.hours ?? cpsStandardHours).map((d) => [
      d.weekday,
      { opens: minutesOfDay(d.opens), closes: minutesOfDay(d.closes) },
    ]),
  ),
});

const isBusinessDay = (t: LocalTime, s: Schedule): boolean =>
  s.windows.has(t.weekday) && !s.holidays.has(t.toFormat('yyyy-MM-dd'));

// Local wall-clock minute `minutes` of `day` (1440 = the next midnight).
const atMinute = (day: LocalTime, minutes: number): LocalTime =>
  minutes === 24 * 60
    ? day.startOf('day').plus({ days: 1 })
    : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });

// Only called for business days, whose weekday has a window.
const windowOf = (t: LocalTime, s: Schedule): Window => s.windows.get(t.weekday)!;
const minuteOf = (t: LocalTime): number => t.hour * 60 + t.minute;

const isOpenAt = (t: LocalTime, s: Schedule): boolean => {
  if (!isBusinessDay(t, s)) return false;
  const { opens, closes } = windowOf(t, s);
  return minuteOf(t) >= opens && minuteOf(t) < closes;
};

// The first business day strictly after `t`'s day, at the same local clock time.
// Luxon's calendar-day arithmetic keeps the wall-clock time across DST changes.
function nextBusinessDay(t: LocalTime, s: Schedule): LocalTime {
  let day = t;
  for (let i = 0; i < maxScanDays; i++) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, s)) return day;
  }
  throw new DomainError(
    'VALIDATION',
    'The opening hours and holidays leave no business day within three years',
  );
}

function nextOpening(t: LocalTime, s: Schedule): LocalTime {
  if (isOpenAt(t, s)) return t;
  if (isBusinessDay(t, s) && minuteOf(t) < windowOf(t, s).opens)
    return atMinute(t, windowOf(t, s).opens);
  const day = nextBusinessDay(t, s);
  return atMinute(day, windowOf(day, s).opens);
}

/** Whether the desk is open at `at` (CPS by default: Mon–Fri [07:00, 18:00) America/Chicago, not a holiday, kb 000). */
export function isCpsOpen(at: string, ctx?: CalendarContext): boolean {
  return isOpenAt(toCpsLocal(at), scheduleOf(ctx));
}

/** The first instant at or after `at` when the desk is open (kb 000, kb 001). */
export function nextCpsOpening(at: string, ctx?: CalendarContext): string {
  return toInstant(nextOpening(toCpsLocal(at), scheduleOf(ctx)));
}

/**
 * `at` plus `hours` of open time, walking only through open hours (kb 000: "contacted
 * within 4 business hours"). A start outside hours begins at the next opening; a deadline
 * landing exactly on closing time stays on that day, since all the time walked was open time.
 */
export function addBusinessHours(at: string, hours: number, ctx?: CalendarContext): string {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new DomainError('VALIDATION', `Business hours must be a finite number ≥ 0, got ${hours}`);
  }
  const s = scheduleOf(ctx);
  let cursor = nextOpening(toCpsLocal(at), s);
  let remainingMs = Math.round(hours * 3_600_000);
  for (;;) {
    const closing = atMinute(cursor, windowOf(cursor, s).closes);
    const availableMs = closing.toMillis() - cursor.toMillis();
    if (remainingMs <= availableMs) return toInstant(cursor.plus({ milliseconds: remainingMs }));
    remainingMs -= availableMs;
    cursor = nextOpening(closing, s);
  }
}

/**
 * The same local clock time `days` business days after `at` (kb 000: "if you do not hear back
 * within 1 business day"); a start outside hours is first moved to the next opening.
 */
export function addBusinessDays(at: string, days: number, ctx?: CalendarContext): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new DomainError('VALIDATION', `Business days must be a whole number ≥ 0, got ${days}`);
  }
  const s = scheduleOf(ctx);
  let cursor = nextOpening(toCpsLocal(at), s);
  for (let i = 0; i < days; i++) cursor = nextBusinessDay(cursor, s);
  return toInstant(cursor);
}

/** `at` plus a clock-time duration in minutes (on-call and chat waits run on the clock, kb 000/001). */
export const addMinutes = (at: string, minutes: number): string =>
  toInstant(toCpsLocal(at).plus({ minutes }));

/**
 * The open time between `from` and `to` in milliseconds (0 when `to` is not after `from`): the
 * business time an SLA clock has used while it ran (issue 18).
 */
export function businessMsBetween(from: string, to: string, ctx?: CalendarContext): number {
  const s = scheduleOf(ctx);
  const end = toCpsLocal(to).toMillis();
  let cursor = nextOpening(toCpsLocal(from), s);
  let total = 0;
  while (cursor.toMillis() < end) {
    const closing = atMinute(cursor, windowOf(cursor, s).closes);
    total += Math.min(closing.toMillis(), end) - cursor.toMillis();
    cursor = nextOpening(closing, s);
  }
  return total;
}

/**
 * `at` plus `ms` of open time. When the walk ends exactly at a closing time, `landing` says which
 * of the two equivalent instants to give: the closing (`close`, as addBusinessHours does) or the
 * next opening (`open`, as addBusinessDays does: "Saturday + 1 business day = Tuesday 07:00").
 */
export function addBusinessMs(
  at: string,
  ms: number,
  ctx?: CalendarContext,
  landing: 'close' | 'open' = 'close',
): string {
  const s = scheduleOf(ctx);
  let cursor = nextOpening(toCpsLocal(at), s);
  let remainingMs = Math.max(0, Math.round(ms));
  for (;;) {
    const closing = atMinute(cursor, windowOf(cursor, s).closes);
    const availableMs = closing.toMillis() - cursor.toMillis();
    if (remainingMs < availableMs || (remainingMs === availableMs && landing === 'close'))
      return toInstant(cursor.plus({ milliseconds: remainingMs }));
    remainingMs -= availableMs;
    cursor = nextOpening(closing, s);
  }
}
