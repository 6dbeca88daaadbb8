import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  acceptConsultEffects,
  acceptConsultSchema,
  chatTemplateIds,
  consultPrompt,
  consultTeamSchema,
  DomainError,
  followUpIds,
  followUpTexts,
  pendingFollowUps,
  tickFollowUpEffects,
  newConsultRef,
  openConsultEffects,
  openConsultSchema,
  sendChatTemplateEffects,
  type Actor,
} from '@handoff/domain';
import {
  commit,
  consultRepository,
  incidentRepository,
  problemRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

const loadIncident = (db: Db, actor: Actor, id: number) =>
  loadReadableIncident(db, actor, { id }).incident;

function loadConsult(db: Db, id: number) {
  const consult = consultRepository.findById(db, id);
  if (!consult) throw new DomainError('NOT_FOUND', 'That consult request no longer exists.');
  return consult;
}

/** The accepting agent as the domain sees them (presence read in the same transaction). */
const agentOf = (db: Db, actor: Actor) => ({
  id: actor.id,
  name: actor.name,
  presence: userRepository.findById(db, actor.id)?.presence ?? 'not_ready',
  teamIds: actor.teamIds,
});

/** The incident's journal oldest first (the repository reads it newest first). */
const journalOf = (db: Db, incidentId: number) =>
  incidentRepository.findJournal(db, incidentId).reverse();

/** What accepting a consult decides on, loaded inside the commit. */
function loadAcceptance(db: Db, actor: Actor, consultId: number, now: string) {
  const consult = loadConsult(db, consultId);
  const incident = loadIncident(db, actor, consult.incidentId);
  return {
    consult,
    incident,
    agent: agentOf(db, actor),
    actor,
    now,
    teams: Object.fromEntries(teamRepository.findAll(db).map((t) => [t.name, t.id])),
    underOpenOutage: problemRepository.isUnderOpenOutage(db, incident),
  };
}

/** Chat consults to the CPS and ES channels (kb 000, 002), with server-side deadlines. */
export const consultRouter = {
  open: authorizedProcedure('consult.open')
    .input(openConsultSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, (read) => {
        const incident = loadIncident(read, ctx.actor, input.incidentId);
        const existing = consultRepository.findByIncident(read, incident.id);
        const underOpenOutage = problemRepository.isUnderOpenOutage(read, incident);
        const c = { incident, existing, underOpenOutage, actor: ctx.actor, now: ctx.now() };
        return openConsultEffects({ ...c, team: input.team });
      });
      return committed.row('consult', newConsultRef);
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
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, (read) =>
        acceptConsultEffects(loadAcceptance(read, ctx.actor, input.consultId, ctx.now())),
      );
      const { incidentId } = committed.row('consult', input.consultId);
      const row = committed.row('incident', incidentId);
      return { number: row.number, version: row.version };
    }),

  /** Sends a named chat template; its text goes into the customer-visible journal. */
  sendTemplate: authorizedProcedure('consult.open')
    .input(
      z.object({ incidentId: z.number().int().positive(), templateId: z.enum(chatTemplateIds) }),
    )
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, (read) => {
        const incident = loadIncident(read, ctx.actor, input.incidentId);
        return sendChatTemplateEffects({
          incident,
          templateId: input.templateId,
          actor: ctx.actor,
          now: ctx.now(),
          consultTeam: consultRepository.findLatestByIncident(read, incident.id)?.team,
        });
      });
      return { ok: true as const };
    }),

  /** The checklist items a step left open on the incident (kb 000: reply in the CPS chat channel). */
  followUps: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId: z.number().int().positive() }))
    .query(({ ctx, input }) => {
      const incident = loadIncident(ctx.db, ctx.actor, input.incidentId);
      return pendingFollowUps(journalOf(ctx.db, incident.id)).map((id) => ({
        id,
        text: followUpTexts[id],
      }));
    }),

  /** Ticks a checklist item: journaled (internal) that it was done. */
  tickFollowUp: authorizedProcedure('consult.open')
    .input(z.object({ incidentId: z.number().int().positive(), followUp: z.enum(followUpIds) }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, (read) => {
        const incident = loadIncident(read, ctx.actor, input.incidentId);
        const journal = journalOf(read, incident.id);
        const { followUp } = input;
        return tickFollowUpEffects({
          incident,
          journal,
          followUp,
          actor: ctx.actor,
          now: ctx.now(),
        });
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
