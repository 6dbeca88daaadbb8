import {
  assertCanReadIncident,
  DomainError,
  type Actor,
  type Incident,
  type PartnerScope,
} from '@handoff/domain';
import { incidentRepository, partnerRepository, type Db } from '@handoff/db';

/**
 * Loads an incident the actor may read, with its channel-partner scope (kb 003), or refuses with
 * NOT_FOUND: a missing incident and one the actor may not see answer alike. Every procedure that
 * opens an incident by id or number comes through here, so the read rule has one door.
 */
export function loadReadableIncident(
  db: Db,
  actor: Actor,
  where: { id: number } | { number: string },
): { incident: Incident; partnerScope: PartnerScope } {
  const incident =
    'id' in where
      ? incidentRepository.findById(db, where.id)
      : incidentRepository.findByNumber(db, where.number);
  if (!incident)
    throw new DomainError(
      'NOT_FOUND',
      `No incident ${'id' in where ? `#${where.id}` : where.number} that you can see.`,
    );
  const partnerScope = partnerRepository.findScope(db, incident.id);
  assertCanReadIncident(actor, incident, partnerScope);
  return { incident, partnerScope };
}
