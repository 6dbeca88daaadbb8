import { type TRPCRouterRecord } from '@trpc/server';
import {
  oneStepEffects,
  oneStepInputSchemas,
  type OneStepInput,
  type OneStepName,
} from '@handoff/domain';
import { commit, consultRepository } from '@handoff/db';
import { oneStepMailFor } from '../mail/notify';
import { loadOneStepFor } from '../one-step-env';
import { authorizedProcedure } from '../trpc';

/**
 * One procedure per one-step, all the same thin shape: parse, authorize, load and decide inside
 * the commit (one domain call), return the new version.
 */
function oneStepProcedure<N extends OneStepName>(name: N) {
  // Authorize before parsing, so a role without the step hears FORBIDDEN whatever it sent.
  return authorizedProcedure(`onestep.${name}`)
    .input(oneStepInputSchemas[name])
    .mutation(async ({ ctx, input }) => {
      const typed = input as OneStepInput<N>;
      const committed = await commit(ctx.db, async (read) => {
        const env = await loadOneStepFor(read, ctx.actor, ctx.now(), typed);
        return await oneStepEffects(name, env, typed, {
          mail: (result) =>
            oneStepMailFor(read, { incident: env.incident, result, actor: ctx.actor }),
          openConsults: await consultRepository.findAllOpenByIncident(read, env.incident.id),
        });
      });
      const row = committed.row('incident', typed.incidentId);
      const { id, number, version, status, ownerTeamId } = row;
      return { id, number, version, status, ownerTeamId };
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
