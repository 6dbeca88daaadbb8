import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { customerRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const customerRouter = {
  /** Typeahead by name, NetID or e-mail, with the routing flags shown as badges. */
  search: authorizedProcedure('customer.search')
    .input(z.object({ text: z.string().trim().max(100) }))
    .query(async ({ ctx, input }) =>
      input.text.length < 2 ? [] : await customerRepository.search(ctx.db, input.text),
    ),
} satisfies TRPCRouterRecord;
