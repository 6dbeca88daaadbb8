// Who may receive which change over a live subscription (issue 17 item 5): the same rules as the
// queries. University staff read everything; partner agents only their groups' tickets; customers
// only their own cases and only what a customer sees of them; a visitor without a login only outages.
import { type ChangeEvent } from '../change/event';
import { canReadIncident, type PartnerScope } from '../incident/access';
import { can } from '../permissions';
import { type Actor } from '../roles';

/** Entities whose events name an incident by `entityId` (the incident's read rule decides). */
export const incidentEntities = ['incident', 'partnerTicket', 'incidentViewer'] as const;

/** Entities every visitor sees (the public /status page): outages only. */
export const publicEntities = ['outage'] as const;

/** Entities whose events concern only the people they name: one's own notifications marked read. */
export const personalEntities = ['notification'] as const;

/** The internal-note event kind: a customer never hears of it. */
export const internalNoteKind = 'note_added.internal';

/** A private comment on a channel-partner ticket (kb 003): its requester never hears of it. */
export const privateCommentKind = 'partner.comment.private';

/**
 * Event kinds of an incident a customer never sees a trace of: internal notes (typed, or a staff
 * member's e-mail reply), private partner comments, the desk's chat consults.
 */
const hiddenFromCustomers = new Set<string>([
  internalNoteKind,
  'email_staff_note',
  privateCommentKind,
  'consult_opened',
  'consult_accepted',
]);

/** The facts of the incident an event names, loaded by the caller when the rule needs them. */
export interface LiveIncidentFacts {
  customerId: number | null;
  partnerScope: PartnerScope;
}

/** Whether the actor reads every change (our own staff), so no incident needs loading. */
export const readsEveryChange = (actor: Actor | null): boolean =>
  actor !== null && actor.role !== 'partner_agent' && can(actor.role, 'incident.readInternal');

/** Whether the rule needs the incident's facts to decide this event for this actor. */
export const needsIncidentFacts = (actor: Actor | null, event: Pick<ChangeEvent, 'entity'>) =>
  actor !== null &&
  !readsEveryChange(actor) &&
  (incidentEntities as readonly string[]).includes(event.entity);

/**
 * Whether `event` may reach `actor` (null = not signed in). `incident` = the facts of the incident
 * the event names (see needsIncidentFacts), null when it is gone or not needed.
 */
export function mayReceive(
  actor: Actor | null,
  event: Pick<ChangeEvent, 'entity' | 'kind'> & Partial<Pick<ChangeEvent, 'userIds'>>,
  incident: LiveIncidentFacts | null,
): boolean {
  if ((publicEntities as readonly string[]).includes(event.entity)) return true;
  if (actor === null) return false;
  if ((personalEntities as readonly string[]).includes(event.entity))
    return event.userIds?.includes(actor.id) ?? false;
  if (readsEveryChange(actor)) return true;
  if (!(incidentEntities as readonly string[]).includes(event.entity) || incident === null)
    return false;
  if (!canReadIncident(actor, incident, incident.partnerScope)) return false;
  if (actor.role === 'customer')
    return event.entity === 'incident' && !hiddenFromCustomers.has(event.kind);
  return true;
}

/**
 * What of an event a subscriber is told: staff get who did it and whom it concerns; customers and
 * visitors only that something changed (no staff ids, teams or people).
 */
export function liveEventView<T extends ChangeEvent>(
  actor: Actor | null,
  event: T,
): Pick<ChangeEvent, 'id' | 'entity' | 'entityId' | 'kind' | 'at'> & Partial<ChangeEvent> {
  const { id, entity, entityId, kind, at } = event;
  if (actor === null || actor.role === 'customer') return { id, entity, entityId, kind, at };
  return event;
}
