import { type TRPCRouterRecord } from '@trpc/server';
import {
  assertCanReadIncident,
  DomainError,
  oneStepInputSchemas,
  oneSteps,
  type OneStepInput,
  type OneStepName,
} from '@handoff/domain';
import { consultRepository, incidentRepository, outboxRepository } from '@handoff/db';
import { oneStepMailFor } from '../mail/notify';
import { loadOneStepEnv } from '../one-step-env';
import { authorizedProcedure } from '../trpc';

const handsOn = new Set<OneStepName>(['assign_to_cps', 'transfer_to_cps', 'send_to_hd_es', 'assign_to_east', 'escalate_to_team']);

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
    const incident = incidentRepository.findById(ctx.db, typed.incidentId);
    if (!incident) throw new DomainError('NOT_FOUND', `No incident #${typed.incidentId} that you can see.`);
    assertCanReadIncident(ctx.actor, incident);
    const now = ctx.now();
    const env = loadOneStepEnv(ctx.db, {
      incident,
      actor: ctx.actor,
      now,
      agentId: 'cpsAgentId' in typed ? typed.cpsAgentId : undefined,
      oncallContactId: 'contactId' in typed ? typed.contactId : undefined,
    });
    const result = oneSteps[name].run(env, typed);
    const mail = oneStepMailFor(ctx.db, { incident, result, actor: ctx.actor });
    const row = incidentRepository.update(ctx.db, {
      id: incident.id,
      expectedVersion: typed.expectedVersion,
      ...result,
      also: (tx) => {
        // Handing the incident on ends any chat consult still waiting for an agent.
        if (handsOn.has(name)) consultRepository.expireOpenForIncident(tx, incident.id);
        outboxRepository.enqueue(tx, mail, now);
      },
    });
    return { id: row.id, number: row.number, version: row.version, status: row.status, ownerTeamId: row.ownerTeamId };
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
  resolve: oneStepProcedure('resolve'),
  close: oneStepProcedure('close'),
  reopen: oneStepProcedure('reopen'),
} satisfies TRPCRouterRecord;
