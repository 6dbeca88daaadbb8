// SLA clocks and policies (issue 18).
import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  clockKindLabels,
  clockStanding,
  editSlaPolicyEffects,
  setTeamLeads,
  slaPolicyInputSchema,
  teamLeadsInputSchema,
} from '@handoff/domain';
import { commit, slaRepository, teamRepository } from '@handoff/db';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

export const slaRouter = {
  /** An incident's clocks as they stand now: target, business time used, paused, at risk, breached. */
  clocks: authorizedProcedure('sla.read')
    .input(z.object({ incidentId: z.number().int() }))
    .query(async ({ ctx, input }) => {
      const { incident } = await loadReadableIncident(ctx.db, ctx.actor, { id: input.incidentId });
      const calendars = await slaRepository.calendars(ctx.db);
      const clocks = await slaRepository.findClocks(ctx.db, incident.id);
      const names = new Map(
        (await teamRepository.findByIds(ctx.db, [...new Set(clocks.map((c) => c.teamId))])).map(
          (t) => [t.id, t.name],
        ),
      );
      const now = ctx.now();
      return clocks.map((c) => ({
        id: c.id,
        kind: c.kind,
        label: clockKindLabels[c.kind],
        teamName: names.get(c.teamId) ?? '',
        cycle: c.cycle,
        target: c.targetLabel,
        calendar: c.calendar,
        startedAt: c.startedAt,
        stoppedAt: c.stoppedAt,
        ...clockStanding(c, now, calendars[c.calendar]),
      }));
    }),

  /** The policies in force and every earlier version (who set what, from when). */
  policies: authorizedProcedure('sla.managePolicies').query(async ({ ctx }) => ({
    current: await slaRepository.findCurrentPolicies(ctx.db),
    history: await slaRepository.findPolicyHistory(ctx.db),
    teams: (await teamRepository.findAll(ctx.db)).map((t) => ({ id: t.id, name: t.name })),
  })),

  /** Sets a team's targets from now on; incidents created earlier keep theirs. */
  savePolicy: authorizedProcedure('sla.managePolicies')
    .input(slaPolicyInputSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        editSlaPolicyEffects(
          await slaRepository.findPolicyInForce(read, input),
          input,
          ctx.actor,
          ctx.now(),
        ),
      );
      return { changeIds: committed.changeIds };
    }),

  /** Each team's leads (told of breaches, see /reports) and who may lead one. */
  teamLeads: authorizedProcedure('sla.manageLeads').query(({ ctx }) =>
    slaRepository.findTeamLeadsOverview(ctx.db),
  ),

  /** Sets a team's leads to exactly these people (audited; announced to the team and to them). */
  setTeamLeads: authorizedProcedure('sla.manageLeads')
    .input(teamLeadsInputSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        setTeamLeads(ctx.actor, await slaRepository.teamLeadsEnv(read, input), input, ctx.now()),
      );
      return { changeIds: committed.changeIds };
    }),
} satisfies TRPCRouterRecord;
