import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  canResolveOutage,
  canStartOutage,
  canUpdateOutage,
  changeOutageStatusSchema,
  declareOutageEffects,
  newOutageRef,
  declareOutageSchema,
  DomainError,
  outageBoard,
  recentlyResolvedDays,
  resolveOutageEffects,
  startOutageEndingConsultsEffects,
  updateOutageEffects,
  updateOutageSchema,
  type Actor,
  type DeclareOutageInput,
  type Effects,
  type Outage,
} from '@handoff/domain';
import {
  catalogRepository,
  commit,
  consultRepository,
  outageRepository,
  teamRepository,
  type Db,
} from '@handoff/db';
import { authorizedProcedure, publicProcedure } from '../trpc';

/** Planned, active and recently resolved outages as the outages page and `/status` list them. */
export async function loadBoard(db: Db, now: string) {
  const resolvedSince = new Date(Date.parse(now) - recentlyResolvedDays * 86_400_000).toISOString();
  return outageBoard(await outageRepository.listBoard(db, { resolvedSince }), now);
}

/** The public view: no owner, no authors, nothing internal (the status page needs no sign-in). */
export async function publicBoard(db: Db, now: string) {
  const board = await loadBoard(db, now);
  const strip = (o: (typeof board.active)[number]) => ({
    number: o.number,
    title: o.title,
    kind: o.kind,
    status: o.status,
    publicSummary: o.publicSummary,
    startAt: o.startAt,
    expectedEndAt: o.expectedEndAt,
    endAt: o.endAt,
    services: o.services.map((s) => s.name),
    updates: o.updates.map(({ id, kind, body, createdAt }) => ({ id, kind, body, createdAt })),
  });
  return {
    active: board.active.map(strip),
    planned: board.planned.map(strip),
    recentlyResolved: board.recentlyResolved.map(strip),
  };
}

async function load(db: Db, id: number): Promise<Outage> {
  const outage = await outageRepository.findById(db, id);
  if (!outage) throw new DomainError('NOT_FOUND', `No outage #${id}.`);
  return outage;
}

/** What declaring an outage consults: the SNCC teams, which chosen services exist, its reserved number. */
async function loadDeclaration(read: Db, actor: Actor, input: DeclareOutageInput, now: string) {
  return {
    input,
    actor,
    now,
    teams: Object.fromEntries((await teamRepository.findAll(read)).map((t) => [t.name, t.id])),
    number: await outageRepository.reserveNumber(read),
    catalogServiceIds: (
      await Promise.all(
        input.serviceIds.map(async (id) =>
          (await catalogRepository.findServiceById(read, id)) ? id : null,
        ),
      )
    ).filter((id) => id !== null),
  };
}

/** One SNCC change (update, start, resolve): load and decide inside the commit, at the version seen. */
async function change(
  db: Db,
  ctx: { actor: Actor; now: string },
  outageId: number,
  decide: (
    c: { outage: Outage; actor: Actor; now: string },
    read: Db,
  ) => Effects | Promise<Effects>,
) {
  const committed = await commit(
    db,
    async (read) => await decide({ ...ctx, outage: await load(read, outageId) }, read),
  );
  const row = committed.row('outage', outageId);
  return { id: row.id, number: row.number, status: row.status, version: row.version };
}

export const outageRouter = {
  /** The outages page: each outage with the reasons SNCC's buttons are disabled. */
  board: authorizedProcedure('outage.read').query(async ({ ctx }) => {
    const board = await loadBoard(ctx.db, ctx.now());
    const withGuards = (list: typeof board.active) =>
      list.map((o) => ({
        ...o,
        can: {
          update: canUpdateOutage({ outage: o, actor: ctx.actor }),
          start: canStartOutage({ outage: o, actor: ctx.actor }),
          resolve: canResolveOutage({ outage: o, actor: ctx.actor }),
        },
      }));
    return {
      active: withGuards(board.active),
      planned: withGuards(board.planned),
      recentlyResolved: withGuards(board.recentlyResolved),
    };
  }),

  /** `/status`: needs no sign-in and shows only what the public may read. */
  publicStatus: publicProcedure.query(({ ctx }) => publicBoard(ctx.db, ctx.now())),

  /** Active and planned outages of a service ("is this already known?"): public fields only, like `/status`. */
  forService: publicProcedure
    .input(z.object({ serviceId: z.number().int().positive() }))
    .query(({ ctx, input }) => outageRepository.findByService(ctx.db, input.serviceId)),

  /** The SNCC teams an outage may be owned by (the declare form). */
  ownerTeams: authorizedProcedure('outage.declare').query(async ({ ctx }) =>
    (await teamRepository.findAll(ctx.db)).filter(
      (t) => t.name === 'SNCC-Sysops' || t.name === 'SNCC-Network',
    ),
  ),

  declare: authorizedProcedure('outage.declare')
    .input(declareOutageSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        declareOutageEffects(await loadDeclaration(read, ctx.actor, input, ctx.now())),
      );
      const row = committed.row('outage', newOutageRef);
      return { id: row.id, number: row.number, status: row.status, version: row.version };
    }),

  update: authorizedProcedure('outage.manage')
    .input(updateOutageSchema)
    .mutation(({ ctx, input }) =>
      change(ctx.db, { actor: ctx.actor, now: ctx.now() }, input.outageId, (c) =>
        updateOutageEffects(c, input),
      ),
    ),

  start: authorizedProcedure('outage.manage')
    .input(changeOutageStatusSchema)
    .mutation(({ ctx, input }) =>
      change(ctx.db, { actor: ctx.actor, now: ctx.now() }, input.outageId, async (c, read) =>
        startOutageEndingConsultsEffects(
          { ...c, openConsults: await consultRepository.findOpenUnderOutage(read, input.outageId) },
          input,
        ),
      ),
    ),

  resolve: authorizedProcedure('outage.manage')
    .input(changeOutageStatusSchema)
    .mutation(({ ctx, input }) =>
      change(ctx.db, { actor: ctx.actor, now: ctx.now() }, input.outageId, (c) =>
        resolveOutageEffects(c, input),
      ),
    ),
} satisfies TRPCRouterRecord;
