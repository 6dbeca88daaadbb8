import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  canResolveAttached,
  canResolveProblem,
  createProblemEffects,
  createProblemSchema,
  DomainError,
  linkIncidentsSchema,
  linkIncidentsEndingConsultsEffects,
  newProblemRef,
  problemNumberSchema,
  problemRefusal,
  previewResolveAttached,
  snccTeamIds,
  type Action,
  type Actor,
  type Problem,
} from '@handoff/domain';
import {
  catalogRepository,
  commit,
  consultRepository,
  incidentRepository,
  outageRepository,
  partnerRepository,
  problemRepository,
  teamRepository,
  type Db,
  type Tx,
} from '@handoff/db';
import { withWords } from '../audit-names';
import { authorizedProcedure } from '../trpc';

export const teamIdsByName = async (db: Db) =>
  Object.fromEntries((await teamRepository.findAll(db)).map((t) => [t.name, t.id]));

export async function loadProblem(db: Db | Tx, id: number): Promise<Problem> {
  const problem = await problemRepository.findById(db, id);
  if (!problem) throw new DomainError('NOT_FOUND', `No problem #${id}.`);
  return problem;
}

/** The incidents asked for, every one of them (VALIDATION names the missing ones). */
async function loadIncidents(db: Db, requested: readonly number[]) {
  const ids = [...new Set(requested)];
  const incidents = await incidentRepository.findByIds(db, ids);
  const missing = ids.filter((id) => !incidents.some((i) => i.id === id));
  if (missing.length)
    throw new DomainError('VALIDATION', `No incident #${missing.join(', #')}.`, {
      incidentIds: 'Choose existing incidents',
    });
  return incidents;
}

async function loadIncidentsByNumber(db: Db, requested: readonly string[]) {
  const numbers = [...new Set(requested)];
  const incidents = await incidentRepository.findByNumbers(db, numbers);
  const missing = numbers.filter((n) => !incidents.some((i) => i.number === n));
  if (missing.length) {
    const message = `No incident ${missing.join(', ')}.`;
    throw new DomainError('VALIDATION', message, { numbers: message });
  }
  return incidents;
}

const reason = (problem: Problem, actor: Actor, action: Action) =>
  problemRefusal({ problem, actor }, action)?.message ?? null;

/** The problem page: fields, linked incidents, outage, journal, audit, queued e-mails and what this user may do. */
async function details(db: Db, actor: Actor, problem: Problem) {
  const row = (await problemRepository.findByIdIncludeDetails(db, problem.id))!;
  const attached = await problemRepository.findAttached(db, problem.id);
  const openIncidents = attached.filter(
    (a) => a.incident.status !== 'resolved' && a.incident.status !== 'closed',
  ).length;
  const outage =
    problem.outageId !== null
      ? ((await outageRepository.findById(db, problem.outageId)) ?? null)
      : null;
  return {
    problem,
    serviceName: row.serviceName,
    serviceCategory: row.serviceCategory,
    serviceSubcategory: row.serviceSubcategory,
    ownerTeamName: row.ownerTeamName,
    outage,
    incidents: (await incidentRepository.list(db, { problemId: problem.id, limit: 1000 })).items,
    journal: await problemRepository.findJournal(db, problem.id),
    audit: await withWords(db, 'problem', await problemRepository.findAudit(db, problem.id)),
    messages: await problemRepository.findQueuedMessages(db, problem.id),
    preview: {
      ...previewResolveAttached(attached),
      outageToResolve: outage?.status === 'active' ? outage.number : null,
    },
    can: {
      edit: reason(problem, actor, 'problem.edit'),
      assign: reason(problem, actor, 'problem.assign'),
      linkOutage: reason(problem, actor, 'problem.linkOutage'),
      linkIncidents: reason(problem, actor, 'problem.linkIncidents'),
      resolveAttached: canResolveAttached({ problem, actor, attached }),
      resolve: canResolveProblem({ problem, actor, openIncidents }),
    },
  };
}

export const problemRouter = {
  /** Open problems (or all), newest first; `sncc` = the open problems SNCC teams own. */
  list: authorizedProcedure('problem.read')
    .input(z.object({ view: z.enum(['open', 'all', 'sncc']).default('open') }))
    .query(async ({ ctx, input }) =>
      problemRepository.list(ctx.db, {
        statuses: input.view === 'all' ? undefined : ['open'],
        ownerTeamIds: input.view === 'sncc' ? snccTeamIds(await teamIdsByName(ctx.db)) : undefined,
      }),
    ),

  /** What the incident form and Link to problem offer for a service: its open problems and known outages. */
  forService: authorizedProcedure('problem.read')
    .input(z.object({ serviceId: z.number().int().positive().nullable() }))
    .query(async ({ ctx, input }) => ({
      problems: await problemRepository.list(ctx.db, {
        statuses: ['open'],
        serviceId: input.serviceId ?? undefined,
      }),
      outages: input.serviceId ? await outageRepository.findByService(ctx.db, input.serviceId) : [],
    })),

  byNumber: authorizedProcedure('problem.read')
    .input(z.object({ number: problemNumberSchema }))
    .query(async ({ ctx, input }) => {
      const problem = await problemRepository.findByNumber(ctx.db, input.number);
      if (!problem) throw new DomainError('NOT_FOUND', `No problem ${input.number}.`);
      return details(ctx.db, ctx.actor, problem);
    }),

  /** Pickers of the problem page: teams to assign to, outages to link. */
  pickers: authorizedProcedure('problem.read').query(async ({ ctx }) => ({
    teams: await teamRepository.findAll(ctx.db),
    outages: (await outageRepository.findOpen(ctx.db)).map(({ id, number, title, status }) => ({
      id,
      number,
      title,
      status,
    })),
  })),

  /** kb 001 step 5: HDQA creates a problem from incidents; they are linked in the same commit. */
  create: authorizedProcedure('problem.create')
    .input(createProblemSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        const incidents = await loadIncidents(read, input.incidentIds);
        const partnerTicketIds = await partnerRepository.findTicketIds(read, input.incidentIds);
        const services = await catalogRepository.findAllServices(read);
        const [reserved, teams] = [
          await problemRepository.reserveProblem(read),
          await teamIdsByName(read),
        ];
        const c = { input, incidents, services, teams, partnerTicketIds, actor: ctx.actor };
        return createProblemEffects({ ...c, ...reserved, now: ctx.now() });
      });
      const row = committed.row('problem', newProblemRef);
      return { id: row.id, number: row.number, version: row.version };
    }),

  /** kb 001 step 8: HDQA links incidents, by number, all or nothing. */
  linkIncidents: authorizedProcedure('problem.linkIncidents')
    .input(linkIncidentsSchema)
    .mutation(async ({ ctx, input }) => {
      let linked = 0;
      await commit(ctx.db, async (read) => {
        const problem = await problemRepository.findFacts(read, input.problemId);
        if (!problem) throw new DomainError('NOT_FOUND', `No problem #${input.problemId}.`);
        const incidents = await loadIncidentsByNumber(read, input.numbers);
        const ids = incidents.map((i) => i.id);
        const partnerTicketIds = await partnerRepository.findTicketIds(read, ids);
        const openConsults = await consultRepository.findOpenOfIncidents(read, ids);
        linked = incidents.length;
        const c = { incidents, problem, partnerTicketIds, openConsults, actor: ctx.actor };
        return linkIncidentsEndingConsultsEffects({ ...c, now: ctx.now() });
      });
      return { linked };
    }),
} satisfies TRPCRouterRecord;
