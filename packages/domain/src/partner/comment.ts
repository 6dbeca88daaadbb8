import { assertCanReadIncident } from '../incident/access';
import { type Visibility } from '../incident/schema';
import { inputNeededSubject, tell, ticketPath } from './messages';
import {
  assertAllowed,
  entry,
  firstRefusal,
  openRefusal,
  partnerResult,
  refusal,
  roleRefusal,
  type PartnerRefusal,
} from './partner-kit';
import { type PartnerEnv, type PartnerStepResult } from './schema';

/** Who is speaking on a partner ticket, which decides what they may say and who is told. */
type Speaker =
  'requester' | 'relationship_agent' | 'partner_member' | 'tier2' | 'admin' | 'outsider';

function speakerOf({ actor, ticket, tier2Team }: PartnerEnv): Speaker {
  if (actor.role === 'customer') return 'requester';
  if (actor.role === 'admin') return 'admin';
  if (actor.teamIds.includes(ticket.partnerTeamId))
    return ticket.relationshipAgent?.id === actor.id ? 'relationship_agent' : 'partner_member';
  if (actor.teamIds.includes(tier2Team.id)) return 'tier2';
  return 'outsider';
}

function commentRefusal(env: PartnerEnv, visibility: Visibility): PartnerRefusal | null {
  const { incident, ticket } = env;
  const speaker = speakerOf(env);
  const agent = ticket.relationshipAgent?.name;
  return firstRefusal(
    () => roleRefusal(env, 'partner.comment'),
    () => (incident.status === 'closed' ? openRefusal(env) : null),
    () =>
      speaker === 'outsider'
        ? refusal(
            'FORBIDDEN',
            `Only ${ticket.partnerTeamName} and Tier 2 Support comment on ${incident.number}.`,
          )
        : null,
    () => {
      if (visibility === 'internal') {
        return speaker === 'requester'
          ? refusal('FORBIDDEN', 'Your comments are always visible to the agent and to you.')
          : null;
      }
      switch (speaker) {
        case 'requester':
        case 'relationship_agent':
          return null;
        case 'tier2':
          return refusal(
            'FORBIDDEN',
            `Tier 2 comments are private: the requester deals only with ${agent ?? ticket.partnerTeamName}. ` +
              'Write a private comment and return the ticket to the agent.',
          );
        default:
          return agent
            ? refusal(
                'FORBIDDEN',
                `Only ${agent}, who owns the relationship with the requester, answers them; add a private comment instead.`,
              )
            : refusal(
                'INVALID_TRANSITION',
                `Claim ${incident.number} first: the agent who claims it answers the requester.`,
              );
      }
    },
  );
}

/**
 * The requester's reply hands the turn back: a ticket waiting on them goes back in progress, and a
 * resolved one reopens (with its agent, or in the group's queue when nobody holds it), as a reply
 * to a solved ticket does in Zendesk. A closed ticket refuses comments (a new e-mail opens a follow-up).
 */
function requesterReplyChanges(incident: PartnerEnv['incident']): Partial<PartnerEnv['incident']> {
  if (incident.status === 'pending_customer') return { status: 'in_progress' };
  if (incident.status === 'resolved')
    return { status: incident.ownerAgentId === null ? 'assigned' : 'in_progress' };
  return {};
}

/** Why the actor may not add a comment of this visibility now, or null. */
export const canCommentOnTicket = (env: PartnerEnv, visibility: Visibility): string | null =>
  commentRefusal(env, visibility)?.message ?? null;

/**
 * kb 003 rules 6–7: comments on a channel-partner ticket. Private comments (journal visibility
 * `internal`) stay with the agents; public ones (`customer`) pass only between the requester and
 * the partner agent who owns the relationship, never Tier 2. A public answer hands the turn to the
 * requester (status pending_customer, e-mail "your input is needed"); a requester's comment hands
 * it back to the agent. `via: 'email'` records a comment that arrived as an e-mail reply.
 */
export function commentOnTicket(
  env: PartnerEnv,
  {
    body,
    visibility,
    via = 'web',
  }: { body: string; visibility: Visibility; via?: 'web' | 'email' },
): PartnerStepResult {
  // Another customer, or a partner agent of another group, is told the ticket does not exist.
  assertCanReadIncident(env.actor, env.incident, { partnerTeamId: env.ticket.partnerTeamId });
  assertAllowed(() => commentRefusal(env, visibility));
  const { incident, actor, ticket } = env;
  const text = body.trim();
  const speaker = speakerOf(env);
  const kind = via === 'email' ? 'email' : 'note';
  if (visibility === 'internal') {
    return partnerResult(env, {
      changes: {},
      journal: [entry(env, kind, 'internal', text, { partner: 'private_comment', via })],
    });
  }
  if (speaker === 'requester') {
    // The relationship agent (or, before anyone claimed it, the whole group) is told the requester replied.
    const told = ticket.relationshipAgent ? [ticket.relationshipAgent] : env.partnerMembers;
    return partnerResult(env, {
      changes: requesterReplyChanges(incident),
      journal: [entry(env, kind, 'customer', text, { from: 'requester', via })],
      told: tell(
        told,
        {
          template: 'partner-input-needed',
          subject: inputNeededSubject(incident.number),
          body: `${env.requester.name} (${ticket.organisationName}) replied on ${incident.number}:\n\n${text}\n\n${ticketPath(incident.number)}`,
        },
        incident.id,
      ),
    });
  }
  // The relationship agent answers the requester: the e-mail carries the agent's words and name only.
  const holdsIt = incident.ownerAgentId === actor.id;
  return partnerResult(env, {
    changes: holdsIt ? { status: 'pending_customer' } : {},
    journal: [entry(env, kind, 'customer', text, { from: 'partner_agent', via })],
    told: env.requester.email
      ? {
          notifications: [],
          outbox: [
            {
              incidentId: incident.id,
              template: 'partner-public-reply',
              toAddress: env.requester.email,
              toName: env.requester.name,
              subject: inputNeededSubject(incident.number),
              textBody:
                `${actor.name} (${ticket.partnerTeamName}) wrote:\n\n${text}\n\n` +
                `Reply to this e-mail, or add a comment to ${incident.number} in Help Online.`,
              // A person wrote it: not an auto-generated notification.
              autoSubmitted: false,
            },
          ],
        }
      : undefined,
  });
}
