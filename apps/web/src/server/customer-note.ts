import { addCustomerNote, type Actor, type CustomerNoteInput } from '@handoff/domain';
import { incidentRepository, outboxRepository, teamRepository, type Db } from '@handoff/db';
import { noteMailFor } from './mail/notify';
import { loadReadableIncident } from './readable-incident';

/**
 * Saves a customer's Help Online note in one transaction: the journal entry, any change it makes
 * (an answer sends a waiting case back), the owning team's notifications and their e-mails.
 */
export function saveCustomerNote(db: Db, actor: Actor, now: string, input: CustomerNoteInput) {
  const { incident, partnerScope } = loadReadableIncident(db, actor, { id: input.incidentId });
  const team = teamRepository.findById(db, incident.ownerTeamId);
  const result = addCustomerNote({
    incident,
    actor,
    partnerScope,
    body: input.body,
    peopleAffected: input.peopleAffected,
    ownerTeamName: team?.name ?? `team #${incident.ownerTeamId}`,
    now,
  });
  // The owning team's e-mail follows the mail capability's rules (the team's notify setting; the
  // General Help Desk sees customer notes in its queue), so both paths to a customer note agree.
  const mail = noteMailFor(db, {
    incident,
    note: input.body,
    visibility: 'customer',
    author: actor,
  });
  const queueMail = (tx: Parameters<typeof outboxRepository.enqueue>[0]) =>
    outboxRepository.enqueue(tx, mail, now);
  if (result.audit.length > 0) {
    incidentRepository.update(db, {
      id: incident.id,
      expectedVersion: incident.version,
      changes: result.changes,
      audit: result.audit,
      journal: result.journal,
      notifications: result.notifications,
      also: queueMail,
    });
  } else {
    db.transaction(
      (tx) => {
        incidentRepository.insertJournal(tx, incident.id, result.journal);
        incidentRepository.insertNotifications(tx, incident.id, result.notifications, now);
        queueMail(tx);
      },
      { behavior: 'immediate' },
    );
  }
  return { ok: true as const, answered: result.answered };
}
