import { type Outage } from '../outage/schema';
import { type ConsultTeam, consultTeamNames } from './schema';

/**
 * The incident's journal line when an open outage ends its chat consult (kb 001: an incident of an
 * open outage is not handed on): the same words whichever write brought it under the outage.
 */
export const consultEndedByOutage = (
  incidentNumber: string,
  team: ConsultTeam,
  outage: Pick<Outage, 'number' | 'status'>,
) => ({
  kind: 'system' as const,
  visibility: 'internal' as const,
  body: `The chat consult to ${consultTeamNames[team]} ended: ${incidentNumber} is attached to ${outage.status} outage ${outage.number}, so the outage procedure applies and nobody takes it over.`,
  data: { consultEnded: team, outage: outage.number },
});
