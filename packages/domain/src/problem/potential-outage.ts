import '../zod-config';
import { z } from 'zod';
import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';

/** The settings key of the potential-outage alert thresholds. */
export const potentialOutageSettingsKey = 'alerts.potentialOutage';

/** "3 or more incidents on the same service within 30 minutes" (issue 5): thresholds are settings. */
export const potentialOutageSettingsSchema = z.object({
  minIncidents: z
    .number({ error: 'Enter how many incidents raise the alert' })
    .int('Enter a whole number')
    .min(2, 'At least 2 incidents make a pattern')
    .max(100, 'At most 100'),
  windowMinutes: z
    .number({ error: 'Enter the window in minutes' })
    .int('Enter a whole number of minutes')
    .min(1, 'At least 1 minute')
    .max(1440, 'At most 1,440 minutes (a day)'),
});
export type PotentialOutageSettings = z.infer<typeof potentialOutageSettingsSchema>;
export const defaultPotentialOutageSettings: PotentialOutageSettings = {
  minIncidents: 3,
  windowMinutes: 30,
};

/** A stored value that is missing or no longer valid falls back to the defaults rather than hiding alerts. */
export const parsePotentialOutageSettings = (stored: unknown): PotentialOutageSettings =>
  potentialOutageSettingsSchema.safeParse(stored).data ?? defaultPotentialOutageSettings;

/** How far back HDQA's home looks for a burst: a day, so an unhandled burst does not vanish after 30 minutes. */
export const potentialOutageLookbackHours = 24;

export type AlertIncident = Pick<
  Incident,
  'id' | 'number' | 'serviceId' | 'createdAt' | 'problemId' | 'status'
>;

export interface PotentialOutageAlert<T extends AlertIncident = AlertIncident> {
  serviceId: number;
  /** Every incident of the burst, oldest first. */
  incidents: T[];
  firstAt: string;
  lastAt: string;
}

/**
 * kb 001 step 1, "one or more customer contacts for an issue identified as a potential outage":
 * for each service, any `windowMinutes` in which at least `minIncidents` open incidents were created
 * and none of them is linked to a problem yet (once HDQA links one, the burst is being handled).
 * Overlapping bursts of one service are merged into one alert. Only incidents created within the
 * lookback before `now` count.
 */
export function detectPotentialOutages<T extends AlertIncident>(
  incidents: readonly T[],
  settings: PotentialOutageSettings,
  now: string,
): PotentialOutageAlert<T>[] {
  const since = Date.parse(now) - potentialOutageLookbackHours * 3_600_000;
  const window = settings.windowMinutes * 60_000;
  const byService = new Map<number, T[]>();
  for (const i of incidents) {
    const at = Date.parse(i.createdAt);
    if (!openStatuses.includes(i.status) || at < since || at > Date.parse(now)) continue;
    byService.set(i.serviceId, [...(byService.get(i.serviceId) ?? []), i]);
  }
  const alerts: PotentialOutageAlert<T>[] = [];
  for (const [serviceId, list] of byService) {
    const sorted = list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
    const inBurst = new Set<number>();
    let end = 0;
    for (let start = 0; start < sorted.length; start++) {
      end = Math.max(end, start);
      while (
        end + 1 < sorted.length &&
        Date.parse(sorted[end + 1]!.createdAt) - Date.parse(sorted[start]!.createdAt) <= window
      )
        end++;
      const slice = sorted.slice(start, end + 1);
      if (slice.length >= settings.minIncidents && slice.every((i) => i.problemId === null)) {
        for (let k = start; k <= end; k++) inBurst.add(k);
      }
    }
    // Consecutive members form one burst; an incident outside every qualifying window, or a pause
    // longer than the window, splits them.
    let current: T[] = [];
    const flush = () => {
      if (current.length)
        alerts.push({
          serviceId,
          incidents: current,
          firstAt: current[0]!.createdAt,
          lastAt: current.at(-1)!.createdAt,
        });
      current = [];
    };
    sorted.forEach((incident, k) => {
      if (!inBurst.has(k)) return flush();
      const last = current.at(-1);
      if (last && Date.parse(incident.createdAt) - Date.parse(last.createdAt) > window) flush();
      current.push(incident);
    });
    flush();
  }
  return alerts.sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}
