// kb 003 rule 6: "you still retain ownership and end-user interaction" — the requester sees the
// ticket as held by the partner group and every answer as the partner agent's, never Tier 2's.
import { type PartnerTicketFacts } from './schema';

/** The team the requester is shown as holding the ticket: always the partner group. */
export const requesterTeamName = (ticket: Pick<PartnerTicketFacts, 'partnerTeamName'>): string =>
  ticket.partnerTeamName;

const isFromRequester = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { from?: unknown }).from === 'requester';

/**
 * Who a customer-visible entry is from, as the requester reads it: "You" for their own comments,
 * otherwise the partner agent who owns the relationship (or the partner group before anyone has).
 */
export function requesterAuthorLabel(
  entry: { data: unknown },
  ticket: Pick<PartnerTicketFacts, 'partnerTeamName' | 'relationshipAgent'>,
): string {
  if (isFromRequester(entry.data)) return 'You';
  return ticket.relationshipAgent
    ? `${ticket.relationshipAgent.name}, ${ticket.partnerTeamName}`
    : ticket.partnerTeamName;
}
