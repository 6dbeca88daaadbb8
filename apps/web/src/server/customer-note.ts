import { customerNoteEffects, type Actor, type CustomerNoteInput } from '@handoff/domain';
import { commit, teamRepository, type Db } from '@handoff/db';
import { noteMailFor } from './mail/notify';
import { loadReadableIncident } from './readable-incident';

/**
 * A customer's Help Online note as one decision, loaded inside the commit plan: the journal entry,
 * any change it makes (an answer sends a waiting case back), the owning team's notifications and
 * their e-mails. The owning team's e-mail follows the mail capability's rules (noteMailFor), so
 * both paths to a note agree.
 */
export async function customerNotePlan(
  read: Db,
  actor: Actor,
  now: string,
  input: CustomerNoteInput,
) {
  const { incident, partnerScope } = await loadReadableIncident(read, actor, {
    id: input.incidentId,
  });
  const team = await teamRepository.findById(read, incident.ownerTeamId);
  const mail = await noteMailFor(read, {
    incident,
    note: input.body,
    visibility: 'customer',
    author: actor,
  });
  const ownerTeamName = team?.name ?? `team #${incident.ownerTeamId}`;
  const c = { incident, actor, partnerScope, ownerTeamName, now, mail };
  return customerNoteEffects({ ...c, body: input.body, peopleAffected: input.peopleAffected });
}

/** Saves a customer's note in one commit; `answered` = it answered a request for more information. */
export async function saveCustomerNote(
  db: Db,
  actor: Actor,
  now: string,
  input: CustomerNoteInput,
) {
  let answered = false;
  await commit(db, async (read) => {
    const decided = await customerNotePlan(read, actor, now, input);
    answered = decided.answered;
    return decided;
  });
  return { ok: true as const, answered };
}
