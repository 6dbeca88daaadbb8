import { type TRPCRouterRecord } from '@trpc/server';
import {
  assignProblem,
  assignProblemSchema,
  DomainError,
  editProblem,
  editProblemSchema,
  linkOutageSchema,
  linkProblemToOutage,
  resolveAttachedIncidents,
  resolveAttachedSchema,
  resolveProblem,
  resolveProblemSchema,
  type ProblemChange,
} from '@handoff/domain';
import {
  catalogRepository,
  incidentRepository,
  outageRepository,
  outboxRepository,
  problemRepository,
  type Db,
} from '@handoff/db';
import { authorizedProcedure } from '../trpc';
import { loadProblem, teamIdsByName } from './problem';

function save(db: Db, id: number, expectedVersion: number, change: ProblemChange) {
  if (change.audit.length === 0 && change.journal.length === 0)
    return { id, version: expectedVersion };
  const row = db.transaction(
    (tx) => problemRepository.updateIn(tx, { id, expectedVersion, ...change }),
    { behavior: 'immediate' },
  );
  return { id: row.id, version: row.version };
}

/** What SNCC and HDQA do on an open problem (kb 001 steps 6, 7, 10 and 11). */
export const problemWorkRouter = {
  edit: authorizedProcedure('problem.edit')
    .input(editProblemSchema)
    .mutation(({ ctx, input }) => {
      if (!catalogRepository.findServiceById(ctx.db, input.serviceId)) {
        throw new DomainError('VALIDATION', 'Choose a service from the catalog.', {
          serviceId: 'Choose a service from the catalog',
        });
      }
      const problem = loadProblem(ctx.db, input.problemId);
      return save(
        ctx.db,
        problem.id,
        input.expectedVersion,
        editProblem({ problem, actor: ctx.actor, now: ctx.now() }, input),
      );
    }),

  assign: authorizedProcedure('problem.assign')
    .input(assignProblemSchema)
    .mutation(({ ctx, input }) => {
      const problem = loadProblem(ctx.db, input.problemId);
      const change = assignProblem(
        { problem, actor: ctx.actor, now: ctx.now(), teams: teamIdsByName(ctx.db) },
        input,
      );
      return save(ctx.db, problem.id, input.expectedVersion, change);
    }),

  linkOutage: authorizedProcedure('problem.linkOutage')
    .input(linkOutageSchema)
    .mutation(({ ctx, input }) => {
      const problem = loadProblem(ctx.db, input.problemId);
      const outage = outageRepository.findById(ctx.db, input.outageId);
      if (!outage)
        throw new DomainError('VALIDATION', 'That outage does not exist.', {
          outageId: 'Choose an outage',
        });
      return save(
        ctx.db,
        problem.id,
        input.expectedVersion,
        linkProblemToOutage({ problem, actor: ctx.actor, now: ctx.now(), outage }, input),
      );
    }),

  /**
   * kb 001 step 10: loads, decides and writes inside one IMMEDIATE transaction, so two SNCC agents
   * clicking at once cannot both resolve (or e-mail) the same incidents.
   */
  resolveAttached: authorizedProcedure('problem.resolveAttached')
    .input(resolveAttachedSchema)
    .mutation(({ ctx, input }) => {
      const now = ctx.now();
      return ctx.db.transaction(
        (tx) => {
          const problem = loadProblem(tx, input.problemId);
          const outage =
            problem.outageId !== null
              ? (outageRepository.findById(tx, problem.outageId) ?? null)
              : null;
          const result = resolveAttachedIncidents({
            problem,
            outage,
            attached: problemRepository.findAttached(tx, problem.id),
            actor: ctx.actor,
            now,
            expectedVersion: input.expectedVersion,
          });
          for (const write of result.incidents) incidentRepository.applyUpdate(tx, write);
          outboxRepository.enqueue(tx, result.outbox, now);
          problemRepository.insertJournal(tx, problem.id, result.problemJournal);
          if (outage && result.outage)
            outageRepository.updateIn(tx, {
              id: outage.id,
              expectedVersion: outage.version,
              ...result.outage,
            });
          return { ...result.counts, outageResolved: result.outage !== null };
        },
        { behavior: 'immediate' },
      );
    }),

  resolve: authorizedProcedure('problem.resolve')
    .input(resolveProblemSchema)
    .mutation(({ ctx, input }) => {
      const problem = loadProblem(ctx.db, input.problemId);
      const openIncidents = problemRepository.countOpenAttached(ctx.db, problem.id);
      return save(
        ctx.db,
        problem.id,
        input.expectedVersion,
        resolveProblem({ problem, actor: ctx.actor, now: ctx.now(), openIncidents }, input),
      );
    }),
} satisfies TRPCRouterRecord;
