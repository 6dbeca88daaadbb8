import { type OneStepEnv, type OneStepName } from './contract';
import { type Refusal } from '../change/refusal';

/**
 * kb 003: a channel-partner ticket changes hands only by Claim, Escalate to Tier 2 and Return to
 * agent, so the hand-offs are recorded and the partner agent keeps the requester. Of the
 * one-steps only Resolve (by that agent, while they hold it), Close and Reopen apply.
 */
export function partnerTicketRefusal(env: OneStepEnv, name: OneStepName): Refusal | null {
  const ticket = env.partnerTicket;
  if (!ticket || name === 'close' || name === 'reopen') return null;
  const { incident, actor } = env;
  if (name === 'resolve') {
    return actor.id === ticket.relationshipAgentId && incident.ownerAgentId === actor.id
      ? null
      : {
          code: 'FORBIDDEN',
          message: `${incident.number} is a channel-partner ticket: the partner agent who owns the requester relationship resolves it, while it is with them.`,
        };
  }
  return {
    code: 'INVALID_TRANSITION',
    message: `${incident.number} is a channel-partner ticket: it changes hands only by Claim, Escalate to Tier 2 and Return to agent.`,
  };
}
