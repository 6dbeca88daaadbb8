import { type Effects, effects, insertRow, mailFor } from '../change';
import { type OutboxDraft } from '../outbox';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import {
  type IncidentCreateInput,
  type NewAuditEntry,
  type NewIncident,
  type NewJournalEntry,
} from './schema';
import { incidentAudit, incidentEvent, incidentJournal, newIncidentRef } from './entity';

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
}: {
  input: IncidentCreateInput;
  actor: Actor;
  now: string;
  ownerTeamId: number;
}): { incident: NewIncident } & IncidentChanges {
  assertCan(actor, 'incident.create');
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
    problemId: null,
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
  const audit: NewAuditEntry[] = [
    { actorId: actor.id, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
  ];
  return { incident, journal, audit };
}

export type IncidentDrafts = { incident: NewIncident } & IncidentChanges;

/**
 * The effects of a drafted incident under the number reserved for it: the row (ref
 * `newIncidentRef`), its journal and audit, its mail and the `created` change event.
 */
export function newIncidentEffects(
  drafts: IncidentDrafts,
  {
    number,
    now,
    mail = [],
    id,
  }: {
    number: string;
    now: string;
    mail?: readonly OutboxDraft[];
    /** The id reserved in the same transaction, when the plan has already used it (the insert names it). */
    id?: number;
  },
): Effects {
  const { incident } = drafts;
  const values = id === undefined ? { ...incident, number } : { ...incident, number, id };
  return effects(now, {
    writes: [insertRow('incident', values, newIncidentRef.ref)],
    journal: incidentJournal(newIncidentRef, drafts.journal),
    audit: incidentAudit(newIncidentRef, drafts.audit),
    outbox: mailFor(newIncidentRef, mail),
    events: [incidentEvent(newIncidentRef, 'created', incident.createdById, null, incident)],
  });
}
