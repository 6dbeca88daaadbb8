import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  acceptConsult,
  acceptConsultSchema,
  chatTemplateIds,
  consultPrompt,
  consultTeamSchema,
  DomainError,
  openConsult,
  openConsultSchema,
  sendChatTemplate,
  type Actor,
} from '@handoff/domain';
import {
  consultRepository,
  incidentRepository,
  problemRepository,
  schema,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

const loadIncident = (db: Db, actor: Actor, id: number) =>
  loadReadableIncident(db, actor, { id }).incident;

/** Chat consults to the CPS and ES channels (kb 000, 002), with server-side deadlines. */
export const consultRouter = {
  open: authorizedProcedure('consult.open')
    .input(openConsultSchema)
    .mutation(({ ctx, input }) => {
      const incident = loadIncident(ctx.db, ctx.actor, input.incidentId);
      const { consult, journal } = openConsult({
        incident,
        team: input.team,
        actor: ctx.actor,
        now: ctx.now(),
        existing: consultRepository.findByIncident(ctx.db, incident.id),
        underOpenOutage: problemRepository.isUnderOpenOutage(ctx.db, incident),
      });
      return ctx.db.transaction((tx) => {
        const row = tx.insert(schema.consultRequests).values(consult).returning().get();
        incidentRepository.insertJournal(tx, incident.id, journal);
        return row;
      });
    }),

  /** The incident's latest consult and the prompt due now (the L1 console polls this). */
  forIncident: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId: z.number().int().positive() }))
    .query(({ ctx, input }) => {
      const incident = loadIncident(ctx.db, ctx.actor, input.incidentId);
      const consult = consultRepository.findLatestByIncident(ctx.db, input.incidentId) ?? null;
      const underOpenOutage = problemRepository.isUnderOpenOutage(ctx.db, incident);
      return {
        consult,
        prompt: consult ? consultPrompt(consult, ctx.now(), underOpenOutage) : null,
      };
    }),

  listOpen: authorizedProcedure('consult.read')
    .input(z.object({ team: consultTeamSchema }))
    .query(({ ctx, input }) => consultRepository.listOpenByTeam(ctx.db, input.team)),

  /** The first agent to accept owns the incident; a second accept finds the consult settled. */
  accept: authorizedProcedure('consult.accept')
    .input(acceptConsultSchema)
    .mutation(({ ctx, input }) => {
      const consult = consultRepository.findById(ctx.db, input.consultId);
      if (!consult) throw new DomainError('NOT_FOUND', 'That consult request no longer exists.');
      const incident = loadIncident(ctx.db, ctx.actor, consult.incidentId);
      const now = ctx.now();
      const agent = {
        id: ctx.actor.id,
        name: ctx.actor.name,
        presence: userRepository.findById(ctx.db, ctx.actor.id)?.presence ?? 'not_ready',
        teamIds: ctx.actor.teamIds,
      };
      const teams = Object.fromEntries(teamRepository.findAll(ctx.db).map((t) => [t.name, t.id]));
      const { result } = acceptConsult({
        consult,
        incident,
        agent,
        actor: ctx.actor,
        now,
        teams,
        underOpenOutage: problemRepository.isUnderOpenOutage(ctx.db, incident),
      });
      const row = incidentRepository.update(ctx.db, {
        id: incident.id,
        expectedVersion: incident.version,
        ...result,
        also: (tx) => {
          if (
            !consultRepository.settle(tx, consult.id, {
              status: 'accepted',
              acceptedById: ctx.actor.id,
              acceptedAt: now,
            })
          ) {
            throw new DomainError('CONFLICT', 'Another agent accepted this consult first.');
          }
        },
      });
      return { number: row.number, version: row.version };
    }),

  /** Sends a named chat template; its text goes into the customer-visible journal. */
  sendTemplate: authorizedProcedure('consult.open')
    .input(
      z.object({ incidentId: z.number().int().positive(), templateId: z.enum(chatTemplateIds) }),
    )
    .mutation(({ ctx, input }) => {
      const incident = loadIncident(ctx.db, ctx.actor, input.incidentId);
      const { journal } = sendChatTemplate({
        incident,
        templateId: input.templateId,
        actor: ctx.actor,
        now: ctx.now(),
        consultTeam: consultRepository.findLatestByIncident(ctx.db, incident.id)?.team,
      });
      incidentRepository.appendJournal(ctx.db, incident.id, journal);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
