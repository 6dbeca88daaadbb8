import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { demoHolidays } from './holidays';

/** The help desk's time zone; every local rule (hours, holidays, days) is read here. */
export const cpsZone = 'America/Chicago';
/** CPS opens at this local hour (07:00:00 is open). */
export const cpsOpenHour = 7;
/** CPS closes at this local hour (18:00:00 is already closed). */
export const cpsCloseHour = 18;

export interface CalendarContext {
  /** ISO local dates (yyyy-MM-dd) on which CPS is closed; defaults to `demoHolidays`. */
  holidays?: readonly string[];
}

// A bound on day-by-day scans so a holiday list covering every weekday fails loudly
// instead of looping forever.
const maxScanDays = 366 * 3;

type LocalTime = DateTime<true>;

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

const holidaySet = (ctx?: CalendarContext): ReadonlySet<string> =>
  new Set(ctx?.holidays ?? demoHolidays);

const isBusinessDay = (t: LocalTime, holidays: ReadonlySet<string>): boolean =>
  t.weekday <= 5 && !holidays.has(t.toFormat('yyyy-MM-dd'));

const openingOf = (day: LocalTime): LocalTime =>
  day.set({ hour: cpsOpenHour, minute: 0, second: 0, millisecond: 0 });
const closingOf = (day: LocalTime): LocalTime =>
  day.set({ hour: cpsCloseHour, minute: 0, second: 0, millisecond: 0 });

const isOpenAt = (t: LocalTime, holidays: ReadonlySet<string>): boolean =>
  isBusinessDay(t, holidays) && t.hour >= cpsOpenHour && t.hour < cpsCloseHour;

// The first business day strictly after `t`'s day, at the same local clock time.
// Luxon's calendar-day arithmetic keeps the wall-clock time across DST changes.
function nextBusinessDay(t: LocalTime, holidays: ReadonlySet<string>): LocalTime {
  let day = t;
  for (let i = 0; i < maxScanDays; i++) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, holidays)) return day;
  }
  throw new DomainError(
    'VALIDATION',
    'The holiday list leaves no CPS business day within three years',
  );
}

function nextOpening(t: LocalTime, holidays: ReadonlySet<string>): LocalTime {
  if (isOpenAt(t, holidays)) return t;
  if (isBusinessDay(t, holidays) && t.hour < cpsOpenHour) return openingOf(t);
  return openingOf(nextBusinessDay(t, holidays));
}

/** Whether CPS is open at `at`: Mon–Fri [07:00, 18:00) America/Chicago, not a holiday (kb 000). */
export function isCpsOpen(at: string, ctx?: CalendarContext): boolean {
  return isOpenAt(toCpsLocal(at), holidaySet(ctx));
}

/** The first instant at or after `at` when CPS is open (kb 000, kb 001). */
export function nextCpsOpening(at: string, ctx?: CalendarContext): string {
  return toInstant(nextOpening(toCpsLocal(at), holidaySet(ctx)));
}

/**
 * `at` plus `hours` of CPS open time, walking only through open hours (kb 000: "contacted
 * within 4 business hours"). A start outside hours begins at the next opening; a deadline
 * landing exactly on 18:00 stays on that day, since all the time walked was open time.
 */
export function addBusinessHours(at: string, hours: number, ctx?: CalendarContext): string {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new DomainError('VALIDATION', `Business hours must be a finite number ≥ 0, got ${hours}`);
  }
  const holidays = holidaySet(ctx);
  let cursor = nextOpening(toCpsLocal(at), holidays);
  let remainingMs = Math.round(hours * 3_600_000);
  for (;;) {
    const closing = closingOf(cursor);
    const availableMs = closing.toMillis() - cursor.toMillis();
    if (remainingMs <= availableMs) return toInstant(cursor.plus({ milliseconds: remainingMs }));
    remainingMs -= availableMs;
    cursor = nextOpening(closing, holidays);
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
  const holidays = holidaySet(ctx);
  let cursor = nextOpening(toCpsLocal(at), holidays);
  for (let i = 0; i < days; i++) cursor = nextBusinessDay(cursor, holidays);
  return toInstant(cursor);
}

/** `at` plus a clock-time duration in minutes (on-call and chat waits run on the clock, kb 000/001). */
export const addMinutes = (at: string, minutes: number): string =>
  toInstant(toCpsLocal(at).plus({ minutes }));
