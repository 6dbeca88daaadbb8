// The consult aggregate as the commit kernel knows it, and the effects of opening and accepting one.
import {
  concerned,
  effects,
  insertRow,
  updateRow,
  type ChangeEventDraft,
  type Effects,
  type EntityId,
  type RowUpdate,
} from '../change';
import {
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
} from '../incident/entity';
import { type Incident } from '../incident/schema';
import { acceptConsult } from './accept-consult';
import { openConsult } from './open-consult';
import { sendChatTemplate } from './send-chat-template';
import { type ConsultRequest, consultTeamNames, type NewConsultRequest } from './schema';

declare module '../change/entities' {
  interface Entities {
    consult: { row: ConsultRequest; insert: NewConsultRequest };
  }
}

export const newConsultRef = { ref: 'consult' } as const;

/**
 * The change event of every consult write, for one audience: the answering team's queue (when
 * `teams` names it), the incident's owner team (when `incident` is given), and the agents who
 * opened and accepted it.
 */
export const consultEvent = (
  id: EntityId,
  kind: string,
  actorId: number | null,
  consult: Pick<ConsultRequest, 'team' | 'openedById'> &
    Partial<Pick<ConsultRequest, 'acceptedById'>>,
  {
    teams,
    incident,
  }: { teams?: Readonly<Record<string, number>>; incident?: Pick<Incident, 'ownerTeamId'> },
): ChangeEventDraft => ({
  entity: 'consult',
  entityId: id,
  kind,
  actorId,
  teamIds: concerned(teams?.[consultTeamNames[consult.team]], incident?.ownerTeamId),
  userIds: concerned(consult.openedById, consult.acceptedById),
});

/** Ends a consult still waiting for an agent (only while it is still open). */
export const expireConsult = (consult: Pick<ConsultRequest, 'id'>): RowUpdate<'consult'> =>
  updateRow('consult', consult.id, { status: 'expired' }, { still: { status: 'open' } });

/** Opens a chat consult: the consult row, the incident's journal entry, both announced. */
export function openConsultEffects(args: Parameters<typeof openConsult>[0]): Effects {
  const { consult, journal } = openConsult(args);
  const { incident, actor, now } = args;
  return effects(now, {
    writes: [insertRow('consult', consult, newConsultRef.ref)],
    journal: incidentJournal(incident.id, journal),
    events: [
      consultEvent(newConsultRef, 'opened', actor.id, consult, { incident }),
      incidentEvent(incident.id, 'consult_opened', actor.id, incident),
    ],
  });
}

/** The first agent to accept owns the incident; the consult moves only while it is still open. */
export function acceptConsultEffects(args: Parameters<typeof acceptConsult>[0]): Effects {
  const { result } = acceptConsult(args);
  const { consult, incident, actor, now } = args;
  const settled = { status: 'accepted' as const, acceptedById: actor.id, acceptedAt: now };
  return effects(now, {
    writes: [
      updateRow('consult', consult.id, settled, {
        still: { status: 'open' },
        conflict: 'Another agent accepted this consult first.',
      }),
      incidentUpdate(incident, result.changes, incident.version),
    ],
    journal: incidentJournal(incident.id, result.journal),
    audit: incidentAudit(incident.id, result.audit),
    notifications: incidentNotifications(incident.id, result.notifications),
    presence: result.presence,
    events: [
      consultEvent(
        consult.id,
        'accepted',
        actor.id,
        { ...consult, ...settled },
        { incident, teams: args.teams },
      ),
      incidentEvent(incident.id, 'consult_accepted', actor.id, incident, result.changes),
    ],
  });
}

/** A chat template sent to the customer: its customer-visible journal entry, announced as `chat_template_sent`. */
export function sendChatTemplateEffects(args: Parameters<typeof sendChatTemplate>[0]): Effects {
  const { journal } = sendChatTemplate(args);
  const { incident, actor, now } = args;
  return effects(now, {
    journal: incidentJournal(incident.id, journal),
    events: [incidentEvent(incident.id, 'chat_template_sent', actor.id, incident)],
  });
}
