import { initTRPC, TRPCError } from '@trpc/server';
import { type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z, ZodError } from 'zod';
import {
  assertCan,
  DomainError,
  type Action,
  type Actor,
  type DomainErrorCode,
  type KnownOutageSource,
} from '@handoff/domain';
import { type Db } from '@handoff/db';

export interface Context {
  db: Db;
  /** Null when nobody is signed in. */
  actor: Actor | null;
  now: () => string;
  /** Where Help Online reads outages from; absent = the default (see known-outages.ts). */
  knownOutages?: KnownOutageSource;
}

const toTrpcCode: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_TRANSITION: 'PRECONDITION_FAILED',
  VALIDATION: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
};

const t = initTRPC.context<Context>().create({
  // Live subscriptions (issue 17): a ping keeps proxies from closing an idle stream and lets the
  // client notice a dead one and reconnect (resuming after the last event id it saw).
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      message: cause instanceof ZodError ? 'Some fields need attention.' : shape.message,
      data: {
        ...shape.data,
        domainCode: cause instanceof DomainError ? cause.code : null,
        // Field messages from the same zod schema the form uses, so the server's refusal lands at the field.
        fieldErrors:
          cause instanceof ZodError
            ? z.flattenError(cause).fieldErrors
            : cause instanceof DomainError
              ? (cause.fields ?? null)
              : null,
      },
    };
  },
});

/** Domain errors become typed tRPC errors in this one place. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: toTrpcCode[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** A procedure allowed only to the roles the permission table gives `action`. */
export const authorizedProcedure = (action: Action) =>
  protectedProcedure.use(({ ctx, next }) => {
    assertCan(ctx.actor, action);
    return next();
  });
