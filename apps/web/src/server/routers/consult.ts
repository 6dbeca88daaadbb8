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

const loadIncident = async (db: Db, actor: Actor, id: number) =>
  (await loadReadableIncident(db, actor, { id })).incident;

async function loadConsult(db: Db, id: number) {
  const consult = await consultRepository.findById(db, id);
  if (!consult) throw new DomainError('NOT_FOUND', 'That consult request no longer exists.');
  return consult;
}

/** The accepting agent as the domain sees them (presence read in the same transaction). */
const agentOf = async (db: Db, actor: Actor) => ({
  id: actor.id,
  name: actor.name,
  presence: (await userRepository.findById(db, actor.id))?.presence ?? 'not_ready',
  teamIds: actor.teamIds,
});

/** The incident's journal oldest first (the repository reads it newest first). */
const journalOf = async (db: Db, incidentId: number) =>
  (await incidentRepository.findJournal(db, incidentId)).reverse();

/** What accepting a consult decides on, loaded inside the commit. */
async function loadAcceptance(db: Db, actor: Actor, consultId: number, now: string) {
  const consult = await loadConsult(db, consultId);
  const incident = await loadIncident(db, actor, consult.incidentId);
  return {
    consult,
    incident,
    agent: await agentOf(db, actor),
    actor,
    now,
    teams: Object.fromEntries((await teamRepository.findAll(db)).map((t) => [t.name, t.id])),
    underOpenOutage: await problemRepository.isUnderOpenOutage(db, incident),
  };
}

/** Chat consults to the CPS and ES channels (kb 000, 002), with server-side deadlines. */
export const consultRouter = {
  open: authorizedProcedure('consult.open')
    .input(openConsultSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        const incident = await loadIncident(read, ctx.actor, input.incidentId);
        const existing = await consultRepository.findByIncident(read, incident.id);
        const underOpenOutage = await problemRepository.isUnderOpenOutage(read, incident);
        const c = { incident, existing, underOpenOutage, actor: ctx.actor, now: ctx.now() };
        return openConsultEffects({ ...c, team: input.team });
      });
      return committed.row('consult', newConsultRef);
    }),

  /** The incident's latest consult and the prompt due now (the L1 console polls this). */
  forIncident: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const incident = await loadIncident(ctx.db, ctx.actor, input.incidentId);
      const consult =
        (await consultRepository.findLatestByIncident(ctx.db, input.incidentId)) ?? null;
      const underOpenOutage = await problemRepository.isUnderOpenOutage(ctx.db, incident);
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
      const committed = await commit(ctx.db, async (read) =>
        acceptConsultEffects(await loadAcceptance(read, ctx.actor, input.consultId, ctx.now())),
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
      await commit(ctx.db, async (read) => {
        const incident = await loadIncident(read, ctx.actor, input.incidentId);
        return sendChatTemplateEffects({
          incident,
          templateId: input.templateId,
          actor: ctx.actor,
          now: ctx.now(),
          consultTeam: (await consultRepository.findLatestByIncident(read, incident.id))?.team,
        });
      });
      return { ok: true as const };
    }),

  /** The checklist items a step left open on the incident (kb 000: reply in the CPS chat channel). */
  followUps: authorizedProcedure('incident.readInternal')
    .input(z.object({ incidentId: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const incident = await loadIncident(ctx.db, ctx.actor, input.incidentId);
      return pendingFollowUps(await journalOf(ctx.db, incident.id)).map((id) => ({
        id,
        text: followUpTexts[id],
      }));
    }),

  /** Ticks a checklist item: journaled (internal) that it was done. */
  tickFollowUp: authorizedProcedure('consult.open')
    .input(z.object({ incidentId: z.number().int().positive(), followUp: z.enum(followUpIds) }))
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) => {
        const incident = await loadIncident(read, ctx.actor, input.incidentId);
        const journal = await journalOf(read, incident.id);
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
