// Which desk a received e-mail belongs to (kb 003): mail about a channel-partner ticket, or from an
// end user of a supported organisation, is the partner's; everything else is the Help Desk's.
import { type InboundDecision, reopenWindowDays } from '../mail/inbound';

export type PartnerMailRoute =
  /** Not a partner matter: the Help Desk's inbound rules apply unchanged. */
  | { route: 'help_desk' }
  /** A reply on a partner ticket: it becomes a comment by its sender ("interact … completely by email"). */
  | { route: 'comment'; incidentId: number }
  /** A new ticket for the sender's organisation's partner group (`followUpOf`: the closed ticket it answered). */
  | { route: 'new_ticket'; followUpOf: number | null }
  /** A partner matter that cannot be taken in; the reason is logged. */
  | { route: 'refuse'; reason: string };

export interface PartnerMailFacts {
  /** What the Help Desk's rules decided (noise, duplicates and floods are already ignored there). */
  decision: InboundDecision;
  /** The incident the message answered, when it is a channel-partner ticket. */
  partnerTicket: { incidentId: number; number: string; requesterEmail: string | null } | null;
  /** The sender's address, lower-cased. */
  senderAddress: string;
  /** The sender is an end user of a supported organisation (known, or by their address's domain). */
  senderIsEndUser: boolean;
}

/**
 * kb 003: a reply to a partner ticket is a comment on it (who may say what is the comment rule's
 * business); a reply to a closed one is a follow-up ticket when the requester writes, and refused
 * for anyone else; a new message from an organisation's end user is a ticket for its partner group.
 */
export function partnerMailRoute({
  decision,
  partnerTicket,
  senderAddress,
  senderIsEndUser,
}: PartnerMailFacts): PartnerMailRoute {
  switch (decision.action) {
    case 'ignore':
    case 'reject':
      return { route: 'help_desk' };
    case 'append':
    case 'reopen':
      return partnerTicket
        ? { route: 'comment', incidentId: partnerTicket.incidentId }
        : { route: 'help_desk' };
    case 'follow_up':
      if (!partnerTicket) return { route: 'help_desk' };
      if (
        partnerTicket.requesterEmail !== null &&
        partnerTicket.requesterEmail.toLowerCase() === senderAddress
      ) {
        return { route: 'new_ticket', followUpOf: partnerTicket.incidentId };
      }
      return {
        route: 'refuse',
        reason:
          `${partnerTicket.number} was closed or resolved more than ${reopenWindowDays} days ago, so this reply was not added to it; ` +
          'only its requester can open a follow-up by e-mail.',
      };
    // Never for a partner ticket: its sender is judged by applyPartnerEmailReply instead.
    case 'staff_note':
      return { route: 'help_desk' };
    case 'create':
      return senderIsEndUser ? { route: 'new_ticket', followUpOf: null } : { route: 'help_desk' };
  }
}
