import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  assignMemberSchema,
  assignToMember,
  DomainError,
  incidentListBound,
  incidentStatusSchema,
  promiseMarker,
  queueGridInputSchema,
  queueStatuses,
  queueViewSettingsSchema,
  saveQueueViewSchema,
  deleteQueueView,
  newQueueViewRef,
  saveQueueView,
  type Actor,
} from '@handoff/domain';
import {
  commit,
  incidentRepository,
  queueGridRepository,
  teamRepository,
  userRepository,
} from '@handoff/db';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

export const queueRouter = {
  /** The teams whose queues this user may open: their own (admins see all). */
  teams: authorizedProcedure('queue.read').query(async ({ ctx }) =>
    ctx.actor.role === 'admin'
      ? await teamRepository.findAll(ctx.db)
      : await teamRepository.findByIds(ctx.db, ctx.actor.teamIds),
  ),

  list: authorizedProcedure('queue.read')
    .input(
      z.object({
        teamId: z.number().int().positive(),
        status: incidentStatusSchema.optional(),
        serviceId: z.number().int().positive().optional(),
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => {
      assertQueueMember(ctx.actor, input.teamId);
      return incidentRepository.list(ctx.db, {
        // A partner agent's queue holds only their groups' tickets, even in a team they were added to by mistake.
        ...incidentListBound(ctx.actor),
        ownerTeamIds: [input.teamId],
        statuses: input.status ? [input.status] : undefined,
        serviceId: input.serviceId,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
    }),

  /**
   * The working grid (issue 15): open incidents by default, sorted on the server by age, next promise,
   * status, service or owner (each walks its own per-team index by keyset), with an overdue / due-soon
   * marker from the stored promises.
   */
  grid: authorizedProcedure('queue.read')
    .input(queueGridInputSchema)
    .query(async ({ ctx, input }) => {
      assertQueueMember(ctx.actor, input.teamId);
      const now = ctx.now();
      const page = await queueGridRepository.page(ctx.db, {
        ...incidentListBound(ctx.actor),
        teamId: input.teamId,
        statuses: queueStatuses(input.status),
        serviceId: input.serviceId,
        ownerAgentId: input.ownerAgentId,
        breachBy:
          input.breachWithinMinutes === undefined
            ? undefined
            : new Date(Date.parse(now) + input.breachWithinMinutes * 60_000).toISOString(),
        sort: input.sort,
        dir: input.dir,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
      return {
        ...page,
        items: page.items.map((r) => ({
          ...r,
          marker: promiseMarker(r.nextPromiseAt, r.status, now),
        })),
      };
    }),

  /** How many of the team's incidents are in each status. */
  counts: authorizedProcedure('queue.read')
    .input(z.object({ teamId: z.number().int().positive() }))
    .query(({ ctx, input }) => {
      assertQueueMember(ctx.actor, input.teamId);
      return queueGridRepository.countsByStatus(ctx.db, {
        ...incidentListBound(ctx.actor),
        teamId: input.teamId,
      });
    }),

  /** The active members of a queue's team: whom its incidents may be assigned to. */
  members: authorizedProcedure('queue.read')
    .input(z.object({ teamId: z.number().int().positive() }))
    .query(({ ctx, input }) => {
      assertQueueMember(ctx.actor, input.teamId);
      return userRepository.findActiveMembers(ctx.db, input.teamId);
    }),

  /** Assigns one incident to a member of its team (the grid's bulk assign runs it once per row). */
  assignToMember: authorizedProcedure('incident.assign')
    .input(assignMemberSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        const { incident } = await loadReadableIncident(read, ctx.actor, { id: input.incidentId });
        const agent = await userRepository.findAssignable(read, input.agentId);
        const team = await teamRepository.findById(read, incident.ownerTeamId);
        const c = { incident, agent, teamName: team?.name ?? 'its team', actor: ctx.actor };
        return assignToMember({ ...c, now: ctx.now(), ...input });
      });
      const { id, number, version, ownerAgentId } = committed.row('incident', input.incidentId);
      return { id, number, version, ownerAgentId };
    }),

  /** The signed-in user's saved views. */
  views: authorizedProcedure('queue.read').query(async ({ ctx }) =>
    (await queueGridRepository.views(ctx.db, ctx.actor.id)).map((v) => ({
      id: v.id,
      name: v.name,
      // A view saved by an older grid that no longer parses is offered with the defaults.
      settings: queueViewSettingsSchema.safeParse(v.settings).data ?? null,
    })),
  ),

  saveView: authorizedProcedure('queue.read')
    .input(saveQueueViewSchema)
    .mutation(async ({ ctx, input }) => {
      const { name, settings } = input;
      const committed = await commit(
        ctx.db,
        saveQueueView({ userId: ctx.actor.id, name, settings, now: ctx.now() }),
      );
      const row = committed.row('queueView', newQueueViewRef);
      return { id: row.id, name: row.name };
    }),

  deleteView: authorizedProcedure('queue.read')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        deleteQueueView({
          userId: ctx.actor.id,
          view: await queueGridRepository.findView(read, input.id),
          now: ctx.now(),
        }),
      );
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;

/** A queue is its team members' (admins see all). */
function assertQueueMember(actor: Actor, teamId: number) {
  if (actor.role !== 'admin' && !actor.teamIds.includes(teamId)) {
    throw new DomainError(
      'FORBIDDEN',
      'You are not a member of that team, so its queue is not yours to open.',
    );
  }
}
