import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { markedCount, markNotificationsRead } from '@handoff/domain';
import { commit, notificationRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

/** In-app notifications: the agent's own (with read state) and their teams'. */
export const notificationRouter = {
  mine: authorizedProcedure('notification.read').query(async ({ ctx }) => ({
    items: await notificationRepository.findForUser(ctx.db, {
      userId: ctx.actor.id,
      teamIds: ctx.actor.teamIds,
      limit: 100,
    }),
    unread: await notificationRepository.countUnread(ctx.db, ctx.actor.id),
  })),

  unreadCount: authorizedProcedure('notification.read').query(({ ctx }) =>
    notificationRepository.countUnread(ctx.db, ctx.actor.id),
  ),

  /** Marks the reader's own notifications read (the given ones, or all); their other tabs hear of it. */
  markRead: authorizedProcedure('notification.read')
    .input(z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      let marked = 0;
      await commit(ctx.db, async (read) => {
        const unread = await notificationRepository.findUnread(read, {
          userId: ctx.actor.id,
          ...input,
        });
        const decided = markNotificationsRead(ctx.actor, unread, ctx.now());
        marked = markedCount(decided);
        return decided;
      });
      return { marked };
    }),
} satisfies TRPCRouterRecord;
