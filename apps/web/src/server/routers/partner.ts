import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  addNoteSchema,
  can,
  canClaimTicket,
  offersClaim,
  canCommentOnTicket,
  canEscalateToTier2,
  canReturnToAgent,
  claimTicketSchema,
  decideClaim,
  decideComment,
  decideEscalate,
  decideReturn,
  decideSubmitTicket,
  DomainError,
  escalateToTier2Schema,
  formatWait,
  hopLabels,
  isDomainError,
  oneSteps,
  organisationOfRequester,
  partnerTicketSubmitSchema,
  phaseOf,
  returnToAgentSchema,
  roundTripsText,
  type Actor,
} from '@handoff/domain';
import {
  commit,
  customerRepository,
  loadPartnerEnv,
  organisationRepository,
  partnerRepository,
  type Db,
  idempotencyRepository,
} from '@handoff/db';
import { loadOneStepEnv } from '../one-step-env';
import { loadPartnerStep, loadSubmit } from '../partner-actions';
import { loadReadableIncident } from '../readable-incident';
import { idempotentRequest } from '../idempotency';
import { authorizedProcedure } from '../trpc';

const loadTicket = async (db: Db, actor: Actor, incidentId: number) =>
  (await loadReadableIncident(db, actor, { id: incidentId })).incident;

async function requesterCustomer(db: Db, actor: Actor) {
  const customer = actor.customerId
    ? await customerRepository.findById(db, actor.customerId)
    : undefined;
  if (!customer)
    throw new DomainError(
      'NOT_FOUND',
      'Your sign-in is not linked to a customer record; ask the help desk to link it.',
    );
  return customer;
}

/** Channel partners (kb 003): submit, claim, escalate to Tier 2, pull, return, comment. */
export const partnerRouter = {
  /** The requester's organisation and partner group, or why they cannot submit tickets. */
  myOrganisation: authorizedProcedure('partner.submit').query(async ({ ctx }) => {
    const customer = await requesterCustomer(ctx.db, ctx.actor);
    try {
      const placement = organisationOfRequester({
        customer,
        organisations: await organisationRepository.findAllDomains(ctx.db),
      });
      const org = await organisationRepository.findById(ctx.db, placement.organisationId);
      return {
        organisation: org ? { name: org.name, partnerTeamName: org.partnerTeamName } : null,
        refusal: null,
      };
    } catch (e) {
      if (isDomainError(e) && e.code === 'VALIDATION')
        return { organisation: null, refusal: e.message };
      throw e;
    }
  }),

  submit: authorizedProcedure('partner.submit')
    .input(partnerTicketSubmitSchema)
    .mutation(async ({ ctx, input }) => {
      const once = idempotentRequest(ctx.actor, 'partner.submit', input);
      const { incident } = await idempotencyRepository.commitOnce(
        ctx.db,
        once,
        ctx.now(),
        async (read) => {
          const customer = await requesterCustomer(read, ctx.actor);
          const facts = { actor: ctx.actor, customer, input, now: ctx.now() };
          return decideSubmitTicket(await loadSubmit(read, { ...facts, channel: 'portal' }));
        },
      );
      return { id: incident.id, number: incident.number };
    }),

  /** The partner panel of the incident page: null when the incident is not a channel-partner ticket. */
  forIncident: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const incident = await loadTicket(ctx.db, ctx.actor, input.incidentId);
      if (!(await partnerRepository.findTicket(ctx.db, incident.id))) return null;
      const env = await loadPartnerEnv(ctx.db, { incident, actor: ctx.actor, now: ctx.now() });
      const onTier2 = incident.ownerTeamId === env.tier2Team.id;
      const role = ctx.actor.role;
      return {
        version: incident.version,
        organisationName: env.ticket.organisationName,
        partnerTeamName: env.ticket.partnerTeamName,
        relationshipAgentName: env.ticket.relationshipAgent?.name ?? null,
        phase: phaseOf(incident, env.ticket, env.tier2Team.id),
        roundTrips: env.roundTrips,
        roundTripsText: roundTripsText(env.roundTrips),
        hops: (await partnerRepository.findHops(ctx.db, incident.id)).map((h) => ({
          ...h,
          label: hopLabels[h.kind],
          waited: formatWait(h.waitedSeconds),
        })),
        // `permitted` false: the role never has the action, so the button is hidden, not disabled.
        actions: {
          claim: {
            label: onTier2 ? 'Pull' : 'Claim',
            // Not offered to whom it can never be (a partner agent once Tier 2 has the ticket).
            permitted: can(role, 'partner.claim') && offersClaim(env),
            disabledReason: canClaimTicket(env),
          },
          escalate: {
            permitted: can(role, 'partner.escalate'),
            disabledReason: canEscalateToTier2(env),
          },
          return: { permitted: can(role, 'partner.return'), disabledReason: canReturnToAgent(env) },
          resolve: {
            permitted: can(role, 'onestep.resolve'),
            disabledReason: oneSteps.resolve.can(
              await loadOneStepEnv(ctx.db, { incident, actor: ctx.actor, now: env.now }),
            ),
          },
          publicComment: {
            permitted: can(role, 'partner.comment'),
            disabledReason: canCommentOnTicket(env, 'customer'),
          },
          privateComment: {
            permitted: can(role, 'partner.comment'),
            disabledReason: canCommentOnTicket(env, 'internal'),
          },
        },
      };
    }),

  /** First claim wins (kb 003 rule 4), for the partner group and, as the pull, for Tier 2. */
  claim: authorizedProcedure('partner.claim')
    .input(claimTicketSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        decideClaim(await loadPartnerStep(read, ctx.actor, input.incidentId, ctx.now())),
      );
      const row = committed.row('incident', input.incidentId);
      return {
        id: row.id,
        number: row.number,
        version: row.version,
        ownerAgentId: row.ownerAgentId,
      };
    }),

  escalate: authorizedProcedure('partner.escalate')
    .input(escalateToTier2Schema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        decideEscalate(await loadPartnerStep(read, ctx.actor, input.incidentId, ctx.now()), input),
      );
      const row = committed.row('incident', input.incidentId);
      return { id: row.id, version: row.version };
    }),

  return: authorizedProcedure('partner.return')
    .input(returnToAgentSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        decideReturn(await loadPartnerStep(read, ctx.actor, input.incidentId, ctx.now()), input),
      );
      const row = committed.row('incident', input.incidentId);
      return { id: row.id, version: row.version };
    }),

  /** A private or public comment; incident.addNote comes here too for partner tickets. */
  comment: authorizedProcedure('partner.comment')
    .input(addNoteSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        decideComment(await loadPartnerStep(read, ctx.actor, input.incidentId, ctx.now()), {
          ...input,
          via: 'web',
        }),
      );
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
