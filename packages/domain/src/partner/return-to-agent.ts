import { DomainError } from '../errors';
import { assertCurrentVersion } from '../change/version';
import { formatWait, roundTripsText, waitedSeconds } from './hops';
import { inputNeededSubject, tell, ticketPath } from './messages';
import {
  assertAllowed,
  entry,
  firstRefusal,
  hop,
  openRefusal,
  partnerResult,
  raise,
  refusal,
  roleRefusal,
  type PartnerRefusal,
} from './partner-kit';
import { type PartnerEnv, type PartnerStepResult, type ReturnToAgentInput } from './schema';

function returnRefusal(env: PartnerEnv): PartnerRefusal | null {
  const { incident, actor, ticket } = env;
  return firstRefusal(
    () => roleRefusal(env, 'partner.return'),
    () => openRefusal(env),
    () =>
      incident.ownerTeamId === env.tier2Team.id
        ? null
        : refusal(
            'INVALID_TRANSITION',
            `${incident.number} is not with Tier 2 Support, so there is nothing to return.`,
          ),
    () => {
      if (incident.ownerAgentId === actor.id) return null;
      if (incident.ownerAgentId === null)
        return refusal(
          'INVALID_TRANSITION',
          `Pull ${incident.number} first: only the Tier 2 agent who has it returns it.`,
        );
      return refusal(
        'FORBIDDEN',
        `Only ${env.assigneeName ?? 'the Tier 2 assignee'}, who pulled ${incident.number}, may return it.`,
      );
    },
    () =>
      ticket.relationshipAgent
        ? null
        : refusal(
            'INVALID_TRANSITION',
            `${incident.number} has no partner agent to return it to; it was never claimed.`,
          ),
  );
}

/** Why Return to agent may not run now, or null. */
export const canReturnToAgent = (env: PartnerEnv): string | null =>
  returnRefusal(env)?.message ?? null;

export const returnNeedsCommentMessage = (agent: string): string =>
  `Write a private comment for ${agent} first: what you found, or what they should do or ask the requester next.`;

/**
 * kb 003 rule 6 c): the Tier 2 agent who pulled the ticket makes a private comment and hands it back
 * to the original partner agent (assignee and group); that agent is told the next input is theirs.
 * The comment may come with the return or before it.
 */
export function returnToAgent(env: PartnerEnv, input: ReturnToAgentInput): PartnerStepResult {
  assertAllowed(() => roleRefusal(env, 'partner.return'));
  assertCurrentVersion(env.incident, input.expectedVersion);
  assertAllowed(() => returnRefusal(env));
  const { incident, actor, ticket } = env;
  const agent =
    ticket.relationshipAgent ??
    raise(refusal('INVALID_TRANSITION', `${incident.number} was never claimed.`));
  const comment = (input.privateComment ?? '').trim();
  if (!comment && env.privateCommentsSincePull === 0) {
    const message = returnNeedsCommentMessage(agent.name);
    throw new DomainError('VALIDATION', message, { privateComment: message });
  }
  const trips = env.roundTrips + 1;
  const worked = formatWait(waitedSeconds(env.lastHopAt, env.now));
  return partnerResult(env, {
    changes: { ownerTeamId: ticket.partnerTeamId, ownerAgentId: agent.id, status: 'in_progress' },
    journal: [
      ...(comment ? [entry(env, 'note', 'internal', comment, { partner: 'private_comment' })] : []),
      entry(
        env,
        'system',
        'internal',
        `${actor.name} returned ${incident.number} to ${agent.name} (${ticket.partnerTeamName}) after ${worked} with Tier 2; ${roundTripsText(trips)}.`,
        { partner: 'returned', roundTrips: trips },
      ),
    ],
    hop: hop(env, 'returned', { teamId: ticket.partnerTeamId, agentId: agent.id }),
    told: tell(
      [agent],
      {
        template: 'partner-input-needed',
        subject: inputNeededSubject(incident.number),
        body:
          `${actor.name} (${env.tier2Team.name}) returned ${incident.number} to you; ${roundTripsText(trips)} so far.` +
          (comment
            ? ` Their private comment:\n\n${comment}`
            : ' Read their private comments on the ticket.') +
          `\n\nAnswer the requester or escalate again: ${ticketPath(incident.number)}`,
      },
      incident.id,
    ),
  });
}
