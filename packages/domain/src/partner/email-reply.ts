import { DomainError } from '../errors';
import { type Visibility } from '../incident/schema';
import { type Actor } from '../roles';
import { type PartnerTicketFacts } from './schema';

/**
 * kb 003 "Your agent(s) on duty can choose to interact with support tickets completely by email":
 * what a reply to a ticket's e-mail becomes. The relationship partner agent's reply is a public
 * comment (the requester reads it); another group member's or a Tier 2 agent's stays private; the
 * requester's is their public comment. Nobody else may answer by e-mail, and an e-mail never hands
 * the ticket on (escalation only in the web app).
 */
export function emailReplyVisibility(
  actor: Actor,
  ticket: Pick<PartnerTicketFacts, 'partnerTeamId' | 'relationshipAgent'>,
  tier2TeamId: number,
): Visibility {
  if (actor.role === 'customer') return 'customer';
  if (actor.teamIds.includes(ticket.partnerTeamId))
    return ticket.relationshipAgent?.id === actor.id ? 'customer' : 'internal';
  if (actor.teamIds.includes(tier2TeamId)) return 'internal';
  throw new DomainError(
    'FORBIDDEN',
    `${actor.name} is neither the requester nor an agent of this ticket, so their e-mail cannot be added to it.`,
  );
}
