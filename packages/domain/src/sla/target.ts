// A clock's target in open time of its calendar, fixed when it starts.
import {
  addBusinessDays,
  businessMsBetween,
  type CalendarContext,
} from '../calendar/business-calendar';
import { type WeeklyHours } from '../calendar/opening-hours';
import { type SlaCalendar, type Target } from './schema';

/** The data of every calendar a clock may run on; the db loads CPS and General HD hours and the holidays. */
export type SlaCalendars = Readonly<Record<SlaCalendar, CalendarContext>>;

const allDay: WeeklyHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '00:00',
  closes: '24:00',
}));
/** On-call runs around the clock: every day, all day, holidays included. */
export const aroundTheClock: CalendarContext = { holidays: [], hours: allDay };

/** The calendars from the desks' data (holidays, CPS and General HD hours); 24x7 is fixed. */
export const slaCalendarsOf = (desks: {
  holidays: readonly string[];
  cps: WeeklyHours;
  general_hd: WeeklyHours;
}): SlaCalendars => ({
  cps: { holidays: desks.holidays, hours: desks.cps },
  general_hd: { holidays: desks.holidays, hours: desks.general_hd },
  '24x7': aroundTheClock,
});

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "4 business hours", "1 business day", "60 minutes". */
export function targetLabel(target: Target): string {
  if (target.unit === 'business_hours') return plural(target.amount, 'business hour');
  if (target.unit === 'business_days') return plural(target.amount, 'business day');
  return plural(target.amount, 'minute');
}

/**
 * The target in open milliseconds from `start`: hours and minutes are fixed lengths; business days
 * are the open time until the same clock time on the n-th next open day (addBusinessDays).
 */
export function targetMsFrom(start: string, target: Target, calendar: CalendarContext): number {
  if (target.unit === 'business_hours') return target.amount * 3_600_000;
  if (target.unit === 'minutes') return target.amount * 60_000;
  return businessMsBetween(start, addBusinessDays(start, target.amount, calendar), calendar);
}
