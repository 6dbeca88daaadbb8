import { type TRPCRouterRecord } from '@trpc/server';
import { clearLockout } from '@handoff/domain';
import { commit, signInThrottleRepository, teamRepository, userRepository } from '@handoff/db';
import { z } from 'zod';
import { createSignInThrottle } from '../sign-in-throttle';
import { authorizedProcedure } from '../trpc';
import { adminRoutingDataProcedures } from './admin-routing-data';
import { adminUserProcedures } from './admin-users';

export const adminRouter = {
  ...adminUserProcedures,
  ...adminRoutingDataProcedures,
  overview: authorizedProcedure('admin.manage').query(async ({ ctx }) => ({
    teams: await teamRepository.findAll(ctx.db),
    users: await userRepository.findAllByName(ctx.db),
  })),

  /** Accounts and client addresses locked out of sign-in now (issue 13 item 5). */
  lockouts: authorizedProcedure('signin.manageLockouts').query(({ ctx }) =>
    createSignInThrottle(ctx.db).lockouts(Date.parse(ctx.now())),
  ),

  /** Lets a locked-out account or address try again at once (e.g. after the person calls the desk). */
  clearLockout: authorizedProcedure('signin.manageLockouts')
    .input(z.object({ kind: z.enum(['account', 'client']), id: z.string().trim().min(1).max(320) }))
    .mutation(async ({ ctx, input }) => {
      let cleared = false;
      await commit(ctx.db, async (read) => {
        const stored = await signInThrottleRepository.findCounter(read, input.kind, input.id);
        const decision = clearLockout(ctx.actor, stored, Date.parse(ctx.now()));
        cleared = decision.cleared;
        return decision.effects;
      });
      return { cleared };
    }),
} satisfies TRPCRouterRecord;
