import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  availableOneSteps,
  contactFactsFor,
  DomainError,
  oneStepForOutcome,
  routeContact,
  routingAnswersSchema,
  routingQuestionPrompts,
} from '@handoff/domain';
import { loadOneStepEnv, loadRoutingContext } from '../one-step-env';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

export const routingRouter = {
  /**
   * The Route panel: runs the policy on everything known about the incident plus the agent's
   * answers so far, and says which one-steps are open to this agent (and why not, when not).
   */
  decide: authorizedProcedure('incident.readInternal')
    .input(
      z.object({
        incidentId: z.number().int().positive(),
        answers: routingAnswersSchema.default({}),
      }),
    )
    .query(({ ctx, input }) => {
      const { incident } = loadReadableIncident(ctx.db, ctx.actor, { id: input.incidentId });
      const now = ctx.now();
      const { customer, service, cpsReady } = loadRoutingContext(ctx.db, incident);
      if (!service)
        throw new DomainError('NOT_FOUND', 'The incident’s service is missing from the catalog.');
      const env = loadOneStepEnv(ctx.db, { incident, actor: ctx.actor, now });
      const facts = contactFactsFor({
        at: now,
        channel: incident.channel,
        service,
        customer: customer
          ? {
              coned: customer.coned,
              program: customer.program,
              primaryTechPartner: customer.primaryTechPartner,
              contractDepartment: customer.contractDepartment,
            }
          : null,
        computerName: incident.computerName,
        cpsAgentsReady: cpsReady.length,
        // Linked to a problem of an open (planned or active) outage: rule 1 decides (kb 001, 002).
        outage: env.underOpenOutage,
        answers: input.answers,
      });
      const decision = routeContact(facts);
      return {
        at: now,
        decision,
        questionPrompt: decision.question ? routingQuestionPrompts[decision.question] : null,
        recommended: oneStepForOutcome(decision.outcome),
        cpsReady,
        oneSteps: availableOneSteps(env),
      };
    }),
} satisfies TRPCRouterRecord;
