import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { isComplete, tpCompleteness, tpScope } from '@handoff/domain';
import { portalRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const triageRouter = {
  /**
   * kb 004 step 2, the TP review queue: Primary TP portal cases oldest first, each with its
   * completeness check and whether its service is in the TP scope. `waiting` lists the cases
   * that wait for the customer's answer; they come back to `review` when the customer answers.
   */
  tpReview: authorizedProcedure('queue.tpReview')
    .input(
      z.object({
        state: z.enum(['review', 'waiting']).default('review'),
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await portalRepository.findTpReview(ctx.db, {
        state: input.state,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => {
          const checks = tpCompleteness(r, {
            name: r.serviceName,
            category: r.serviceCategory,
            subcategory: r.serviceSubcategory,
          });
          return { ...r, checks, complete: isComplete(checks), scope: tpScope(r) };
        }),
      };
    }),
} satisfies TRPCRouterRecord;
