import { DateTime } from 'luxon';
import { cpsZone, toInstant } from './business-calendar';

/**
 * A `datetime-local` form value read as help-desk time (America/Chicago), whatever zone the
 * browser is in: "2026-12-10T02:00" → "2026-12-10T08:00:00Z". Null when it is not a valid time.
 */
export function localInputToInstant(value: string): string | null {
  const t = DateTime.fromISO(value, { zone: cpsZone });
  return t.isValid && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? toInstant(t) : null;
}

/** The `datetime-local` value of an instant, in help-desk time. */
export const instantToLocalInput = (at: string): string =>
  DateTime.fromISO(at, { zone: cpsZone }).toFormat("yyyy-MM-dd'T'HH:mm");
