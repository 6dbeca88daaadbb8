import { DomainError } from '../errors';
import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { type AgentFacts, type OneStepResult } from '../one-steps/contract';
import { type NotificationDraft } from '../change/notification';
import { assignedNotification, outageForwardMessage, teamIdFor } from '../one-steps/step-kit';
import { diffIncident, entry } from '../incident/changes';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { type ConsultRequest, consultTeamNames } from './schema';

/**
 * kb 000 "If the Contract Partner Support agent responds" / kb 002 chat: the agent who accepts a
 * consult joins the chat and owns the incident for the CPS or HD ES team.
 */
export function acceptConsult({
  consult,
  incident,
  agent,
  actor,
  now,
  teams,
  underOpenOutage = false,
}: {
  /** The incident is linked to a problem of an open outage: nobody takes it over (kb 001, issue 14.4). */
  underOpenOutage?: boolean;
  consult: ConsultRequest;
  incident: Incident;
  /** The agent who takes the chat (normally the actor). */
  agent: AgentFacts;
  actor: Actor;
  now: string;
  /** Team name → id, for every team. */
  teams: Record<string, number>;
}): { consult: ConsultRequest; result: OneStepResult } {
  assertCan(actor, 'consult.accept');
  const teamName = consultTeamNames[consult.team];
  const teamId = teamIdFor({ teams }, teamName);
  if (!agent.teamIds.includes(teamId)) {
    throw new DomainError('FORBIDDEN', `Only members of ${teamName} may accept this consult.`);
  }
  if (consult.status !== 'open') {
    throw new DomainError('INVALID_TRANSITION', `This consult is already ${consult.status}.`);
  }
  if (!openStatuses.includes(incident.status)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is ${incident.status}; it can no longer be taken.`,
    );
  }
  if (underOpenOutage)
    throw new DomainError('INVALID_TRANSITION', outageForwardMessage(incident.number));
  const env = { incident, actor, now, teams };
  const { changes, audit } = diffIncident(env, {
    ownerTeamId: teamId,
    ownerAgentId: agent.id,
    status: 'in_progress',
    // kb 000 step 2: a CPS-handled case is classified Transfer to CPS; an ES chat keeps its classification.
    ...(consult.team === 'cps' ? { classification: 'Transfer to CPS' } : {}),
  });
  const notifications: NotificationDraft[] = [assignedNotification(env, teamId)];
  if (consult.openedById !== null) {
    notifications.push({
      audience: 'user',
      targetId: consult.openedById,
      template: 'consult_accepted',
      subject: `${agent.name} accepted the consult on ${incident.number}`,
      body: `${agent.name} (${teamName}) will take the chat for ${incident.number}: transfer the chat to them in Bomgar.`,
    });
  }
  return {
    consult: { ...consult, status: 'accepted', acceptedById: agent.id, acceptedAt: now },
    result: {
      changes,
      journal: [
        entry(
          env,
          'system',
          'internal',
          `Chat consult accepted by ${agent.name}, who now owns ${incident.number} for ${teamName}.`,
          {
            consult: consult.team,
          },
        ),
      ],
      audit,
      notifications,
      presence: [{ userId: agent.id, presence: 'busy' }],
    },
  };
}
