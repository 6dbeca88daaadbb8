import { DomainError } from '../errors';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { assertCanReadIncident, type PartnerScope } from './access';
import { type NewJournalEntry } from './schema';
import { type Incident, type Visibility } from './schema';

/** A note on the journal: internal for staff, or customer-visible (the customer's own notes always are). */
export function addNote({
  incident,
  body,
  visibility,
  actor,
  partnerScope,
  now,
}: {
  incident: Incident;
  body: string;
  visibility: Visibility;
  actor: Actor;
  /** The incident's channel-partner group, for the read rule (see canReadIncident). */
  partnerScope: PartnerScope;
  now: string;
}): { journal: NewJournalEntry[] } {
  assertCan(actor, 'incident.addNote');
  assertCanReadIncident(actor, incident, partnerScope);
  if (visibility === 'internal') assertCan(actor, 'incident.addInternalNote');
  if (incident.status === 'closed') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is closed; reopen it before adding notes.`,
    );
  }
  return {
    journal: [{ kind: 'note', visibility, body, authorId: actor.id, data: null, createdAt: now }],
  };
}
