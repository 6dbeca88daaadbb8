// The incident's side of every change: the field diff (audit rows, next version) and journal drafts.
import { diffFields } from '../change';
import { type Actor } from '../roles';
import { type Incident, type NewAuditEntry, type NewJournalEntry } from './schema';

/**
 * The incident's changes for `desired`: fields already holding the value are dropped, each other
 * field gets an audit row, and the version moves by one with updatedAt = now (even when no field
 * differs: a one-step is a change of its own).
 */
export function diffIncident(
  { incident, actor, now }: { incident: Incident; actor: Pick<Actor, 'id'>; now: string },
  desired: Partial<Incident>,
): { changes: Partial<Incident>; audit: NewAuditEntry[] } {
  const { changes, audit } = diffFields(
    incident,
    desired,
    { actorId: actor.id, now },
    { always: true },
  );
  return { changes, audit };
}

/** A journal draft by the actor, now. */
export function entry(
  { actor, now }: { actor: Pick<Actor, 'id'>; now: string },
  kind: NewJournalEntry['kind'],
  visibility: NewJournalEntry['visibility'],
  body: string,
  data: unknown = null,
): NewJournalEntry {
  return { kind, visibility, body, authorId: actor.id, data, createdAt: now };
}
