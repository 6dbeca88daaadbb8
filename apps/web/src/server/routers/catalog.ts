import { type TRPCRouterRecord } from '@trpc/server';
import { catalogRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const catalogRouter = {
  services: authorizedProcedure('catalog.read').query(({ ctx }) => catalogRepository.findAllServices(ctx.db)),
} satisfies TRPCRouterRecord;
