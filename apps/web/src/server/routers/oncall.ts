import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  createOncallContactEffects,
  newOncallContactRef,
  oncallSchedules,
  removeOncallContactEffects,
  updateOncallContactEffects,
} from '@handoff/domain';
import { commit, oncallRepository } from '@handoff/db';
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
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(
        ctx.db,
        createOncallContactEffects(input, ctx.actor.id, ctx.now()),
      );
      return committed.row('oncallContact', newOncallContactRef);
    }),
  update: authorizedProcedure('oncall.manage')
    .input(contactSchema.extend({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const { id, ...values } = input;
      const committed = await commit(ctx.db, async (read) =>
        updateOncallContactEffects(
          await oncallRepository.findById(read, id),
          values,
          ctx.actor.id,
          ctx.now(),
        ),
      );
      return committed.row('oncallContact', id);
    }),
  remove: authorizedProcedure('oncall.manage')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        removeOncallContactEffects(
          await oncallRepository.findById(read, input.id),
          ctx.actor.id,
          ctx.now(),
        ),
      );
      return { id: input.id };
    }),
} satisfies TRPCRouterRecord;
