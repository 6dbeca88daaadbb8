import { type Effects, effects, mailFor } from '../change';
import { DomainError } from '../errors';
import { type OutboxDraft } from '../outbox';
import { internalNoteKind } from '../live/live-scope';
import { incidentEvent, incidentJournal } from './entity';
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

/**
 * A staff note as Effects: the journal entry, the e-mail a customer-visible note sends (`mail`,
 * drafted by the caller from the note) and the change event: `note_added` for a customer-visible
 * note, `note_added.internal` for an internal one (a customer's live page never hears of it).
 * No version change.
 */
export function addNoteEffects(
  args: Parameters<typeof addNote>[0] & { mail: readonly OutboxDraft[] },
): Effects {
  const { incident, actor, now } = args;
  const { journal } = addNote(args);
  return effects(now, {
    journal: incidentJournal(incident.id, journal),
    outbox: mailFor(incident.id, args.mail),
    events: [
      incidentEvent(
        incident.id,
        args.visibility === 'internal' ? internalNoteKind : 'note_added',
        actor.id,
        incident,
      ),
    ],
  });
}
