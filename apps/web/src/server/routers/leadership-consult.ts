// "Consult HD leadership" (kb 001, issue 14 item 8): whom to reach, and the consult journaled.
import { type TRPCRouterRecord } from '@trpc/server';
import { consultLeadershipEffects, consultLeadershipSchema } from '@handoff/domain';
import { commit, routingDataRepository } from '@handoff/db';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

export const leadershipConsultProcedures = {
  /** The HD leadership contacts administrators keep, in their order. */
  leadershipContacts: authorizedProcedure('incident.readInternal').query(async ({ ctx }) =>
    (await routingDataRepository.findLeadership(ctx.db)).map(({ id, name, contact }) => ({
      id,
      name,
      contact,
    })),
  ),

  /** Journals (internal) whom the agent could reach and the guidance they gave. */
  consultLeadership: authorizedProcedure('incident.addInternalNote')
    .input(consultLeadershipSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        consultLeadershipEffects({
          ...(await loadReadableIncident(read, ctx.actor, { number: input.incidentNumber })),
          actor: ctx.actor,
          contacts: await routingDataRepository.findLeadership(read),
          guidance: input.guidance,
          now: ctx.now(),
        }),
      );
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
