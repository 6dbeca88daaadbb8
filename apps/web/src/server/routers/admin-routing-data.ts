// The routing data administrators keep on /admin (issue 14 items 7, 8), each change audited.
import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  addHoliday,
  departmentSaveSchema,
  desks,
  holidaySchema,
  hoursSaveSchema,
  leadershipSaveSchema,
  removeHoliday,
  removeLeadershipContact,
  saveDepartment,
  saveLeadershipContact,
  setOpeningHours,
} from '@handoff/domain';
import { commit, routingDataRepository as data } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

const admin = authorizedProcedure('admin.manage');

export const adminRoutingDataProcedures = {
  routingData: admin.query(async ({ ctx }) => ({
    departments: await data.findDepartments(ctx.db),
    holidays: await data.findHolidays(ctx.db),
    hours: Object.fromEntries(
      await Promise.all(desks.map(async (d) => [d, await data.findHours(ctx.db, d)] as const)),
    ) as Record<(typeof desks)[number], Awaited<ReturnType<typeof data.findHours>>>,
    leadership: await data.findLeadership(ctx.db),
  })),

  saveDepartment: admin.input(departmentSaveSchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, async (read) =>
      saveDepartment(ctx.actor, input, await data.findDepartments(read), ctx.now()),
    );
    return { saved: true };
  }),

  addHoliday: admin.input(holidaySchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, async (read) =>
      addHoliday(ctx.actor, input, await data.findHoliday(read, input.date), ctx.now()),
    );
    return { saved: true };
  }),

  removeHoliday: admin
    .input(holidaySchema.pick({ date: true }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        removeHoliday(ctx.actor, input.date, await data.findHoliday(read, input.date), ctx.now()),
      );
      return { saved: true };
    }),

  setOpeningHours: admin.input(hoursSaveSchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, async (read) =>
      setOpeningHours(
        ctx.actor,
        input.desk,
        await data.findHours(read, input.desk),
        input.week,
        ctx.now(),
      ),
    );
    return { saved: true };
  }),

  saveLeadershipContact: admin.input(leadershipSaveSchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, async (read) =>
      saveLeadershipContact(
        ctx.actor,
        input,
        await data.findLeadershipContact(read, input.id),
        ctx.now(),
      ),
    );
    return { saved: true };
  }),

  removeLeadershipContact: admin
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        removeLeadershipContact(
          ctx.actor,
          input.id,
          await data.findLeadershipContact(read, input.id),
          ctx.now(),
        ),
      );
      return { saved: true };
    }),
} satisfies TRPCRouterRecord;
