import { assertCurrentVersion, type Effects, effects } from '../change';
import { incidentAudit, incidentEvent, incidentUpdate } from './entity';
import { DomainError } from '../errors';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { type NewAuditEntry } from './schema';
import { type Incident, type IncidentPatch } from './schema';
import { assertCanReadIncident, type PartnerScope } from './access';

const editableFields = [
  'callerName',
  'callerPhone',
  'callerEmail',
  'customerId',
  'serviceId',
  'description',
  'computerName',
  'urgency',
  'expectation',
  'preferredContact',
] as const satisfies (keyof IncidentPatch & keyof Incident)[];

const show = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/**
 * Applies an agent's field edits: only fields whose value changes are written, each with an
 * audit row, and the version moves by one so a second stale write fails.
 */
export function editIncident({
  incident,
  patch,
  expectedVersion,
  actor,
  partnerScope,
  now,
}: {
  incident: Incident;
  patch: IncidentPatch;
  expectedVersion: number;
  actor: Actor;
  /** The incident's channel-partner group, for the read rule (see canReadIncident). */
  partnerScope: PartnerScope;
  now: string;
}): { changes: Partial<Incident>; audit: NewAuditEntry[] } {
  assertCan(actor, 'incident.update');
  assertCanReadIncident(actor, incident, partnerScope);
  assertCurrentVersion(incident, expectedVersion);
  const changes: Partial<Record<(typeof editableFields)[number], unknown>> = {};
  const audit: NewAuditEntry[] = [];
  const version = incident.version + 1;
  for (const field of editableFields) {
    if (!(field in patch)) continue;
    const next = patch[field] ?? null;
    if (show(next) === show(incident[field])) continue;
    changes[field] = next;
    audit.push({
      actorId: actor.id,
      field,
      fromValue: show(incident[field]),
      toValue: show(next),
      version,
      at: now,
    });
  }
  if (audit.length === 0) return { changes: {}, audit: [] };
  // The requester of a partner ticket is whoever submitted it (kb 003). A partner agent re-pointing it
  // at another customer would read that customer's record on the ticket page: a way round customer search.
  if ('customerId' in changes && actor.role === 'partner_agent') {
    const message =
      'The requester of a channel-partner ticket is the end user who submitted it; it cannot be changed';
    throw new DomainError('FORBIDDEN', `${message}.`, { customerId: message });
  }
  // The create schema's phone-or-e-mail rule (DOMAIN.md §4) must survive edits too.
  const phone = 'callerPhone' in changes ? changes.callerPhone : incident.callerPhone;
  const email = 'callerEmail' in changes ? changes.callerEmail : incident.callerEmail;
  if (!phone && !email) {
    const message = 'Give a phone number or an e-mail address for the caller';
    throw new DomainError('VALIDATION', `${message}.`, { callerPhone: message });
  }
  return { changes: { ...(changes as Partial<Incident>), version, updatedAt: now }, audit };
}

/** Whether the patch's service and customer exist (loaded by the caller; unchanged references need not). */
export interface PatchReferences {
  serviceExists: boolean;
  customerExists: boolean;
}

/**
 * An agent's field edits as Effects: the audited conditional update and the `edited` change event;
 * nothing at all when no field changes. A changed service or customer must exist.
 */
export function editIncidentEffects(
  args: Parameters<typeof editIncident>[0] & { references: PatchReferences },
): Effects & { changed: number } {
  const { incident, actor, now, expectedVersion, references } = args;
  const { changes, audit } = editIncident(args);
  if ('serviceId' in changes && !references.serviceExists) {
    throw new DomainError('VALIDATION', 'Choose a service from the catalog.', {
      serviceId: 'Choose a service from the catalog',
    });
  }
  if (changes.customerId != null && !references.customerExists) {
    throw new DomainError('VALIDATION', 'That customer does not exist.', {
      customerId: 'Pick the customer again from the search',
    });
  }
  if (audit.length === 0) return { ...effects(now), changed: 0 };
  return {
    ...effects(now, {
      writes: [incidentUpdate(incident, changes, expectedVersion)],
      audit: incidentAudit(incident.id, audit),
      events: [incidentEvent(incident.id, 'edited', actor.id, incident, changes)],
    }),
    changed: audit.length,
  };
}
