import { customerNoteEffects, type Actor, type CustomerNoteInput } from '@handoff/domain';
import { commitSync, teamRepository, type Db } from '@handoff/db';
import { noteMailFor } from './mail/notify';
import { loadReadableIncident } from './readable-incident';

/**
 * Saves a customer's Help Online note in one commit: the journal entry, any change it makes (an
 * answer sends a waiting case back), the owning team's notifications and their e-mails. The owning
 * team's e-mail follows the mail capability's rules (noteMailFor), so both paths to a note agree.
 */
export function saveCustomerNote(db: Db, actor: Actor, now: string, input: CustomerNoteInput) {
  let answered = false;
  commitSync(db, (read) => {
    const { incident, partnerScope } = loadReadableIncident(read, actor, { id: input.incidentId });
    const team = teamRepository.findById(read, incident.ownerTeamId);
    const mail = noteMailFor(read, {
      incident,
      note: input.body,
      visibility: 'customer',
      author: actor,
    });
    const ownerTeamName = team?.name ?? `team #${incident.ownerTeamId}`;
    const c = { incident, actor, partnerScope, ownerTeamName, now, mail };
    const decided = customerNoteEffects({
      ...c,
      body: input.body,
      peopleAffected: input.peopleAffected,
    });
    answered = decided.answered;
    return decided;
  });
  return { ok: true as const, answered };
}
