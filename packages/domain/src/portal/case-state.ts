import { type Incident } from '../incident/schema';

/** What Help Online tells a customer about where their case stands, beyond its status. */
export interface PortalCaseState {
  /** The Help Desk asked a question and waits for the customer's note (status pending customer). */
  waitingForYou: boolean;
  /** kb 004: the case was escalated to technologists, who respond by `respondBy`. */
  escalatedToTechnologists: boolean;
  respondBy: string | null;
}

export function portalCaseState(
  incident: Pick<Incident, 'status' | 'tpTriage' | 'promises'>,
): PortalCaseState {
  const escalated = incident.tpTriage === 'escalated';
  return {
    waitingForYou: incident.status === 'pending_customer',
    escalatedToTechnologists: escalated,
    respondBy: escalated ? (incident.promises.respondBy ?? null) : null,
  };
}
