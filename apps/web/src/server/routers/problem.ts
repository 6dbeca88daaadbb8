import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  canResolveAttached,
  canResolveProblem,
  createProblem,
  createProblemSchema,
  DomainError,
  linkIncidentsSchema,
  linkIncidentsToProblem,
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
  incidentRepository,
  outageRepository,
  partnerRepository,
  problemRepository,
  teamRepository,
  type Db,
  type Tx,
} from '@handoff/db';
import { authorizedProcedure } from '../trpc';

export const teamIdsByName = (db: Db) =>
  Object.fromEntries(teamRepository.findAll(db).map((t) => [t.name, t.id]));

export function loadProblem(db: Db | Tx, id: number): Problem {
  const problem = problemRepository.findById(db, id);
  if (!problem) throw new DomainError('NOT_FOUND', `No problem #${id}.`);
  return problem;
}

/** Audit rows store ids; the history shows the team, outage and service they stand for. */
function readableAudit(db: Db, rows: ReturnType<typeof problemRepository.findAudit>) {
  const names: Record<string, (id: number) => string | undefined> = {
    ownerTeamId: (id) => teamRepository.findById(db, id)?.name,
    outageId: (id) => outageRepository.findById(db, id)?.number,
    serviceId: (id) => catalogRepository.findServiceById(db, id)?.name,
  };
  const show = (field: string, v: string | null) =>
    v !== null && names[field] ? (names[field](Number(v)) ?? v) : v;
  return rows.map((a) => ({
    ...a,
    fromValue: show(a.field, a.fromValue),
    toValue: show(a.field, a.toValue),
  }));
}

const reason = (problem: Problem, actor: Actor, action: Action) =>
  problemRefusal({ problem, actor }, action)?.message ?? null;

/** The problem page: fields, linked incidents, outage, journal, audit, queued e-mails and what this user may do. */
function details(db: Db, actor: Actor, problem: Problem) {
  const row = problemRepository.findByIdIncludeDetails(db, problem.id)!;
  const attached = problemRepository.findAttached(db, problem.id);
  const openIncidents = attached.filter(
    (a) => a.incident.status !== 'resolved' && a.incident.status !== 'closed',
  ).length;
  const outage =
    problem.outageId !== null ? (outageRepository.findById(db, problem.outageId) ?? null) : null;
  return {
    problem,
    serviceName: row.serviceName,
    serviceCategory: row.serviceCategory,
    serviceSubcategory: row.serviceSubcategory,
    ownerTeamName: row.ownerTeamName,
    outage,
    incidents: incidentRepository.list(db, { problemId: problem.id, limit: 1000 }).items,
    journal: problemRepository.findJournal(db, problem.id),
    audit: readableAudit(db, problemRepository.findAudit(db, problem.id)),
    messages: problemRepository.findQueuedMessages(db, problem.id),
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
    .query(({ ctx, input }) =>
      problemRepository.list(ctx.db, {
        statuses: input.view === 'all' ? undefined : ['open'],
        ownerTeamIds: input.view === 'sncc' ? snccTeamIds(teamIdsByName(ctx.db)) : undefined,
      }),
    ),

  /** What the incident form and Link to problem offer for a service: its open problems and known outages. */
  forService: authorizedProcedure('problem.read')
    .input(z.object({ serviceId: z.number().int().positive().nullable() }))
    .query(({ ctx, input }) => ({
      problems: problemRepository.list(ctx.db, {
        statuses: ['open'],
        serviceId: input.serviceId ?? undefined,
      }),
      outages: input.serviceId ? outageRepository.findByService(ctx.db, input.serviceId) : [],
    })),

  byNumber: authorizedProcedure('problem.read')
    .input(z.object({ number: problemNumberSchema }))
    .query(({ ctx, input }) => {
      const problem = problemRepository.findByNumber(ctx.db, input.number);
      if (!problem) throw new DomainError('NOT_FOUND', `No problem ${input.number}.`);
      return details(ctx.db, ctx.actor, problem);
    }),

  /** Pickers of the problem page: teams to assign to, outages to link. */
  pickers: authorizedProcedure('problem.read').query(({ ctx }) => ({
    teams: teamRepository.findAll(ctx.db),
    outages: outageRepository
      .findOpen(ctx.db)
      .map(({ id, number, title, status }) => ({ id, number, title, status })),
  })),

  /** kb 001 step 5: HDQA creates a problem from incidents; they are linked in the same transaction. */
  create: authorizedProcedure('problem.create')
    .input(createProblemSchema)
    .mutation(({ ctx, input }) => {
      const ids = [...new Set(input.incidentIds)];
      const incidents = incidentRepository.findByIds(ctx.db, ids);
      const missing = ids.filter((id) => !incidents.some((i) => i.id === id));
      if (missing.length)
        throw new DomainError('VALIDATION', `No incident #${missing.join(', #')}.`, {
          incidentIds: 'Choose existing incidents',
        });
      const partnerTicketIds = partnerRepository.findTicketIds(ctx.db, ids);
      const now = ctx.now();
      const drafts = createProblem({
        input,
        incidents,
        services: catalogRepository.findAllServices(ctx.db),
        teams: teamIdsByName(ctx.db),
        partnerTicketIds,
        actor: ctx.actor,
        now,
      });
      const row = ctx.db.transaction(
        (tx) => {
          const problem = problemRepository.insert(tx, drafts);
          const links = linkIncidentsToProblem({
            incidents,
            problem: { ...problem, outage: null },
            partnerTicketIds,
            actor: ctx.actor,
            now,
          });
          for (const write of links.incidents) incidentRepository.applyUpdate(tx, write);
          problemRepository.insertJournal(tx, problem.id, links.problemJournal);
          return problem;
        },
        { behavior: 'immediate' },
      );
      return { id: row.id, number: row.number, version: row.version };
    }),

  /** kb 001 step 8: HDQA links incidents, by number, all or nothing. */
  linkIncidents: authorizedProcedure('problem.linkIncidents')
    .input(linkIncidentsSchema)
    .mutation(({ ctx, input }) => {
      const problem = problemRepository.findFacts(ctx.db, input.problemId);
      if (!problem) throw new DomainError('NOT_FOUND', `No problem #${input.problemId}.`);
      const numbers = [...new Set(input.numbers)];
      const incidents = incidentRepository.findByNumbers(ctx.db, numbers);
      const missing = numbers.filter((n) => !incidents.some((i) => i.number === n));
      if (missing.length) {
        const message = `No incident ${missing.join(', ')}.`;
        throw new DomainError('VALIDATION', message, { numbers: message });
      }
      const partnerTicketIds = partnerRepository.findTicketIds(
        ctx.db,
        incidents.map((i) => i.id),
      );
      const links = linkIncidentsToProblem({
        incidents,
        problem,
        partnerTicketIds,
        actor: ctx.actor,
        now: ctx.now(),
      });
      ctx.db.transaction(
        (tx) => {
          for (const write of links.incidents) incidentRepository.applyUpdate(tx, write);
          problemRepository.insertJournal(tx, problem.id, links.problemJournal);
        },
        { behavior: 'immediate' },
      );
      return { linked: links.incidents.length };
    }),
} satisfies TRPCRouterRecord;
