// Logins an administrator keeps (issue 13 item 9) and the admin audit log.
import { randomBytes } from 'node:crypto';
import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  deactivateUser,
  reactivateUser,
  resetPassword,
  userAdminInputSchema,
} from '@handoff/domain';
import { adminAuditRepository, commit, hashPassword } from '@handoff/db';
import { adminWithWords } from '../audit-names';
import { authorizedProcedure } from '../trpc';

/** A one-time password the administrator reads to the user: 18 random URL-safe characters. */
const oneTimePassword = () => randomBytes(14).toString('base64url').slice(0, 18);

export const adminUserProcedures = {
  /** Ends the login: it cannot sign in and every session of it ends at its next request. */
  deactivateUser: authorizedProcedure('admin.manage')
    .input(userAdminInputSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        deactivateUser(
          ctx.actor,
          await adminAuditRepository.findTarget(read, input.userId),
          input.userId,
          ctx.now(),
        ),
      );
      return { userId: input.userId, active: false };
    }),

  reactivateUser: authorizedProcedure('admin.manage')
    .input(userAdminInputSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        reactivateUser(
          ctx.actor,
          await adminAuditRepository.findTarget(read, input.userId),
          input.userId,
          ctx.now(),
        ),
      );
      return { userId: input.userId, active: true };
    }),

  /** A new one-time password, shown once to the administrator; the user's sessions end. */
  resetPassword: authorizedProcedure('admin.manage')
    .input(userAdminInputSchema)
    .mutation(async ({ ctx, input }) => {
      const password = oneTimePassword();
      const passwordHash = await hashPassword(password);
      await commit(ctx.db, async (read) =>
        resetPassword(
          ctx.actor,
          await adminAuditRepository.findTarget(read, input.userId),
          input.userId,
          passwordHash,
          ctx.now(),
        ),
      );
      return { userId: input.userId, password };
    }),

  /** The admin audit log, newest first, 25 a page; `cursor` = the last id shown. */
  auditLog: authorizedProcedure('admin.manage')
    .input(z.object({ cursor: z.number().int().positive().optional() }))
    .query(async ({ ctx, input }) => {
      const page = await adminAuditRepository.page(ctx.db, { cursor: input.cursor });
      return { ...page, items: await adminWithWords(ctx.db, page.items) };
    }),
} satisfies TRPCRouterRecord;
