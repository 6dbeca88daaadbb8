import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { DomainError, oncallSchedules } from '@handoff/domain';
import { oncallRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

const contactSchema = z.object({
  schedule: z.enum(oncallSchedules, { error: 'Choose the AIMS or GDS schedule' }),
  name: z.string().trim().min(1, 'Give the technician’s name').max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{7,20}$/, 'Enter a phone number such as 608-555-0100'),
  position: z.number().int().min(0).max(99).default(0),
});

/** The AIMS and GDS on-call contacts: read by agents who page, edited by admins (kb 001). */
export const oncallRouter = {
  list: authorizedProcedure('oncall.read').query(({ ctx }) => oncallRepository.findAll(ctx.db)),
  create: authorizedProcedure('oncall.manage')
    .input(contactSchema)
    .mutation(({ ctx, input }) => oncallRepository.create(ctx.db, input)),
  update: authorizedProcedure('oncall.manage')
    .input(contactSchema.extend({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => {
      const { id, ...values } = input;
      const row = oncallRepository.update(ctx.db, id, values);
      if (!row) throw new DomainError('NOT_FOUND', 'That on-call contact no longer exists.');
      return row;
    }),
  remove: authorizedProcedure('oncall.manage')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => {
      const row = oncallRepository.remove(ctx.db, input.id);
      if (!row) throw new DomainError('NOT_FOUND', 'That on-call contact no longer exists.');
      return { id: row.id };
    }),
} satisfies TRPCRouterRecord;
