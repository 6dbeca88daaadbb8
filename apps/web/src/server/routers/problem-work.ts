import { type TRPCRouterRecord } from '@trpc/server';
import {
  assignProblemEffects,
  assignProblemSchema,
  DomainError,
  editProblemEffects,
  editProblemSchema,
  linkOutageSchema,
  linkOutageEndingConsultsEffects,
  resolveAttachedIncidentsEffects,
  resolveAttachedSchema,
  resolveProblemEffects,
  resolveProblemSchema,
} from '@handoff/domain';
import {
  catalogRepository,
  commit,
  consultRepository,
  outageRepository,
  problemRepository,
  type Db,
} from '@handoff/db';
import { authorizedProcedure } from '../trpc';
import { loadProblem, teamIdsByName } from './problem';

/** The problem as this commit wrote it, or as it was when nothing needed writing. */
async function saved(db: Db, problemId: number, committed: Awaited<ReturnType<typeof commit>>) {
  const row =
    committed.changeIds.length > 0
      ? committed.row('problem', problemId)
      : (await problemRepository.findById(db, problemId))!;
  return { id: row.id, version: row.version };
}

async function loadOutage(db: Db, outageId: number) {
  const outage = await outageRepository.findById(db, outageId);
  if (!outage)
    throw new DomainError('VALIDATION', 'That outage does not exist.', {
      outageId: 'Choose an outage',
    });
  return outage;
}

async function assertService(db: Db, serviceId: number) {
  if (!(await catalogRepository.findServiceById(db, serviceId)))
    throw new DomainError('VALIDATION', 'Choose a service from the catalog.', {
      serviceId: 'Choose a service from the catalog',
    });
}

/** What SNCC and HDQA do on an open problem (kb 001 steps 6, 7, 10 and 11). */
export const problemWorkRouter = {
  edit: authorizedProcedure('problem.edit')
    .input(editProblemSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        await assertService(read, input.serviceId);
        const problem = await loadProblem(read, input.problemId);
        return editProblemEffects({ problem, actor: ctx.actor, now: ctx.now() }, input);
      });
      return await saved(ctx.db, input.problemId, committed);
    }),

  assign: authorizedProcedure('problem.assign')
    .input(assignProblemSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        const problem = await loadProblem(read, input.problemId);
        const teams = await teamIdsByName(read);
        return assignProblemEffects({ problem, actor: ctx.actor, now: ctx.now(), teams }, input);
      });
      return await saved(ctx.db, input.problemId, committed);
    }),

  linkOutage: authorizedProcedure('problem.linkOutage')
    .input(linkOutageSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        const problem = await loadProblem(read, input.problemId);
        const outage = await loadOutage(read, input.outageId);
        const openConsults = await consultRepository.findOpenUnderProblem(read, problem.id);
        const c = { problem, actor: ctx.actor, now: ctx.now(), outage, openConsults };
        return linkOutageEndingConsultsEffects(c, input);
      });
      return await saved(ctx.db, input.problemId, committed);
    }),

  /**
   * kb 001 step 10: loads, decides and writes in one commit, so two SNCC agents clicking at once
   * cannot both resolve (or e-mail) the same incidents.
   */
  resolveAttached: authorizedProcedure('problem.resolveAttached')
    .input(resolveAttachedSchema)
    .mutation(async ({ ctx, input }) => {
      let summary: ReturnType<typeof resolveAttachedIncidentsEffects>['summary'] | undefined;
      await commit(ctx.db, async (read) => {
        const problem = await loadProblem(read, input.problemId);
        const outage = problem.outageId !== null ? await loadOutage(read, problem.outageId) : null;
        const attached = await problemRepository.findAttached(read, problem.id);
        const c = { problem, outage, attached, actor: ctx.actor, now: ctx.now() };
        const decided = resolveAttachedIncidentsEffects({ ...c, ...input });
        summary = decided.summary;
        return decided;
      });
      return summary!;
    }),

  resolve: authorizedProcedure('problem.resolve')
    .input(resolveProblemSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) => {
        const problem = await loadProblem(read, input.problemId);
        const openIncidents = await problemRepository.countOpenAttached(read, problem.id);
        const c = { problem, actor: ctx.actor, now: ctx.now(), openIncidents };
        return resolveProblemEffects(c, input);
      });
      return await saved(ctx.db, input.problemId, committed);
    }),
} satisfies TRPCRouterRecord;
