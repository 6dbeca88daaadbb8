import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { DomainError, incidentListBound, incidentStatusSchema } from '@handoff/domain';
import { incidentRepository, teamRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const queueRouter = {
  /** The teams whose queues this user may open: their own (admins see all). */
  teams: authorizedProcedure('queue.read').query(({ ctx }) =>
    ctx.actor.role === 'admin'
      ? teamRepository.findAll(ctx.db)
      : teamRepository.findByIds(ctx.db, ctx.actor.teamIds),
  ),

  list: authorizedProcedure('queue.read')
    .input(
      z.object({
        teamId: z.number().int().positive(),
        status: incidentStatusSchema.optional(),
        serviceId: z.number().int().positive().optional(),
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => {
      if (ctx.actor.role !== 'admin' && !ctx.actor.teamIds.includes(input.teamId)) {
        throw new DomainError(
          'FORBIDDEN',
          'You are not a member of that team, so its queue is not yours to open.',
        );
      }
      return incidentRepository.list(ctx.db, {
        // A partner agent's queue holds only their groups' tickets, even in a team they were added to by mistake.
        ...incidentListBound(ctx.actor),
        ownerTeamIds: [input.teamId],
        statuses: input.status ? [input.status] : undefined,
        serviceId: input.serviceId,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
    }),
} satisfies TRPCRouterRecord;
