// The chat consult as the commit kernel knows it.
import { type ChangeEventDraft, concerned, type RowUpdate, updateRow } from '../change';
import { type ConsultRequest, consultTeamNames, type NewConsultRequest } from './schema';

declare module '../change/entities' {
  interface Entities {
    consult: { row: ConsultRequest; insert: NewConsultRequest };
  }
}

/** The change event of a consult write: the answering team's queue and the agent who opened it. */
export const consultEvent = (
  consult: Pick<ConsultRequest, 'id' | 'team' | 'openedById'>,
  kind: string,
  actorId: number | null,
  teams: Readonly<Record<string, number>>,
): ChangeEventDraft => ({
  entity: 'consult',
  entityId: consult.id,
  kind,
  actorId,
  teamIds: concerned(teams[consultTeamNames[consult.team]]),
  userIds: concerned(consult.openedById),
});

/** Ends a consult still waiting for an agent (only while it is still open). */
export const expireConsult = (consult: Pick<ConsultRequest, 'id'>): RowUpdate<'consult'> =>
  updateRow('consult', consult.id, { status: 'expired' }, { still: { status: 'open' } });
