import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  availableOneSteps,
  isRoutingOverride,
  journaledDecision,
  oneStepForOutcome,
  recordRoutingAnswers,
  routeContact,
  routedOneSteps,
  routingAnswersSchema,
  routingQuestionPrompt,
  teamNames,
  type RoutingDecision,
} from '@handoff/domain';
import { commit, incidentRepository, routingAnswersRepository } from '@handoff/db';
import { loadContactFacts, loadOneStepEnv, loadRoutingContext } from '../one-step-env';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';
import { leadershipConsultProcedures } from './leadership-consult';

const incidentId = z.number().int().positive();

export const routingRouter = {
  ...leadershipConsultProcedures,
  /**
   * The Route panel: runs the policy on everything known about the incident plus the answers
   * recorded so far (the same facts a routed one-step runs on), and says which one-steps are open
   * to this agent (and why not, when not). Once a routed step has handed the incident on, it shows
   * the decision that step journaled, so the promise read out is the one stored.
   */
  decide: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId }))
    .query(async ({ ctx, input }) => {
      const { incident } = await loadReadableIncident(ctx.db, ctx.actor, { id: input.incidentId });
      const now = ctx.now();
      const { cpsReady } = await loadRoutingContext(ctx.db, incident);
      const env = await loadOneStepEnv(ctx.db, { incident, actor: ctx.actor, now });
      const answers = await routingAnswersRepository.find(ctx.db, incident.id);
      const handedOn = incident.ownerTeamId !== env.teams[teamNames.helpDesk];
      const journaled = handedOn
        ? (await incidentRepository.findJournal(ctx.db, incident.id))
            .map(journaledDecision)
            .find((d) => d !== null)
        : undefined;
      const decision: RoutingDecision = journaled
        ? { ...journaled, requiredFields: [] }
        : routeContact(
            env.contactFacts ?? (await loadContactFacts(ctx.db, incident, now, answers)),
            env.routing ?? { departments: [] },
          );
      return {
        at: now,
        decision,
        /** True when the panel shows the decision a step already acted on (nothing left to route). */
        settled: journaled !== undefined,
        answers,
        questionPrompt: decision.question
          ? routingQuestionPrompt(decision.question, incident.channel)
          : null,
        recommended: journaled ? null : oneStepForOutcome(decision.outcome),
        /** The routed steps that need an override reason now (the step checks the same rule). */
        overrides: handedOn
          ? []
          : routedOneSteps.filter((name) => isRoutingOverride(decision.outcome, name)),
        cpsReady,
        oneSteps: availableOneSteps(env),
      };
    }),

  /** Records the agent's answers with the incident (replacing the previous set; `{}` starts over). */
  answer: authorizedProcedure('routing.answer')
    .input(z.object({ incidentId, answers: routingAnswersSchema }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) => {
        const { incident } = await loadReadableIncident(read, ctx.actor, { id: input.incidentId });
        const { answers } = input;
        return recordRoutingAnswers({ incident, answers, actorId: ctx.actor.id, now: ctx.now() });
      });
      return input.answers;
    }),
} satisfies TRPCRouterRecord;
