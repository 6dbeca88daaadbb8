import { type TRPCRouterRecord } from '@trpc/server';
import { can, homePathFor, permissionTable, roleLabels, type Action } from '@handoff/domain';
import { teamRepository } from '@handoff/db';
import { protectedProcedure } from '../trpc';

export const meRouter = {
  /** Who I am, my teams, my home page and what I may do: drives navigation and disabled buttons. */
  get: protectedProcedure.query(async ({ ctx }) => ({
    ...ctx.actor,
    roleLabel: roleLabels[ctx.actor.role],
    homePath: homePathFor(ctx.actor.role),
    teams: await teamRepository.findByIds(ctx.db, ctx.actor.teamIds),
    allowed: (Object.keys(permissionTable) as Action[]).filter((a) => can(ctx.actor.role, a)),
  })),
} satisfies TRPCRouterRecord;
