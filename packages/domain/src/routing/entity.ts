// The Route panel's recorded answers as the commit kernel knows them (issue 14.11).
import { concerned, deleteRows, effects, insertRow, type Effects, type RowDelete } from '../change';
import { type RoutingAnswers } from './contact-facts';

interface RoutingAnswersRow {
  incidentId: number;
  answers: RoutingAnswers;
  recordedById: number | null;
  recordedAt: string;
}

declare module '../change/entities' {
  interface Entities {
    routingAnswers: { row: RoutingAnswersRow; insert: RoutingAnswersRow };
  }
}

/** The recorded answers served the step that ran; the next contact starts afresh. */
export const forgetRoutingAnswers = (incidentId: number): RowDelete<'routingAnswers'> =>
  deleteRows('routingAnswers', { incidentId });

/**
 * Records the agent's answers on the Route panel, replacing the previous set (`{}` forgets them:
 * "Start over"); the incident's owner team and the agent hear of it.
 */
export function recordRoutingAnswers({
  incident,
  answers,
  actorId,
  now,
}: {
  incident: { id: number; ownerTeamId: number };
  answers: RoutingAnswers;
  actorId: number;
  now: string;
}): Effects {
  const keep = Object.keys(answers).length > 0;
  return effects(now, {
    writes: [
      forgetRoutingAnswers(incident.id),
      ...(keep
        ? [
            insertRow('routingAnswers', {
              incidentId: incident.id,
              answers,
              recordedById: actorId,
              recordedAt: now,
            }),
          ]
        : []),
    ],
    events: [
      {
        entity: 'routingAnswers',
        entityId: incident.id,
        kind: keep ? 'recorded' : 'cleared',
        actorId,
        teamIds: concerned(incident.ownerTeamId),
        userIds: concerned(actorId),
      },
    ],
  });
}
