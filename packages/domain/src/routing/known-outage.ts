import { type KnownOutageFact } from './schemas';

/** An open outage as the Route panel sees it: its number, title, status, window start and services. */
export interface OpenOutageFacts {
  number: string;
  title: string;
  status: 'planned' | 'active';
  startAt: string;
  serviceIds: readonly number[];
}

/**
 * The known outage a new contact about `serviceId` belongs to (kb 001 "Creating an Incident
 * (Outages)"): an active outage on the service, or a planned window on it that has begun.
 * A planned window still ahead is not this contact's cause.
 */
export function knownOutageFor(
  outages: readonly OpenOutageFacts[],
  serviceId: number,
  now: string,
): KnownOutageFact | undefined {
  const underway = (o: OpenOutageFacts) =>
    o.status === 'active' || Date.parse(o.startAt) <= Date.parse(now);
  const match = outages.find((o) => o.serviceIds.includes(serviceId) && underway(o));
  return match ? { number: match.number, title: match.title } : undefined;
}
