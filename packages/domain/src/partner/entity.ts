// The channel-partner ticket rows as the commit kernel knows them: what a partner ticket adds to
// its incident (keyed by the incident's id) and each of its hand-offs.
import { type HopDraft } from './schema';

export interface PartnerTicketRow {
  incidentId: number;
  organisationId: number;
  partnerTeamId: number;
  relationshipAgentId: number | null;
}

export type PartnerHopRow = HopDraft & { id: number; incidentId: number };

declare module '../change/entities' {
  interface Entities {
    partnerTicket: {
      row: PartnerTicketRow;
      insert: Omit<PartnerTicketRow, 'relationshipAgentId'> & {
        relationshipAgentId?: number | null;
      };
    };
    partnerHop: { row: PartnerHopRow; insert: Omit<PartnerHopRow, 'id'> };
  }
}
