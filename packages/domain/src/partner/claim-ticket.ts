import { formatWait, waitedSeconds } from './hops';
import { firstLine, tell, ticketPath } from './messages';
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
import { type PartnerEnv, type PartnerStepResult } from './schema';

const isTier2 = (env: PartnerEnv): boolean => env.incident.ownerTeamId === env.tier2Team.id;

/** The team whose members may claim the ticket now: the partner group, or Tier 2 Support after an escalation. */
function claimingTeam(env: PartnerEnv): { id: number; name: string } | null {
  if (isTier2(env)) return env.tier2Team;
  if (env.incident.ownerTeamId === env.ticket.partnerTeamId)
    return { id: env.ticket.partnerTeamId, name: env.ticket.partnerTeamName };
  return null;
}

function claimRefusal(env: PartnerEnv): PartnerRefusal | null {
  const { incident, actor } = env;
  const verb = isTier2(env) ? 'pulled' : 'claimed';
  return firstRefusal(
    () => roleRefusal(env, 'partner.claim'),
    () => openRefusal(env),
    () => {
      const team = claimingTeam(env);
      if (!team)
        return refusal(
          'INVALID_TRANSITION',
          `${incident.number} is not waiting in a channel-partner or Tier 2 queue.`,
        );
      return actor.teamIds.includes(team.id)
        ? null
        : refusal('FORBIDDEN', `Only members of ${team.name} may claim ${incident.number}.`);
    },
    () => {
      if (incident.ownerAgentId === null) return null;
      if (incident.ownerAgentId === actor.id)
        return refusal('INVALID_TRANSITION', `You already have ${incident.number}.`);
      // The losers of a claim race land here (or on the conditional update): tell them who won.
      return refusal(
        'CONFLICT',
        `${incident.number} was already ${verb} by ${env.assigneeName ?? 'another agent'}.`,
      );
    },
  );
}

/**
 * Whether Claim (or Pull) is offered to this actor at all: not when their role or their teams can
 * never take it (a partner agent once the ticket waits for Tier 2), only when it may run or is
 * refused for a reason that passes (someone else was first, it is not waiting now).
 */
export const offersClaim = (env: PartnerEnv): boolean => claimRefusal(env)?.code !== 'FORBIDDEN';

/** Why Claim (or Pull, for Tier 2) may not run now, or null. */
export const canClaimTicket = (env: PartnerEnv): string | null =>
  claimRefusal(env)?.message ?? null;

/**
 * kb 003 rules 4–5 and 6 b): the first member of the group holding the ticket to claim it becomes the
 * assignee, and the whole group is told who has it. In the partner group the claimer also becomes
 * the agent who owns the customer relationship; in Tier 2 Support the claim is the "pull".
 * The save must be conditional on the ticket still having no assignee (many may claim at once).
 */
export function claimTicket(env: PartnerEnv): PartnerStepResult {
  assertAllowed(() => claimRefusal(env));
  const { incident, actor, ticket } = env;
  const waited = formatWait(waitedSeconds(env.lastHopAt, env.now));
  const requester = `${env.requester.name} (${ticket.organisationName})`;
  if (isTier2(env)) {
    const relationship = ticket.relationshipAgent?.name ?? ticket.partnerTeamName;
    return partnerResult(env, {
      changes: { ownerAgentId: actor.id, status: 'in_progress' },
      journal: [
        entry(
          env,
          'system',
          'internal',
          `${actor.name} pulled ${incident.number} for Tier 2 after it waited ${waited}; ${relationship} keeps the customer relationship.`,
          {
            partner: 'pulled',
          },
        ),
      ],
      hop: hop(env, 'pulled', { teamId: env.tier2Team.id, agentId: actor.id }),
      told: tell(
        env.tier2Members,
        {
          template: 'partner-pulled',
          subject: `[${incident.number}] pulled by ${actor.name}`,
          body: `${actor.name} pulled ${incident.number} (${requester}) from the Tier 2 Support queue and is working it now: ${firstLine(incident.description)}\n\n${ticketPath(incident.number)}`,
        },
        incident.id,
      ),
    });
  }
  return partnerResult(env, {
    changes: { ownerAgentId: actor.id, status: 'in_progress' },
    journal: [
      entry(
        env,
        'system',
        'internal',
        `${actor.name} claimed ${incident.number} for ${ticket.partnerTeamName} after it waited ${waited}.`,
        {
          partner: 'claimed',
        },
      ),
    ],
    hop: hop(env, 'claimed', { teamId: ticket.partnerTeamId, agentId: actor.id }),
    relationshipAgentId: actor.id,
    told: tell(
      env.partnerMembers,
      {
        template: 'partner-claimed',
        subject: `[${incident.number}] claimed by ${actor.name}`,
        body: `${actor.name} claimed ${incident.number} (${requester}) and is its assignee now: ${firstLine(incident.description)}\n\n${ticketPath(incident.number)}`,
      },
      incident.id,
    ),
  });
}
