// The team lead's dashboard (issue 18): HDQA, administrators and team leads.
import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { canReadReports, dashboardOf, DomainError } from '@handoff/domain';
import { reportRepository, reportTotalsRepository, slaRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

const rangeSchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    teamId: z.number().int().positive().optional(),
  })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), {
    message: 'The range ends after it starts',
    path: ['to'],
  })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
    message: 'At most a year at a time',
    path: ['from'],
  });

export const reportsRouter = {
  dashboard: authorizedProcedure('reports.read')
    .input(rangeSchema)
    .query(async ({ ctx, input }) => {
      if (!canReadReports(ctx.actor, await slaRepository.teamsLedBy(ctx.db, ctx.actor.id)))
        throw new DomainError('FORBIDDEN', 'Reports are for team leads, HDQA and administrators.');
      // From the rollups (issue 18 at a million incidents); the scan stays the tests' oracle.
      return dashboardOf(
        await reportTotalsRepository.loadTotals(ctx.db, input, ctx.now()),
        await reportRepository.names(ctx.db),
      );
    }),
} satisfies TRPCRouterRecord;
