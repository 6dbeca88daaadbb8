import {
  assertCanChangeIncident,
  assertCanReadIncident,
  changeScopeRefusal,
  DomainError,
  type Actor,
  type Incident,
  type PartnerScope,
} from '@handoff/domain';
import {
  incidentRepository,
  partnerRepository,
  problemRepository,
  teamRepository,
  type Db,
} from '@handoff/db';

/**
 * Loads an incident the actor may read, with its channel-partner scope (kb 003), or refuses with
 * NOT_FOUND: a missing incident and one the actor may not see answer alike. Every procedure that
 * opens an incident by id or number comes through here, so the read rule has one door.
 */
export async function loadReadableIncident(
  db: Db,
  actor: Actor,
  where: { id: number } | { number: string },
): Promise<{ incident: Incident; partnerScope: PartnerScope }> {
  const incident =
    'id' in where
      ? await incidentRepository.findById(db, where.id)
      : await incidentRepository.findByNumber(db, where.number);
  if (!incident)
    throw new DomainError(
      'NOT_FOUND',
      `No incident ${'id' in where ? `#${where.id}` : where.number} that you can see.`,
    );
  const partnerScope = await partnerRepository.findScope(db, incident.id);
  assertCanReadIncident(actor, incident, partnerScope);
  return { incident, partnerScope };
}

/** The facts the team-scope rule (permissions.ts incidentChangeScope) needs about a loaded incident. */
const scopeFacts = async (db: Db, incident: Incident, partnerScope: PartnerScope) => {
  const [team, underActiveOutage] = await Promise.all([
    teamRepository.findById(db, incident.ownerTeamId),
    problemRepository.isUnderOpenOutage(db, incident),
  ]);
  return { incident, ownerTeamName: team?.name, partnerScope, underActiveOutage };
};

/** Why the actor may not change this incident (team scope), or null; for the page's edit buttons. */
export const changeRefusalFor = async (
  db: Db,
  actor: Actor,
  incident: Incident,
  partnerScope: PartnerScope,
): Promise<string | null> =>
  changeScopeRefusal(actor, await scopeFacts(db, incident, partnerScope));

/**
 * Loads an incident the actor may read and change (its team's, per the team-scope table), or refuses:
 * NOT_FOUND when it may not read it, FORBIDDEN when it may read but not change it.
 */
export async function loadChangeableIncident(
  db: Db,
  actor: Actor,
  where: { id: number } | { number: string },
): Promise<{ incident: Incident; partnerScope: PartnerScope }> {
  const loaded = await loadReadableIncident(db, actor, where);
  assertCanChangeIncident(actor, await scopeFacts(db, loaded.incident, loaded.partnerScope));
  return loaded;
}
