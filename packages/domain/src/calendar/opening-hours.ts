import '../zod-config';
import { z } from 'zod';

/** The two desks whose opening hours are data (kb 001: "when the CPS Help Desk is closed, but General Help Desk is open"). */
export const desks = ['cps', 'general_hd'] as const;
export type Desk = (typeof desks)[number];
export const deskLabels: Readonly<Record<Desk, string>> = {
  cps: 'CPS Help Desk',
  general_hd: 'General Help Desk',
};

const timeOfDay = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Write a time as HH:mm, such as 07:00');

/** "07:30" → 450 minutes after local midnight. */
export const minutesOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** One weekday's opening hours, local time America/Chicago; [opens, closes). */
export const dayHoursSchema = z
  .object({
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    opens: timeOfDay,
    closes: timeOfDay,
  })
  .refine((d) => minutesOfDay(d.opens) < minutesOfDay(d.closes), {
    message: 'Closing time comes after opening time',
    path: ['closes'],
  });
export type DayHours = z.infer<typeof dayHoursSchema>;

/** A desk's week: a weekday that is not listed is closed all day. */
export const weeklyHoursSchema = z
  .array(dayHoursSchema)
  .max(7)
  .refine((days) => new Set(days.map((d) => d.weekday)).size === days.length, {
    message: 'Each weekday is listed once',
  });
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

const weekdays = (days: readonly number[], opens: string, closes: string): WeeklyHours =>
  days.map((weekday) => ({ weekday, opens, closes }));

/** CPS opens at this local hour in its standard hours (07:00:00 is open). */
export const cpsOpenHour = 7;
/** CPS closes at this local hour in its standard hours (18:00:00 is already closed). */
export const cpsCloseHour = 18;
const hh = (h: number): string => `${String(h).padStart(2, '0')}:00`;

/** kb 000/001: Contract Partner business hours, Monday–Friday 7am–6pm (the calendar's default). */
export const cpsStandardHours: WeeklyHours = weekdays(
  [1, 2, 3, 4, 5],
  hh(cpsOpenHour),
  hh(cpsCloseHour),
);

/** Demo General Help Desk hours (seeded; administrators change them on /admin). */
export const demoGeneralHdHours: WeeklyHours = [
  ...weekdays([1, 2, 3, 4, 5], '07:00', '24:00'),
  ...weekdays([6, 7], '09:00', '21:00'),
];

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const clock = (hhmm: string): string => {
  const minutes = minutesOfDay(hhmm);
  if (minutes === 24 * 60) return 'midnight';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${suffix}`;
};

/** "Monday–Friday 7am–6pm; Saturday 9am–9pm": a week's hours as the scripts read them. */
export function hoursText(hours: WeeklyHours): string {
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday);
  const runs: { from: number; to: number; opens: string; closes: string }[] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last.to === d.weekday - 1 && last.opens === d.opens && last.closes === d.closes)
      last.to = d.weekday;
    else runs.push({ from: d.weekday, to: d.weekday, opens: d.opens, closes: d.closes });
  }
  if (runs.length === 0) return 'closed every day';
  return runs
    .map((r) => {
      const days =
        r.from === r.to ? dayNames[r.from - 1] : `${dayNames[r.from - 1]}–${dayNames[r.to - 1]}`;
      return `${days} ${clock(r.opens)}–${clock(r.closes)}`;
    })
    .join('; ');
}
