import { DomainError } from '../errors';
import { can } from '../permissions';
import { type Actor } from '../roles';
import { type Incident, type JournalEntryDraft } from './schema';

/**
 * Which channel-partner group an incident's ticket belongs to (kb 003), or null when it is not a
 * channel-partner ticket. Loaded with the incident (table partner_tickets); it stays the partner
 * group's while Tier 2 Support holds the ticket, so the partner agent keeps seeing it then.
 */
export interface PartnerScope {
  partnerTeamId: number | null;
}

/**
 * Who may read an incident (kb 003, DOMAIN.md §7): university staff read every incident; a customer
 * only the ones filed for them; a partner agent, an outsider giving Tier 1 support to their own
 * organisations, only the channel-partner tickets of a group they belong to. The scope is required
 * so no caller can forget it: without one the partner agent would be refused, never let through.
 */
export function canReadIncident(
  actor: Actor,
  incident: Pick<Incident, 'customerId'>,
  scope: PartnerScope,
): boolean {
  if (!can(actor.role, 'incident.read')) return false;
  switch (actor.role) {
    case 'customer':
      return actor.customerId !== null && incident.customerId === actor.customerId;
    case 'partner_agent':
      return scope.partnerTeamId !== null && actor.teamIds.includes(scope.partnerTeamId);
    default:
      return true;
  }
}

/** An incident the actor may not read is told not to exist, not to be forbidden (customers and partner agents alike). */
export function assertCanReadIncident(
  actor: Actor,
  incident: Pick<Incident, 'customerId' | 'number'>,
  scope: PartnerScope,
): void {
  if (!canReadIncident(actor, incident, scope)) {
    throw new DomainError('NOT_FOUND', `No incident ${incident.number} that you can see.`);
  }
}

/**
 * The bound every incident list (queue, "my incidents") puts on what the actor sees, matching
 * canReadIncident: a partner agent lists only their groups' channel-partner tickets; anyone else
 * is not bound here (customers have their own list, scoped to their cases).
 */
export function incidentListBound(actor: Actor): { partnerTeamIds?: readonly number[] } {
  return actor.role === 'partner_agent' ? { partnerTeamIds: actor.teamIds } : {};
}

/**
 * "My incidents": what the actor holds now; a partner agent also the tickets whose requester they
 * keep while Tier 2 works them (kb 003 rule 6: "you still retain ownership").
 */
export function myIncidentsFilter(
  actor: Actor,
): { ownerAgentId: number } | { heldOrKeptBy: number } {
  return actor.role === 'partner_agent' ? { heldOrKeptBy: actor.id } : { ownerAgentId: actor.id };
}

/**
 * Customers see only customer-visible journal entries and attachments (never internal notes,
 * routing traces or the files of an agent's private e-mail reply).
 */
export function visibleJournal<T extends Pick<JournalEntryDraft, 'visibility'>>(
  actor: Actor,
  entries: T[],
): T[] {
  return can(actor.role, 'incident.readInternal')
    ? entries
    : entries.filter((e) => e.visibility === 'customer');
}

/** The same rule for one item (an attachment being downloaded). */
export const isVisibleTo = (actor: Actor, item: Pick<JournalEntryDraft, 'visibility'>): boolean =>
  visibleJournal(actor, [item]).length === 1;

/** The fields of an incident a customer may see: no classification, owner agent or internal data. */
export const customerVisibleFields = [
  'id',
  'number',
  'status',
  'channel',
  'description',
  'callerName',
  'callerPhone',
  'callerEmail',
  'serviceId',
  'promises',
  'preferredContact',
  'peopleAffected',
  'createdAt',
  'updatedAt',
  'version',
] as const satisfies (keyof Incident)[];

export function customerView(
  incident: Incident,
): Pick<Incident, (typeof customerVisibleFields)[number]> {
  const view = {} as Record<string, unknown>;
  for (const f of customerVisibleFields) view[f] = incident[f];
  return view as Pick<Incident, (typeof customerVisibleFields)[number]>;
}
