import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { setPresenceEffects, teamNames } from '@handoff/domain';
import { commit, presenceRepository, userRepository } from '@handoff/db';
import { authorizedProcedure, protectedProcedure } from '../trpc';

export const presenceRouter = {
  /** CPS and ES agents set themselves Ready / Not ready / Busy from the header. */
  set: authorizedProcedure('presence.set')
    .input(z.object({ presence: z.enum(['ready', 'not_ready', 'busy']) }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, setPresenceEffects(ctx.actor, input.presence, ctx.now()));
      return { presence: input.presence };
    }),

  mine: protectedProcedure.query(({ ctx }) => ({
    presence: userRepository.findById(ctx.db, ctx.actor.id)?.presence ?? 'not_ready',
  })),

  /** How many CPS agents are ready now, and who (L1's console polls this). */
  cps: authorizedProcedure('presence.read').query(({ ctx }) => {
    const agents = presenceRepository.findByTeamName(ctx.db, teamNames.cps);
    return { ready: agents.filter((a) => a.presence === 'ready'), agents };
  }),
} satisfies TRPCRouterRecord;
