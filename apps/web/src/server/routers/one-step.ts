import { type TRPCRouterRecord } from '@trpc/server';
import {
  forwardingOneSteps,
  oneStepInputSchemas,
  oneSteps,
  type OneStepInput,
  type OneStepName,
} from '@handoff/domain';
import {
  consultRepository,
  incidentRepository,
  outboxRepository,
  routingAnswersRepository,
} from '@handoff/db';
import { oneStepMailFor } from '../mail/notify';
import { loadOneStepEnv } from '../one-step-env';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

// Every step that hands the incident to another team (escalate_to_technologists included).
// Handing the incident on, or resolving it, ends the chat consult still waiting for an agent.
const endsConsult = new Set<OneStepName>([...forwardingOneSteps, 'resolve']);

/**
 * One procedure per one-step, all the same thin shape: parse, authorize, load, let the domain
 * compute every change, save them in one transaction, return the new version.
 */
function oneStepProcedure<N extends OneStepName>(name: N) {
  // Authorize before parsing, so a role without the step hears FORBIDDEN whatever it sent.
  return authorizedProcedure(`onestep.${name}`)
    .input(oneStepInputSchemas[name])
    .mutation(({ ctx, input }) => {
      const typed = input as OneStepInput<N>;
      const { incident } = loadReadableIncident(ctx.db, ctx.actor, { id: typed.incidentId });
      const now = ctx.now();
      const env = loadOneStepEnv(ctx.db, {
        incident,
        actor: ctx.actor,
        now,
        agentId: 'cpsAgentId' in typed ? typed.cpsAgentId : undefined,
        oncallContactId: 'contactId' in typed ? typed.contactId : undefined,
        problemId: 'problemId' in typed ? typed.problemId : undefined,
      });
      const result = oneSteps[name].run(env, typed);
      const mail = oneStepMailFor(ctx.db, { incident, result, actor: ctx.actor });
      const row = incidentRepository.update(ctx.db, {
        id: incident.id,
        expectedVersion: typed.expectedVersion,
        ...result,
        also: (tx) => {
          if (endsConsult.has(name) || result.endsConsult)
            consultRepository.expireOpenForIncident(tx, incident.id);
          // The recorded answers served this step (issue 14.11); the next contact starts afresh.
          routingAnswersRepository.clear(tx, incident.id);
          outboxRepository.enqueue(tx, mail, now);
        },
      });
      return {
        id: row.id,
        number: row.number,
        version: row.version,
        status: row.status,
        ownerTeamId: row.ownerTeamId,
      };
    });
}

export const oneStepRouter = {
  assignToCps: oneStepProcedure('assign_to_cps'),
  transferToCps: oneStepProcedure('transfer_to_cps'),
  assignToEast: oneStepProcedure('assign_to_east'),
  pageOncall: oneStepProcedure('page_oncall'),
  sendToHdEs: oneStepProcedure('send_to_hd_es'),
  escalateToTechnologists: oneStepProcedure('escalate_to_technologists'),
  escalateToTeam: oneStepProcedure('escalate_to_team'),
  takeOwnership: oneStepProcedure('take_ownership'),
  linkToProblem: oneStepProcedure('link_to_problem'),
  resolve: oneStepProcedure('resolve'),
  close: oneStepProcedure('close'),
  reopen: oneStepProcedure('reopen'),
  requestMoreInformation: oneStepProcedure('request_more_information'),
  markMissionCritical: oneStepProcedure('mark_mission_critical'),
  handleNormally: oneStepProcedure('handle_normally'),
} satisfies TRPCRouterRecord;
