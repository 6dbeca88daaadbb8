import { DomainError } from '../errors';
import { assertCurrentVersion } from '../change/version';
import { roundTripsText } from './hops';
import { inputNeededSubject, tell, ticketPath } from './messages';
import {
  assertAllowed,
  entry,
  firstRefusal,
  hop,
  openRefusal,
  partnerResult,
  refusal,
  roleRefusal,
  type PartnerRefusal,
} from './partner-kit';
import { type EscalateToTier2Input, type PartnerEnv, type PartnerStepResult } from './schema';

export const escalateNeedsCommentMessage =
  'Write a private comment for Tier 2 first: what the requester needs, what you tried and where you are stuck.';

function escalateRefusal(env: PartnerEnv): PartnerRefusal | null {
  const { incident, actor, ticket } = env;
  return firstRefusal(
    () => roleRefusal(env, 'partner.escalate'),
    () => openRefusal(env),
    () =>
      incident.ownerTeamId === env.tier2Team.id
        ? refusal('INVALID_TRANSITION', `${incident.number} is with Tier 2 Support already.`)
        : null,
    () => {
      if (incident.ownerAgentId === actor.id) return null;
      if (incident.ownerAgentId === null)
        return refusal(
          'INVALID_TRANSITION',
          `Claim ${incident.number} first: only its assignee escalates it.`,
        );
      return refusal(
        'FORBIDDEN',
        `Only ${env.assigneeName ?? 'the assignee'}, who has ${incident.number}, may escalate it.`,
      );
    },
    () =>
      ticket.relationshipAgent?.id === actor.id
        ? null
        : refusal(
            'FORBIDDEN',
            `Only the partner agent who owns the requester relationship escalates ${incident.number}.`,
          ),
  );
}

/** Why Escalate to Tier 2 may not run now, or null. */
export const canEscalateToTier2 = (env: PartnerEnv): string | null =>
  escalateRefusal(env)?.message ?? null;

/**
 * kb 003 rule 6 a): a stuck partner agent adds a private comment and reassigns the ticket to the
 * group Tier 2 Support with no assignee; they keep the customer relationship. Every Tier 2 member
 * is told the next input is theirs.
 */
export function escalateToTier2(env: PartnerEnv, input: EscalateToTier2Input): PartnerStepResult {
  assertAllowed(() => roleRefusal(env, 'partner.escalate'));
  assertCurrentVersion(env.incident, input.expectedVersion);
  assertAllowed(() => escalateRefusal(env));
  const comment = (input.privateComment ?? '').trim();
  if (!comment)
    throw new DomainError('VALIDATION', escalateNeedsCommentMessage, {
      privateComment: escalateNeedsCommentMessage,
    });
  const { incident, actor, ticket } = env;
  const trip = env.roundTrips + 1;
  return partnerResult(env, {
    changes: { ownerTeamId: env.tier2Team.id, ownerAgentId: null, status: 'assigned' },
    journal: [
      entry(env, 'note', 'internal', comment, { partner: 'private_comment' }),
      entry(
        env,
        'system',
        'internal',
        `${actor.name} escalated ${incident.number} to ${env.tier2Team.name} with a private comment (round trip ${trip}); ${actor.name} keeps the customer relationship.`,
        { partner: 'escalated', roundTrip: trip },
      ),
    ],
    hop: hop(env, 'escalated', { teamId: env.tier2Team.id, agentId: null }),
    told: tell(
      env.tier2Members,
      {
        template: 'partner-input-needed',
        subject: inputNeededSubject(incident.number),
        body:
          `${actor.name} (${ticket.partnerTeamName}) escalated ${incident.number} to ${env.tier2Team.name}; ` +
          `${roundTripsText(env.roundTrips)} so far. Their private comment:\n\n${comment}\n\n` +
          `Pull it in Handoff: ${ticketPath(incident.number)}`,
      },
      incident.id,
    ),
  });
}
