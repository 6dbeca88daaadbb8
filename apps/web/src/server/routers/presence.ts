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
      const now = ctx.now();
      await commit(ctx.db, setPresenceEffects({ actor: ctx.actor, presence: input.presence, now }));
      return { presence: input.presence };
    }),

  mine: protectedProcedure.query(async ({ ctx }) => ({
    presence: (await userRepository.findById(ctx.db, ctx.actor.id))?.presence ?? 'not_ready',
  })),

  /** How many CPS agents are ready now, and who (L1's console polls this). */
  cps: authorizedProcedure('presence.read').query(async ({ ctx }) => {
    const agents = await presenceRepository.findByTeamName(ctx.db, teamNames.cps);
    return { ready: agents.filter((a) => a.presence === 'ready'), agents };
  }),
} satisfies TRPCRouterRecord;
