import { tracked, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { commit, type Db, viewerRepository } from '@handoff/db';
import {
  type Actor,
  DomainError,
  effects,
  mergeEffects,
  readsEveryChange,
  setEditing,
  setFollowing,
} from '@handoff/domain';
import { liveHub, type LiveHub } from '../live/hub';
import { onClockSet } from '../clock';
import { liveStream, readable } from '../live/stream';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure, publicProcedure } from '../trpc';

const incidentId = z.number().int().positive();

const wired = new WeakSet<LiveHub>();
/** The process's hub, told when the (test) clock moves so due prompts are announced at once. */
function hubOf(db: Db, now: () => string): LiveHub {
  const hub = liveHub(db, { now });
  if (!wired.has(hub)) {
    wired.add(hub);
    onClockSet(() => hub.clockMoved());
  }
  return hub;
}

/** A partner agent hears of viewers only on the tickets they may read (same rule as the stream). */
const readableViewer = (db: Db, actor: Actor, v: { incidentId: number }) =>
  readable(db, actor, {
    id: 1,
    entity: 'incidentViewer',
    entityId: v.incidentId,
    kind: 'opened',
    teamIds: [],
    userIds: [],
    actorId: null,
    at: '',
  });

/**
 * Live updates over Server-Sent Events (issue 17). One subscription per page: the changes its
 * viewer may read, resumed after `lastEventId` (the SSE event id the browser saw last) with nothing
 * missed or doubled. Signed out, only outages (the public /status page).
 */
export const liveRouter = {
  changes: publicProcedure
    .input(
      z.object({
        lastEventId: z.string().regex(/^\d+$/).nullish(),
        /** The incident page this connection is open on: names the viewer to colleagues. */
        viewing: incidentId.nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      if (input.viewing && ctx.actor)
        await loadReadableIncident(ctx.db, ctx.actor, { id: input.viewing });
      const stream = liveStream({
        db: ctx.db,
        hub: hubOf(ctx.db, ctx.now),
        actor: ctx.actor,
        afterId: input.lastEventId ? Number(input.lastEventId) : null,
        signal,
        now: ctx.now,
        viewing: ctx.actor ? input.viewing : null,
      });
      for await (const { id, message } of stream) yield tracked(String(id), message);
    }),

  /** Who else has these incidents open now, and who is editing (the page banner, the queue markers). */
  viewers: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentIds: z.array(incidentId).max(500).optional() }))
    .query(async ({ ctx, input }) => {
      const all = await viewerRepository.collisions(
        ctx.db,
        ctx.now(),
        ctx.actor.id,
        input.incidentIds,
      );
      if (readsEveryChange(ctx.actor)) return all;
      const readable = await Promise.all(all.map((v) => readableViewer(ctx.db, ctx.actor, v)));
      return all.filter((_, i) => readable[i]);
    }),

  /** The agent started or stopped editing the incident they have open (a form, a typed note). */
  setEditing: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId, editing: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const at = ctx.now();
      await commit(ctx.db, async (read) => {
        await loadReadableIncident(read, ctx.actor, { id: input.incidentId });
        const mine = await viewerRepository.findOpen(read, input.incidentId, ctx.actor.id, at);
        if (mine.length === 0)
          throw new DomainError('NOT_FOUND', 'Open the incident before editing it.');
        return mergeEffects(effects(at), ...mine.map((v) => setEditing(v, input.editing, at)));
      });
      return { editing: input.editing };
    }),

  /** Follows or unfollows an incident the agent may read: changes others make to it become toasts. */
  follow: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId, follow: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) => {
        const { incident } = await loadReadableIncident(read, ctx.actor, { id: input.incidentId });
        const state = await viewerRepository.followState(read, ctx.actor.id, incident.id);
        return setFollowing({
          actor: ctx.actor,
          incident,
          ...state,
          follow: input.follow,
          now: ctx.now(),
        });
      });
      return { incidentId: input.incidentId, following: input.follow };
    }),

  /** The incidents the signed-in agent follows (the toasts' list, the page's Follow button). */
  following: authorizedProcedure('incident.readInternal').query(({ ctx }) =>
    viewerRepository.followedIncidentIds(ctx.db, ctx.actor.id),
  ),
} satisfies TRPCRouterRecord;
