// "Is this already known?": before a customer submits, the portal shows the planned or active
// outages of the service they chose (DOMAIN.md §2 Outage, §8). Outages are another capability's
// data; the portal sees them only through this interface, so it does not depend on their table.

/** An outage as a customer may see it: the public summary, never internal notes. */
export interface KnownOutage {
  number: string;
  status: 'planned' | 'active';
  summary: string;
  serviceIds: number[];
  startsAt: string | null;
  expectedEndAt: string | null;
}

/** Where the portal reads outages from; the outages capability provides the real one. */
export interface KnownOutageSource {
  /** Planned or active (not resolved) outages touching any of `serviceIds`; currentOutagesFor picks what shows now. */
  findOpenForServices(serviceIds: readonly number[]): KnownOutage[];
}

/**
 * The outages a customer should see for `serviceIds` now: active ones, and planned ones whose
 * window has begun and not ended, soonest-ending first; resolved or future ones are left out.
 */
export function currentOutagesFor(
  outages: readonly KnownOutage[],
  serviceIds: readonly number[],
  now: string,
): KnownOutage[] {
  const t = Date.parse(now);
  const wanted = new Set(serviceIds);
  return outages
    .filter((o) => o.serviceIds.some((id) => wanted.has(id)))
    .filter((o) => {
      if (o.status === 'active') return true;
      const started = o.startsAt !== null && Date.parse(o.startsAt) <= t;
      const notEnded = o.expectedEndAt === null || Date.parse(o.expectedEndAt) > t;
      return started && notEnded;
    })
    .sort((a, b) => (a.expectedEndAt ?? '\uffff').localeCompare(b.expectedEndAt ?? '\uffff'));
}
