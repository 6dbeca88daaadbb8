import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { type PartnerTicketFacts, type TicketPhase } from './schema';

/** Whole seconds from one instant to a later one (never negative). */
export const waitedSeconds = (from: string, to: string): number =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** "40 s", "12 min", "3 h 5 min", "2 d 4 h": how long a ticket waited, for people. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export const roundTripsText = (n: number): string => `${n} round trip${n === 1 ? '' : 's'}`;

/** Where the ticket is in the kb 003 ping-pong. */
export function phaseOf(
  incident: Pick<Incident, 'status' | 'ownerTeamId' | 'ownerAgentId'>,
  ticket: Pick<PartnerTicketFacts, 'partnerTeamId'>,
  tier2TeamId: number,
): TicketPhase {
  if (!openStatuses.includes(incident.status)) return 'done';
  if (incident.ownerTeamId === tier2TeamId)
    return incident.ownerAgentId === null ? 'awaiting_tier2' : 'with_tier2';
  if (incident.ownerTeamId === ticket.partnerTeamId && incident.ownerAgentId === null)
    return 'unclaimed';
  return 'with_partner';
}
