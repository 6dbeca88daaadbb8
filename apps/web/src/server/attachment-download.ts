import { canReadIncident, isVisibleTo, type Actor } from '@handoff/domain';
import { attachmentRepository, incidentRepository, partnerRepository, type Db } from '@handoff/db';

/**
 * The attachment to download, when the actor may read its incident (with its channel-partner
 * scope, kb 003) and the file itself (a customer never gets one of an agent's private e-mail reply);
 * undefined otherwise, so someone else's file answers like a missing one.
 */
export async function findReadableAttachment(db: Db, actor: Actor, id: number) {
  const attachment =
    Number.isInteger(id) && id > 0 ? await attachmentRepository.findById(db, id) : undefined;
  const incident = attachment
    ? await incidentRepository.findById(db, attachment.incidentId)
    : undefined;
  if (
    !attachment ||
    !incident ||
    !canReadIncident(actor, incident, await partnerRepository.findScope(db, incident.id))
  )
    return undefined;
  if (!isVisibleTo(actor, attachment)) return undefined;
  return attachment;
}
