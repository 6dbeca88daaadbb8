import { type TRPCRouterRecord } from '@trpc/server';
import { catalogRepository, teamRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const catalogRouter = {
  services: authorizedProcedure('catalog.read').query(({ ctx }) =>
    catalogRepository.findAllServices(ctx.db),
  ),
  /** Every team, for pickers such as Escalate to team. */
  teams: authorizedProcedure('team.list').query(({ ctx }) => teamRepository.findAll(ctx.db)),
} satisfies TRPCRouterRecord;
