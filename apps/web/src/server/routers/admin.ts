import { type TRPCRouterRecord } from '@trpc/server';
import { asc } from 'drizzle-orm';
import { schema, teamRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const adminRouter = {
  overview: authorizedProcedure('admin.manage').query(({ ctx }) => ({
    teams: teamRepository.findAll(ctx.db),
    users: ctx.db
      .select({
        id: schema.users.id,
        name: schema.users.name,
        email: schema.users.email,
        role: schema.users.role,
      })
      .from(schema.users)
      .orderBy(asc(schema.users.name))
      .all(),
  })),
} satisfies TRPCRouterRecord;
