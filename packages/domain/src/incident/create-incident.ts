import { DomainError } from '../errors';
import { assertCan } from '../permissions';
import { linkSummary, newIncidentLinkRefusal, type ProblemFacts } from '../problem/link-incident';
import { type Actor } from '../roles';
import {
  type AuditEntryDraft,
  type Incident,
  type IncidentCreateInput,
  type JournalEntryDraft,
} from './schema';

export type NewIncident = Omit<Incident, 'id' | 'number'>;
export type NewJournalEntry = Omit<JournalEntryDraft, 'incidentId'>;
export type NewAuditEntry = Omit<AuditEntryDraft, 'incidentId'>;

export interface IncidentChanges {
  journal: NewJournalEntry[];
  audit: NewAuditEntry[];
}

/**
 * A new contact becomes an incident owned by the team that took it (kb 000: L1 creates it
 * in the General Help Desk queue), status `new`, version 1, with a system journal entry.
 */
export function createIncident({
  input,
  actor,
  now,
  ownerTeamId,
  problem,
}: {
  input: IncidentCreateInput;
  actor: Actor;
  now: string;
  ownerTeamId: number;
  /** The problem chosen on the form (kb 001 step 9: L1 links new incidents themselves). */
  problem?: ProblemFacts;
}): { incident: NewIncident } & IncidentChanges {
  assertCan(actor, 'incident.create');
  if (problem) {
    assertCan(actor, 'onestep.link_to_problem');
    const refusal = newIncidentLinkRefusal({ serviceId: input.serviceId, actor, problem });
    if (refusal) throw new DomainError('VALIDATION', refusal, { problemId: refusal });
  }
  const incident: NewIncident = {
    callerName: input.callerName,
    callerPhone: input.callerPhone ?? null,
    callerEmail: input.callerEmail ?? null,
    customerId: input.customerId ?? null,
    channel: input.channel,
    serviceId: input.serviceId,
    description: input.description,
    classification: null,
    status: 'new',
    ownerTeamId,
    // The agent who takes the contact owns it until a one-step hands it on.
    ownerAgentId: actor.role === 'customer' ? null : actor.id,
    urgency: input.urgency ?? null,
    expectation: input.expectation ?? null,
    preferredContact: input.preferredContact ?? null,
    computerName: input.computerName ?? null,
    problemId: problem?.id ?? null,
    promises: {},
    peopleAffected: null,
    tpTriage: null,
    version: 1,
    createdById: actor.id,
    createdAt: now,
    updatedAt: now,
  };
  const journal: NewJournalEntry[] = [
    {
      kind: 'system',
      visibility: 'internal',
      body: `Incident created by ${actor.name} (${input.channel}).`,
      authorId: actor.id,
      data: null,
      createdAt: now,
    },
  ];
  if (input.firstNote) {
    journal.push({
      kind: 'note',
      visibility: 'internal',
      body: input.firstNote,
      authorId: actor.id,
      data: null,
      createdAt: now,
    });
  }
  if (problem) {
    journal.push({
      kind: 'system',
      visibility: 'internal',
      body: linkSummary(problem),
      authorId: actor.id,
      data: { problemId: problem.id },
      createdAt: now,
    });
  }
  const audit: NewAuditEntry[] = [
    { actorId: actor.id, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
    ...(problem
      ? [
          {
            actorId: actor.id,
            field: 'problemId',
            fromValue: null,
            toValue: String(problem.id),
            version: 1,
            at: now,
          },
        ]
      : []),
  ];
  return { incident, journal, audit };
}
