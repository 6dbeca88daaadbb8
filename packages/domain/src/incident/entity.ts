// The incident aggregate as the commit kernel knows it, and the pieces every incident write shares.
import {
  type AuditWrite,
  type ChangeEventDraft,
  concerned,
  type EntityId,
  type JournalWrite,
  type NotificationDraft,
  type NotificationWrite,
  type RowUpdate,
  updateRow,
} from '../change';
import {
  type Incident,
  type NewAuditEntry,
  type NewIncident,
  type NewJournalEntry,
} from './schema';

declare module '../change/entities' {
  interface Entities {
    incident: {
      row: Incident;
      insert: NewIncident & { number: string };
      journal: NewJournalEntry;
      audit: NewAuditEntry;
    };
  }
}

/** The ref of the incident a create inserts (its journal, mail and event point at it). */
export const newIncidentRef = { ref: 'incident' } as const;

/** The teams and people an incident change concerns: owning teams and agents before and after, and the creator. */
export function incidentAudience(
  before: Pick<Incident, 'ownerTeamId' | 'ownerAgentId' | 'createdById'> | null,
  after: Partial<Pick<Incident, 'ownerTeamId' | 'ownerAgentId' | 'createdById'>>,
): Pick<ChangeEventDraft, 'teamIds' | 'userIds'> {
  return {
    teamIds: concerned(before?.ownerTeamId, after.ownerTeamId),
    userIds: concerned(
      before?.ownerAgentId,
      after.ownerAgentId,
      before?.createdById,
      after.createdById,
    ),
  };
}

/** The change event of an incident write. */
export const incidentEvent = (
  id: EntityId,
  kind: string,
  actorId: number | null,
  before: Pick<Incident, 'ownerTeamId' | 'ownerAgentId' | 'createdById'> | null,
  after: Partial<Incident> = {},
): ChangeEventDraft => ({
  entity: 'incident',
  entityId: id,
  kind,
  actorId,
  ...incidentAudience(before, after),
});

export const incidentJournal = (
  id: EntityId,
  entries: readonly NewJournalEntry[],
): JournalWrite[] => entries.map((entry) => ({ entity: 'incident', id, entry }));

export const incidentAudit = (id: EntityId, entries: readonly NewAuditEntry[]): AuditWrite[] =>
  entries.map((entry) => ({ entity: 'incident', id, entry }));

export const incidentNotifications = (
  id: EntityId,
  drafts: readonly NotificationDraft[],
): NotificationWrite[] => drafts.map((draft) => ({ incidentId: id, draft }));

/** The conditional update of an incident the decision saw at `expectedVersion`. */
export const incidentUpdate = (
  incident: Pick<Incident, 'id'>,
  set: Partial<Incident>,
  expectedVersion: number,
  when: Pick<RowUpdate<'incident'>, 'still' | 'conflict'> = {},
): RowUpdate<'incident'> => updateRow('incident', incident.id, set, { expectedVersion, ...when });
