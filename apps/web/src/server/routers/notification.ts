import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { notificationRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

/** In-app notifications: the agent's own (with read state) and their teams'. */
export const notificationRouter = {
  mine: authorizedProcedure('notification.read').query(({ ctx }) => ({
    items: notificationRepository.findForUser(ctx.db, {
      userId: ctx.actor.id,
      teamIds: ctx.actor.teamIds,
      limit: 100,
    }),
    unread: notificationRepository.countUnread(ctx.db, ctx.actor.id),
  })),

  unreadCount: authorizedProcedure('notification.read').query(({ ctx }) =>
    notificationRepository.countUnread(ctx.db, ctx.actor.id),
  ),

  markRead: authorizedProcedure('notification.read')
    .input(z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }))
    .mutation(({ ctx, input }) => ({
      marked: notificationRepository.markRead(ctx.db, {
        userId: ctx.actor.id,
        ids: input.ids,
        now: ctx.now(),
      }),
    })),
} satisfies TRPCRouterRecord;
