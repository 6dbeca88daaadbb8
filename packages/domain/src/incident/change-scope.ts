import { DomainError } from '../errors';
import { teamNames } from '../teams';
import { incidentChangeScope } from '../permissions';
import { roleLabels, type Actor } from '../roles';
import { type PartnerScope } from './access';
import { type Incident } from './schema';

/** The queues of the help desk itself (DOMAIN.md §2): the General Help Desk, HDQA, CPS and HD ES. */
export const helpDeskQueues: readonly string[] = [
  teamNames.helpDesk,
  teamNames.hdqa,
  teamNames.cps,
  teamNames.es,
];

/** What the change rule needs to know of an incident besides its owner team's id. */
export interface ChangeScopeFacts {
  incident: Pick<Incident, 'number' | 'ownerTeamId'>;
  /** The owning team's name (to tell help-desk queues from the others). */
  ownerTeamName: string | undefined;
  partnerScope: PartnerScope;
  /** Linked to a problem whose outage is active (kb 001): SNCC works those too. */
  underActiveOutage: boolean;
}

/**
 * Why the actor may not change this incident (edit its fields, run a one-step on it), or null
 * (the scope table `incidentChangeScope` in permissions.ts, one reason per role).
 */
export function changeScopeRefusal(actor: Actor, facts: ChangeScopeFacts): string | null {
  const { incident, ownerTeamName, partnerScope, underActiveOutage } = facts;
  const { scope } = incidentChangeScope[actor.role];
  const ownTeam = actor.teamIds.includes(incident.ownerTeamId);
  const allowed =
    scope === 'help_desk_queues'
      ? ownTeam || (ownerTeamName !== undefined && helpDeskQueues.includes(ownerTeamName))
      : scope === 'own_teams'
        ? ownTeam
        : scope === 'own_teams_and_outages'
          ? ownTeam || underActiveOutage
          : scope === 'partner_group'
            ? partnerScope.partnerTeamId !== null &&
              actor.teamIds.includes(partnerScope.partnerTeamId)
            : false;
  if (allowed) return null;
  const holder = ownerTeamName ?? `team #${incident.ownerTeamId}`;
  return `${incident.number} is with ${holder}, so you may not change it: ${roleLabels[actor.role]} (${actor.role}) ${incidentChangeScope[actor.role].reason}.`;
}

/** Throws FORBIDDEN when the actor may not change the incident (see changeScopeRefusal). */
export function assertCanChangeIncident(actor: Actor, facts: ChangeScopeFacts): void {
  const refusal = changeScopeRefusal(actor, facts);
  if (refusal) throw new DomainError('FORBIDDEN', refusal);
}
