import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { demoHolidays } from './holidays';
import { newSchedule, nextBusinessDay, nextOpening, type Day, type Schedule } from './day-windows';
import { cpsStandardHours, type WeeklyHours } from './opening-hours';

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

// Schedules by calendar context: the same loaded context (and equal contexts loaded afresh per
// request) share one schedule and so one cache of computed days.
const byContext = new WeakMap<CalendarContext, Schedule>();
const byContent = new Map<string, Schedule>();
const defaultSchedule = newSchedule(cpsZone, demoHolidays, cpsStandardHours);

function scheduleOf(ctx?: CalendarContext): Schedule {
  if (!ctx || (!ctx.holidays && !ctx.hours)) return defaultSchedule;
  let s = byContext.get(ctx);
  if (s) return s;
  const holidays = ctx.holidays ?? demoHolidays;
  const hours = ctx.hours ?? cpsStandardHours;
  const key = JSON.stringify([holidays, hours]);
  s = byContent.get(key);
  if (!s) {
    if (byContent.size >= 100) byContent.clear();
    s = newSchedule(cpsZone, holidays, hours);
    byContent.set(key, s);
  }
  byContext.set(ctx, s);
  return s;
}

// An instant with its offset written out (the form the server stores) parses without luxon;
// anything else (a local time, other ISO forms) goes through luxon, which also rejects bad input.
const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

function toMs(at: string): number {
  const m = isoInstant.exec(at);
  if (m) {
    const t = Date.parse(at);
    // Date.parse rolls 31 April over to 1 May; luxon refuses it, and so does this.
    if (!Number.isNaN(t) && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]))) return t;
  }
  return toCpsLocal(at).toMillis();
}
// The same text as toInstant, without luxon.
const instant = (t: number): string => {
  const iso = new Date(t).toISOString();
  return t % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
};

/** Whether the desk is open at `at` (CPS by default: Mon–Fri [07:00, 18:00) America/Chicago, not a holiday, kb 000). */
export function isCpsOpen(at: string, ctx?: CalendarContext): boolean {
  const t = toMs(at);
  return nextOpening(scheduleOf(ctx), t).at === t;
}

/** The first instant at or after `at` when the desk is open (kb 000, kb 001). */
export function nextCpsOpening(at: string, ctx?: CalendarContext): string {
  return instant(nextOpening(scheduleOf(ctx), toMs(at)).at);
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
  return addBusinessMs(at, hours * 3_600_000, ctx, 'close');
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
  const opening = nextOpening(s, toMs(at));
  if (days === 0) return instant(opening.at);
  let day: Day = opening.day;
  for (let i = 0; i < days; i++) day = nextBusinessDay(s, day);
  // The same wall-clock time on the target day: plain arithmetic when neither day has a DST
  // change, else as luxon resolves it across the change.
  const fullDay = (d: Day): boolean => d.endMs - d.startMs === 86_400_000;
  if (fullDay(opening.day) && fullDay(day))
    return instant(day.startMs + opening.at - opening.day.startMs);
  const from = DateTime.fromMillis(opening.at, { zone: s.zone });
  const [year, month, date] = day.key.split('-').map(Number) as [number, number, number];
  return toInstant(from.set({ year, month, day: date }) as DateTime<true>);
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
  const end = toMs(to);
  let { at: cursor, day } = nextOpening(s, toMs(from));
  let total = 0;
  while (cursor < end) {
    const closing = day.window.closesMs;
    total += Math.min(closing, end) - cursor;
    ({ at: cursor, day } = nextOpening(s, closing));
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
  amount: number,
  ctx?: CalendarContext,
  landing: 'close' | 'open' = 'close',
): string {
  const s = scheduleOf(ctx);
  let { at: cursor, day } = nextOpening(s, toMs(at));
  let remainingMs = Math.max(0, Math.round(amount));
  for (;;) {
    const closing = day.window.closesMs;
    const availableMs = closing - cursor;
    if (remainingMs < availableMs || (remainingMs === availableMs && landing === 'close'))
      return instant(cursor + remainingMs);
    remainingMs -= availableMs;
    ({ at: cursor, day } = nextOpening(s, closing));
  }
}
