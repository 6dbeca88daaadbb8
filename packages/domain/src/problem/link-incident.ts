import { DomainError } from '../errors';
import { type IncidentDrafts } from '../incident/create-incident';
import { assertCan } from '../permissions';
import { type NewAuditEntry, type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { diffIncident, entry } from '../incident/changes';
import { invalid, type Refusal } from '../change/refusal';
import { type Outage } from '../outage/schema';
import { type Actor } from '../roles';
import { type Problem } from './schema';

/** What linking needs to know about the target problem and its outage. */
export type ProblemFacts = Pick<Problem, 'id' | 'number' | 'title' | 'status' | 'serviceId'> & {
  outage: Pick<Outage, 'number' | 'title' | 'status'> | null;
} & Partial<Pick<Problem, 'ownerTeamId' | 'createdById'>>; // whom a link's change event concerns

/** `partnerTicket`: the incident is a channel-partner ticket (kb 003), which no problem takes. */
type LinkCtx = { incident: Incident; actor: Pick<Actor, 'role'>; partnerTicket: boolean };

/**
 * Why this incident may not be linked by this actor at all, whatever the problem (kb 001 step 9):
 * L1 links new incidents themselves but does not move one that is already linked; HDQA may.
 */
export function linkRefusalAny({ incident, actor, partnerTicket }: LinkCtx): Refusal | null {
  if (partnerTicket) {
    // Resolve Attached Incidents would answer the requester from the Help Desk: kb 003 keeps them with their partner agent.
    return invalid(
      `${incident.number} is a channel-partner ticket: its partner agent resolves it with the requester, so it is not linked to a problem.`,
    );
  }
  if (!openStatuses.includes(incident.status)) {
    return invalid(
      `${incident.number} is ${incident.status}; only open incidents are linked to a problem.`,
    );
  }
  if (actor.role !== 'hdqa' && incident.problemId !== null) {
    return invalid(`${incident.number} is already linked to a problem; ask HDQA to move it.`);
  }
  return null;
}

/** Why this incident may not be linked to this problem by this actor, or null. */
export function linkRefusal(ctx: LinkCtx & { problem: ProblemFacts }): Refusal | null {
  const { incident, actor, problem } = ctx;
  if (problem.status !== 'open')
    return invalid(`${problem.number} is ${problem.status}; link incidents to an open problem.`);
  if (incident.problemId === problem.id)
    return invalid(`${incident.number} is already linked to ${problem.number}.`);
  const any = linkRefusalAny(ctx);
  if (any) return any;
  // L1 sees only the open problems of the incident's service (issue 5); HDQA judges relevance itself.
  if (actor.role !== 'hdqa' && problem.serviceId !== incident.serviceId) {
    return invalid(
      `${problem.number} is about another service than ${incident.number}; ask HDQA to link it.`,
    );
  }
  return null;
}

/** Why a new incident of this service may not be created linked to this problem, or null. */
export function newIncidentLinkRefusal({
  serviceId,
  actor,
  problem,
}: {
  serviceId: number;
  actor: Pick<Actor, 'role'>;
  problem: ProblemFacts;
}): string | null {
  if (problem.status !== 'open')
    return `${problem.number} is ${problem.status}; link incidents to an open problem.`;
  if (actor.role !== 'hdqa' && problem.serviceId !== serviceId) {
    return `${problem.number} is about another service; choose one of the open problems of this service.`;
  }
  return null;
}

/** The journal line of a link, saying when the outage procedure now applies. */
export function linkSummary(problem: ProblemFacts): string {
  const outage = problem.outage;
  const procedure =
    outage?.status === 'active' || outage?.status === 'planned'
      ? ` Outage ${outage.number} (${outage.title}) is ${outage.status}: the outage procedure applies, so Level 1 saves the incident and SNCC resolves it with the outage.`
      : '';
  return `Linked to problem ${problem.number}: ${problem.title}.${procedure}`;
}

/** The incident's side of a link: problemId set (version + 1, audited) and a journal entry saying what applies now. */
export function linkIncidentToProblem({
  incident,
  problem,
  actor,
  now,
}: {
  incident: Incident;
  problem: ProblemFacts;
  actor: Actor;
  now: string;
}): { changes: Partial<Incident>; audit: NewAuditEntry[]; journal: NewJournalEntry[] } {
  const { changes, audit } = diffIncident({ incident, actor, now }, { problemId: problem.id });
  return {
    changes,
    audit,
    journal: [
      entry({ actor, now }, 'system', 'internal', linkSummary(problem), { problemId: problem.id }),
    ],
  };
}

/**
 * A new incident linked to the problem chosen on the form (kb 001 step 9: L1 links new incidents
 * themselves): problemId set at version 1, audited, and a journal entry saying what applies now.
 */
export function linkNewIncident(
  drafts: IncidentDrafts,
  { problem, actor, now }: { problem: ProblemFacts; actor: Actor; now: string },
): IncidentDrafts {
  assertCan(actor, 'onestep.link_to_problem');
  const refusal = newIncidentLinkRefusal({ serviceId: drafts.incident.serviceId, actor, problem });
  if (refusal) throw new DomainError('VALIDATION', refusal, { problemId: refusal });
  return {
    incident: { ...drafts.incident, problemId: problem.id },
    journal: [
      ...drafts.journal,
      entry({ actor, now }, 'system', 'internal', linkSummary(problem), { problemId: problem.id }),
    ],
    audit: [
      ...drafts.audit,
      {
        actorId: actor.id,
        field: 'problemId',
        fromValue: null,
        toValue: String(problem.id),
        version: 1,
        at: now,
      },
    ],
  };
}
