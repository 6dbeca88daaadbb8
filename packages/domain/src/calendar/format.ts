import { toCpsLocal } from './business-calendar';
import {
  cpsCloseHour,
  cpsOpenHour,
  cpsStandardHours,
  hoursText,
  type WeeklyHours,
} from './opening-hours';

// 0 → 12 AM, 13 → 1 PM; only ever called with the opening and closing hours.
const hourText = (h: number): string => `${((h + 11) % 12) + 1}:00 ${h < 12 ? 'AM' : 'PM'}`;

/** CPS business hours as the scripts say them to the customer (kb 001). */
export const cpsHoursText = `Monday–Friday, ${hourText(cpsOpenHour)} to ${hourText(cpsCloseHour)} Central time`;

/**
 * A desk's hours as kept in the data, as a script says them (kb 001: "Contract Partner business hours
 * (Monday - Friday, 7am - 6pm)"); no data means CPS's standard hours.
 */
export const deskHoursText = (hours: WeeklyHours = cpsStandardHours): string =>
  `${hoursText(hours)} Central time`;

export interface FormatLocalOptions {
  /** Add the calendar date, for promises far enough away that a weekday alone is ambiguous. */
  withDate?: boolean;
}

/** Renders an instant as help-desk local time for a script: "Tuesday 2:00 PM" (kb 000). */
export function formatLocal(at: string, options: FormatLocalOptions = {}): string {
  // A fixed locale keeps the words the same whatever the server's locale is.
  const local = toCpsLocal(at).setLocale('en-US');
  return local.toFormat(options.withDate ? 'cccc, LLLL d, h:mm a' : 'cccc h:mm a');
}

/**
 * Renders a promised instant relative to when it was made: the weekday alone while it falls
 * within the coming week, the full date once a weekday name could mean two different days.
 */
export function formatPromise(at: string, madeAt: string): string {
  const days = toCpsLocal(at).startOf('day').diff(toCpsLocal(madeAt).startOf('day'), 'days').days;
  return formatLocal(at, { withDate: days >= 6 });
}
