// The outage aggregate as the commit kernel knows it: its row, its public timeline (the journal),
// the services it affects, and the change event of every outage write.
import {
  concerned,
  effects,
  updateRow,
  type ChangeEventDraft,
  type Effects,
  type EntityId,
  type JournalWrite,
} from '../change';
import { type NewOutage, type NewOutageUpdate, type Outage } from './schema';

declare module '../change/entities' {
  interface Entities {
    outage: { row: Outage; insert: NewOutage & { number: string }; journal: NewOutageUpdate };
  }
}

/** Timeline entries of one outage. */
export const outageTimeline = (id: EntityId, entries: readonly NewOutageUpdate[]): JournalWrite[] =>
  entries.map((entry) => ({ entity: 'outage', id, entry }));

/** An outage change concerns its owner team (before and after) and whoever declared it. */
export const outageEvent = (
  id: EntityId,
  kind: string,
  actorId: number | null,
  before: Pick<Outage, 'ownerTeamId' | 'declaredById'> | null,
  after: Partial<Outage> = {},
): ChangeEventDraft => ({
  entity: 'outage',
  entityId: id,
  kind,
  actorId,
  teamIds: concerned(before?.ownerTeamId, after.ownerTeamId),
  userIds: concerned(before?.declaredById, after.declaredById),
});

/** What an outage change decided, as a conditional write at the version seen (`kind` names the event). */
export interface OutageChange {
  changes: Partial<Outage>;
  updates: NewOutageUpdate[];
}

export function outageChangeEffects(
  outage: Outage,
  change: OutageChange,
  expectedVersion: number,
  kind: string,
  { actorId, now }: { actorId: number | null; now: string },
): Effects {
  return effects(now, {
    writes: [updateRow('outage', outage.id, change.changes, { expectedVersion })],
    journal: outageTimeline(outage.id, change.updates),
    events: [outageEvent(outage.id, kind, actorId, outage, change.changes)],
  });
}
