import '../zod-config';
import { z } from 'zod';
import { type Effects, effects } from '../change';
import { DomainError } from '../errors';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { diffIncident, entry } from './changes';
import {
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
} from './entity';
import { type Incident } from './schema';

/** Assign one incident to a member of its owning team (one row of the queue's bulk assign). */
export const assignMemberSchema = z.object({
  incidentId: z.number().int().positive(),
  expectedVersion: z.number().int().nonnegative(),
  agentId: z.number({ error: 'Choose a team member' }).int().positive('Choose a team member'),
});
export type AssignMemberInput = z.infer<typeof assignMemberSchema>;

/** The chosen person as loaded: their teams and whether they may still sign in. */
export interface AssignableAgent {
  id: number;
  name: string;
  active: boolean;
  teamIds: readonly number[];
}

/**
 * Hands an open incident to a member of the team that owns it: the owner agent changes (a new
 * incident becomes assigned), journaled and audited, the new owner is notified, and the change
 * event is `assigned`. Only a member of that team (or an admin) may assign; the chosen person must be
 * an active member of it, and not own it already. Each refusal changes nothing.
 */
export function assignToMember({
  incident,
  agent,
  agentId,
  teamName,
  actor,
  expectedVersion,
  now,
}: {
  incident: Incident;
  /** The chosen person, or null when there is no such user. */
  agent: AssignableAgent | null;
  agentId: number;
  teamName: string;
  actor: Actor;
  expectedVersion: number;
  now: string;
}): Effects {
  assertCan(actor, 'incident.assign');
  if (actor.role !== 'admin' && !actor.teamIds.includes(incident.ownerTeamId))
    throw new DomainError(
      'FORBIDDEN',
      `Only members of ${teamName} may assign ${incident.number}.`,
    );
  if (incident.status === 'resolved' || incident.status === 'closed')
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is ${incident.status}; reopen it before assigning it.`,
    );
  if (!agent || !agent.active)
    throw new DomainError('VALIDATION', `No active user #${agentId} to assign to.`, {
      agentId: 'Choose a team member',
    });
  if (!agent.teamIds.includes(incident.ownerTeamId))
    throw new DomainError(
      'VALIDATION',
      `${agent.name} is not a member of ${teamName}, which owns ${incident.number}.`,
      { agentId: `Not a member of ${teamName}` },
    );
  if (incident.ownerAgentId === agent.id)
    throw new DomainError('VALIDATION', `${incident.number} is already assigned to ${agent.name}.`);
  const desired = {
    ownerAgentId: agent.id,
    status: incident.status === 'new' ? ('assigned' as const) : incident.status,
  };
  const { changes, audit } = diffIncident({ incident, actor, now }, desired);
  const summary = `${actor.name} assigned ${incident.number} to ${agent.name} (${teamName}).`;
  return effects(now, {
    writes: [incidentUpdate(incident, changes, expectedVersion)],
    journal: incidentJournal(incident.id, [entry({ actor, now }, 'system', 'internal', summary)]),
    audit: incidentAudit(incident.id, audit),
    notifications: incidentNotifications(incident.id, [
      {
        audience: 'user',
        targetId: agent.id,
        template: 'assigned',
        subject: `${incident.number} assigned to you`,
        body: `${actor.name} assigned ${incident.number} (${incident.callerName}) to you.`,
      },
    ]),
    events: [incidentEvent(incident.id, 'assigned', actor.id, incident, changes)],
  });
}
