// Each channel-partner step as one decision returning Effects: the step's rules (claim, escalate,
// return, comment, submit) and the rows, mail and change event the commit module applies.
import { privateCommentKind } from '../live/live-scope';
import {
  concerned,
  effects,
  insertRow,
  mailFor,
  updateRow,
  type ChangeEventDraft,
  type Effects,
  type EntityId,
  type InsertOf,
  type RowWrite,
} from '../change';
import {
  incidentAudit,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
  newIncidentRef,
} from '../incident/entity';
import { type Incident, type Visibility } from '../incident/schema';
import { followUpNote } from '../mail/inbound';
import { type OutboxDraft } from '../outbox';
import { claimTicket } from './claim-ticket';
import { commentOnTicket } from './comment';
import { escalateToTier2 } from './escalate-to-tier2';
import { returnToAgent } from './return-to-agent';
import {
  type EscalateToTier2Input,
  type PartnerEnv,
  type PartnerStepResult,
  type ReturnToAgentInput,
} from './schema';
import { submitPartnerTicket, type SubmitPartnerTicketArgs } from './submit-ticket';

/** The change event of a partner step: the incident's owner teams and agents, plus the partner group and relationship agent. */
export function partnerEvent(
  id: EntityId,
  kind: string,
  actorId: number | null,
  before: Pick<Incident, 'ownerTeamId' | 'ownerAgentId' | 'createdById'> | null,
  after: Partial<Incident>,
  ticket: { partnerTeamId: number; relationshipAgentId?: number | null },
): ChangeEventDraft {
  return {
    entity: 'incident',
    entityId: id,
    kind,
    actorId,
    teamIds: concerned(before?.ownerTeamId, after.ownerTeamId, ticket.partnerTeamId),
    userIds: concerned(
      before?.ownerAgentId,
      after.ownerAgentId,
      before?.createdById,
      after.createdById,
      ticket.relationshipAgentId,
    ),
  };
}

/**
 * A partner step's result as Effects: the incident update at the version the step was decided on
 * (a first claim also on "still nobody's, still in that queue"), the hop, the relationship agent,
 * journal, audit, notifications, e-mails and the change event. A step that changes no field only appends.
 */
export function partnerStepEffects(
  env: PartnerEnv,
  result: PartnerStepResult,
  step: { kind: string; expectedVersion: number; firstClaim?: boolean },
): Effects {
  const { incident, ticket } = env;
  const writes: RowWrite[] = [];
  if (Object.keys(result.changes).length > 0)
    writes.push(
      incidentUpdate(
        incident,
        result.changes,
        step.expectedVersion,
        step.firstClaim
          ? {
              still: { ownerAgentId: null, ownerTeamId: incident.ownerTeamId },
              conflict: `${incident.number} changed while you were claiming it. Reload and claim it again.`,
            }
          : {},
      ),
    );
  if (result.hop) writes.push(insertRow('partnerHop', { ...result.hop, incidentId: incident.id }));
  if (result.relationshipAgentId !== undefined)
    writes.push(
      updateRow('partnerTicket', incident.id, { relationshipAgentId: result.relationshipAgentId }),
    );
  return effects(env.now, {
    writes,
    journal: incidentJournal(incident.id, result.journal),
    audit: incidentAudit(incident.id, result.audit),
    notifications: incidentNotifications(incident.id, result.notifications),
    outbox: mailFor(incident.id, result.outbox),
    events: [
      partnerEvent(incident.id, step.kind, env.actor.id || null, incident, result.changes, {
        partnerTeamId: ticket.partnerTeamId,
        relationshipAgentId: result.relationshipAgentId ?? ticket.relationshipAgent?.id ?? null,
      }),
    ],
  });
}

const isPull = (env: PartnerEnv) => env.incident.ownerTeamId === env.tier2Team.id;

/** kb 003 rules 4–5: first claim (or Tier 2's pull) wins; the update matches only while nobody has it. */
export const decideClaim = (env: PartnerEnv): Effects =>
  partnerStepEffects(env, claimTicket(env), {
    kind: isPull(env) ? 'partner.pull' : 'partner.claim',
    expectedVersion: env.incident.version,
    firstClaim: true,
  });

export const decideEscalate = (env: PartnerEnv, input: EscalateToTier2Input): Effects =>
  partnerStepEffects(env, escalateToTier2(env, input), {
    kind: 'partner.escalate',
    expectedVersion: input.expectedVersion,
  });

export const decideReturn = (env: PartnerEnv, input: ReturnToAgentInput): Effects =>
  partnerStepEffects(env, returnToAgent(env, input), {
    kind: 'partner.return',
    expectedVersion: input.expectedVersion,
  });

/**
 * A comment from the web or an e-mail reply. `authorIsUser: false` is a requester without a login
 * writing by e-mail: the entry is stored without an author.
 */
export function decideComment(
  env: PartnerEnv,
  args: { body: string; visibility: Visibility; via: 'web' | 'email'; authorIsUser?: boolean },
): Effects {
  const result = commentOnTicket(env, args);
  if (args.authorIsUser === false)
    result.journal = result.journal.map((j) => ({ ...j, authorId: null }));
  return partnerStepEffects(env, result, {
    kind: args.visibility === 'internal' ? privateCommentKind : 'partner.comment',
    expectedVersion: env.incident.version,
  });
}

/**
 * kb 003 rules 2–3 as Effects: the new ticket (numbered `number`), its partner row, first hop, a
 * notification and e-mail per group member, and its event. A requester placed by domain just now
 * keeps the placement; a `newRequester` (first e-mail from an organisation's domain) is inserted
 * with it; `followUpOf` notes the follow-up on the closed ticket; `acknowledgement` goes to the requester.
 */
export function decideSubmitTicket(
  args: SubmitPartnerTicketArgs & {
    number: string;
    placedNow: boolean;
    newRequester?: InsertOf<'customer'>;
    followUpOf?: { id: number } | null;
    acknowledgement?: readonly OutboxDraft[];
  },
): Effects {
  const drafts = submitPartnerTicket(args);
  const { organisation, now } = args;
  const requesterRef = { ref: 'requester' };
  const customerId: EntityId = args.newRequester ? requesterRef : args.requester.customerId;
  const writes: RowWrite[] = [];
  if (args.newRequester) writes.push(insertRow('customer', args.newRequester, requesterRef.ref));
  else if (args.placedNow)
    writes.push(
      updateRow('customer', args.requester.customerId, {
        organisationId: organisation.id,
        organisation: organisation.name,
      }),
    );
  writes.push(
    insertRow(
      'incident',
      { ...drafts.incident, number: args.number, customerId },
      newIncidentRef.ref,
    ),
    insertRow('partnerTicket', { incidentId: newIncidentRef, ...drafts.ticket }),
    insertRow('partnerHop', { ...drafts.hop, incidentId: newIncidentRef }),
  );
  const told = drafts.told({ id: 0, number: args.number });
  return effects(now, {
    writes,
    journal: [
      ...incidentJournal(newIncidentRef, drafts.journal),
      ...(args.followUpOf
        ? incidentJournal(args.followUpOf.id, [followUpNote(args.number, now)])
        : []),
    ],
    audit: incidentAudit(newIncidentRef, drafts.audit),
    notifications: incidentNotifications(newIncidentRef, told.notifications),
    outbox: mailFor(newIncidentRef, [...told.outbox, ...(args.acknowledgement ?? [])]),
    events: [
      partnerEvent(newIncidentRef, 'created', drafts.incident.createdById, null, drafts.incident, {
        partnerTeamId: organisation.partnerTeamId,
      }),
    ],
  });
}
