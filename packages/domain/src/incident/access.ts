import { DomainError } from '../errors';
import { can } from '../permissions';
import { type Actor } from '../roles';
import { type Incident, type JournalEntryDraft } from './schema';

/** Staff read every incident; a customer only the ones filed for them. */
export function canReadIncident(actor: Actor, incident: Pick<Incident, 'customerId'>): boolean {
  if (!can(actor.role, 'incident.read')) return false;
  if (actor.role === 'customer') return actor.customerId !== null && incident.customerId === actor.customerId;
  return true;
}

/** A customer asking for someone else's incident is told it does not exist, not that it is forbidden. */
export function assertCanReadIncident(actor: Actor, incident: Pick<Incident, 'customerId' | 'number'>): void {
  if (!canReadIncident(actor, incident)) {
    throw new DomainError('NOT_FOUND', `No incident ${incident.number} that you can see.`);
  }
}

/**
 * Customers see only customer-visible journal entries and attachments (never internal notes,
 * routing traces or the files of an agent's private e-mail reply).
 */
export function visibleJournal<T extends Pick<JournalEntryDraft, 'visibility'>>(actor: Actor, entries: T[]): T[] {
  return can(actor.role, 'incident.readInternal') ? entries : entries.filter((e) => e.visibility === 'customer');
}

/** The same rule for one item (an attachment being downloaded). */
export const isVisibleTo = (actor: Actor, item: Pick<JournalEntryDraft, 'visibility'>): boolean => visibleJournal(actor, [item]).length === 1;

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

export function customerView(incident: Incident): Pick<Incident, (typeof customerVisibleFields)[number]> {
  const view = {} as Record<string, unknown>;
  for (const f of customerVisibleFields) view[f] = incident[f];
  return view as Pick<Incident, (typeof customerVisibleFields)[number]>;
}
