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
  routingData: admin.query(({ ctx }) => ({
    departments: data.findDepartments(ctx.db),
    holidays: data.findHolidays(ctx.db),
    hours: Object.fromEntries(desks.map((d) => [d, data.findHours(ctx.db, d)])) as Record<
      (typeof desks)[number],
      ReturnType<typeof data.findHours>
    >,
    leadership: data.findLeadership(ctx.db),
  })),

  saveDepartment: admin.input(departmentSaveSchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, (read) =>
      saveDepartment(ctx.actor, input, data.findDepartments(read), ctx.now()),
    );
    return { saved: true };
  }),

  addHoliday: admin.input(holidaySchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, (read) =>
      addHoliday(ctx.actor, input, data.findHoliday(read, input.date), ctx.now()),
    );
    return { saved: true };
  }),

  removeHoliday: admin
    .input(holidaySchema.pick({ date: true }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, (read) =>
        removeHoliday(ctx.actor, input.date, data.findHoliday(read, input.date), ctx.now()),
      );
      return { saved: true };
    }),

  setOpeningHours: admin.input(hoursSaveSchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, (read) =>
      setOpeningHours(
        ctx.actor,
        input.desk,
        data.findHours(read, input.desk),
        input.week,
        ctx.now(),
      ),
    );
    return { saved: true };
  }),

  saveLeadershipContact: admin.input(leadershipSaveSchema).mutation(async ({ ctx, input }) => {
    await commit(ctx.db, (read) =>
      saveLeadershipContact(
        ctx.actor,
        input,
        data.findLeadershipContact(read, input.id),
        ctx.now(),
      ),
    );
    return { saved: true };
  }),

  removeLeadershipContact: admin
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, (read) =>
        removeLeadershipContact(
          ctx.actor,
          input.id,
          data.findLeadershipContact(read, input.id),
          ctx.now(),
        ),
      );
      return { saved: true };
    }),
} satisfies TRPCRouterRecord;
