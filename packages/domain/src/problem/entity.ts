// The problem aggregate as the commit kernel knows it, and the effects of every problem write.
import {
  concerned,
  effects,
  mergeEffects,
  insertRow,
  updateRow,
  type AuditWrite,
  type ChangeEventDraft,
  type Effects,
  type EntityId,
  type JournalWrite,
} from '../change';
import { incidentAudit, incidentEvent, incidentJournal, incidentUpdate } from '../incident/entity';
import { type Incident } from '../incident/schema';
import { outageChangeEffects, type OutageChange } from '../outage/entity';
import { type Outage } from '../outage/schema';
import { type OutboxDraft } from '../outbox';
import { type NewAuditEntry, type NewJournalEntry } from '../incident/schema';
import {
  type NewProblem,
  type NewProblemAuditEntry,
  type NewProblemJournalEntry,
  type Problem,
  type ProblemChange,
} from './schema';

declare module '../change/entities' {
  interface Entities {
    problem: {
      row: Problem;
      insert: NewProblem & { id?: number; number: string };
      journal: NewProblemJournalEntry;
      audit: NewProblemAuditEntry;
    };
  }
}

/** The ref of the problem a create inserts. */
export const newProblemRef = { ref: 'problem' } as const;

export const problemJournalWrites = (
  id: EntityId,
  entries: readonly NewProblemJournalEntry[],
): JournalWrite[] => entries.map((entry) => ({ entity: 'problem', id, entry }));

export const problemAuditWrites = (
  id: EntityId,
  entries: readonly NewProblemAuditEntry[],
): AuditWrite[] => entries.map((entry) => ({ entity: 'problem', id, entry }));

/** A problem change concerns its owner team (before and after) and whoever created it. */
export const problemEvent = (
  id: EntityId,
  kind: string,
  actorId: number | null,
  before: Partial<Pick<Problem, 'ownerTeamId' | 'createdById'>> | null,
  after: Partial<Problem> = {},
): ChangeEventDraft => ({
  entity: 'problem',
  entityId: id,
  kind,
  actorId,
  teamIds: concerned(before?.ownerTeamId, after.ownerTeamId),
  userIds: concerned(before?.createdById, after.createdById),
});

/**
 * A decided problem change as one conditional write at the version the user saw, its journal and
 * audit rows and its change event. Nothing changed and nothing to say = no write at all.
 */
export function problemChangeEffects(
  problem: Problem,
  change: ProblemChange,
  expectedVersion: number,
  kind: string,
  { actorId, now }: { actorId: number | null; now: string },
): Effects {
  if (change.audit.length === 0 && change.journal.length === 0) return effects(now);
  return effects(now, {
    writes: [updateRow('problem', problem.id, change.changes, { expectedVersion })],
    journal: problemJournalWrites(problem.id, change.journal),
    audit: problemAuditWrites(problem.id, change.audit),
    events: [problemEvent(problem.id, kind, actorId, problem, change.changes)],
  });
}

/** One incident's writes when it is linked or resolved in bulk. */
export interface IncidentWrite {
  id: number;
  expectedVersion: number;
  changes: Partial<Incident>;
  audit: NewAuditEntry[];
  journal: NewJournalEntry[];
}

/** Bulk incident writes (link, resolve attached): each at the version seen, journaled, audited, announced. */
export function incidentWritesEffects(
  incidents: readonly Incident[],
  writes: readonly IncidentWrite[],
  kind: string,
  { actorId, now }: { actorId: number | null; now: string },
): Effects {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return effects(now, {
    writes: writes.map((w) => incidentUpdate(w, w.changes, w.expectedVersion)),
    journal: writes.flatMap((w) => incidentJournal(w.id, w.journal)),
    audit: writes.flatMap((w) => incidentAudit(w.id, w.audit)),
    events: writes.map((w) =>
      incidentEvent(w.id, kind, actorId, byId.get(w.id) ?? null, w.changes),
    ),
  });
}

/** Links (kb 001 step 8) as effects: every incident's write plus the problem's journal and event. */
export function linkEffects(
  problem: Pick<Problem, 'id'> & Partial<Pick<Problem, 'ownerTeamId' | 'createdById'>>,
  incidents: readonly Incident[],
  links: { incidents: readonly IncidentWrite[]; problemJournal: readonly NewProblemJournalEntry[] },
  { actorId, now }: { actorId: number | null; now: string },
  problemId: EntityId = problem.id,
): Effects {
  return mergeEffects(
    incidentWritesEffects(incidents, links.incidents, 'linked_to_problem', { actorId, now }),
    {
      journal: problemJournalWrites(problemId, links.problemJournal),
      events: [
        problemEvent(problemId, 'incidents_linked', actorId, {
          ownerTeamId: problem.ownerTeamId ?? 0,
          createdById: problem.createdById ?? null,
        }),
      ],
    },
  );
}

/** Resolve Attached Incidents (kb 001 step 10) as one commit. */
export function resolveAttachedEffects(
  problem: Problem,
  outage: Outage | null,
  incidents: readonly Incident[],
  result: {
    incidents: readonly IncidentWrite[];
    outbox: readonly OutboxDraft[];
    problemJournal: readonly NewProblemJournalEntry[];
    outage: OutageChange | null;
  },
  { actorId, now }: { actorId: number | null; now: string },
): Effects {
  if (result.incidents.length === 0) return effects(now);
  const outageEffects =
    outage && result.outage
      ? outageChangeEffects(outage, result.outage, outage.version, 'resolved', { actorId, now })
      : effects(now);
  return mergeEffects(
    incidentWritesEffects(incidents, result.incidents, 'resolved_attached', { actorId, now }),
    {
      journal: problemJournalWrites(problem.id, result.problemJournal),
      outbox: [...result.outbox],
      events: [problemEvent(problem.id, 'resolved_attached', actorId, problem)],
    },
    outageEffects,
  );
}

/** A new problem (id and number reserved in the same transaction) with its journal, audit and event, then `more`. */
export function newProblemEffects(
  problem: NewProblem & { id: number; number: string },
  drafts: { journal: readonly NewProblemJournalEntry[]; audit: readonly NewProblemAuditEntry[] },
  more: Effects,
): Effects {
  return mergeEffects(
    effects(problem.createdAt, {
      writes: [insertRow('problem', problem, newProblemRef.ref)],
      journal: problemJournalWrites(problem.id, drafts.journal),
      audit: problemAuditWrites(problem.id, drafts.audit),
      events: [problemEvent(problem.id, 'created', problem.createdById, null, problem)],
    }),
    // The problem's own event is `created`; `more` adds the other rows' writes and events.
    { ...more, events: more.events.filter((e) => e.entity !== 'problem') },
  );
}
