// The outage aggregate as the commit kernel knows it: its row, its public timeline (the journal),
// the services it affects, and the change event of every outage write.
import {
  concerned,
  effects,
  insertRow,
  updateRow,
  type ChangeEventDraft,
  type Effects,
  type EntityId,
  type JournalWrite,
} from '../change';
import { DomainError } from '../errors';
import { declareOutage } from './declare-outage';
import { type NewOutage, type NewOutageUpdate, type Outage } from './schema';

/** One service an outage affects. */
export interface OutageServiceRow {
  outageId: number;
  serviceId: number;
}

/** The ref of the outage a declaration inserts. */
export const newOutageRef = { ref: 'outage' } as const;

declare module '../change/entities' {
  interface Entities {
    outage: { row: Outage; insert: NewOutage & { number: string }; journal: NewOutageUpdate };
    outageService: { row: OutageServiceRow; insert: OutageServiceRow };
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

/**
 * kb 001 step 3: a declared outage under its reserved number, with the services it affects (from
 * the catalog: `catalogServiceIds` are those of them that exist) and its first timeline entry, announced `declared`.
 */
export function declareOutageEffects(
  args: Parameters<typeof declareOutage>[0] & {
    number: string;
    catalogServiceIds: readonly number[];
  },
): Effects {
  if (args.input.serviceIds.some((id) => !args.catalogServiceIds.includes(id)))
    throw new DomainError('VALIDATION', 'Choose services from the catalog.', {
      serviceIds: 'Choose services from the catalog',
    });
  const { outage, serviceIds, updates } = declareOutage(args);
  const id = newOutageRef;
  return effects(args.now, {
    writes: [
      insertRow('outage', { ...outage, number: args.number }, id.ref),
      ...serviceIds.map((serviceId) => insertRow('outageService', { outageId: id, serviceId })),
    ],
    journal: outageTimeline(id, updates),
    events: [outageEvent(id, 'declared', args.actor.id, null, outage)],
  });
}
