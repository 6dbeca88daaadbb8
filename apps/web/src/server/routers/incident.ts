import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  addNoteSchema,
  can,
  customerView,
  DomainError,
  editIncidentEffects,
  incidentCreateSchema,
  incidentListBound,
  myIncidentsFilter,
  incidentEditSchema,
  incidentNumberSchema,
  isComplete,
  openStatuses,
  portalCaseState,
  requesterTeamName,
  tpCompleteness,
  tpScope,
  visibleJournal,
  openIncident,
  type Actor,
  type ProblemFacts,
} from '@handoff/domain';
import {
  commit,
  attachmentRepository,
  catalogRepository,
  customerRepository,
  incidentRepository,
  partnerRepository,
  problemRepository,
  teamRepository,
  type Db,
  idempotencyRepository,
} from '@handoff/db';
import {
  customerJournalPage,
  journalPageFor,
  journalPageSize,
  staffJournalPage,
} from '../journal-page';
import {
  changeRefusalFor,
  loadChangeableIncident,
  loadReadableIncident,
} from '../readable-incident';
import { withWords } from '../audit-names';
import { idempotentRequest } from '../idempotency';
import { notePlan } from '../incident-note';
import { acknowledgementFor } from '../mail/notify';
import { authorizedProcedure } from '../trpc';

/** References must point at real rows; the message lands at the field that holds them. */
async function assertReferencesExist(
  db: Db,
  refs: { serviceId?: number; customerId?: number | null },
) {
  if (
    refs.serviceId !== undefined &&
    !(await catalogRepository.findServiceById(db, refs.serviceId))
  ) {
    throw new DomainError('VALIDATION', 'Choose a service from the catalog.', {
      serviceId: 'Choose a service from the catalog',
    });
  }
  if (refs.customerId != null && !(await customerRepository.findById(db, refs.customerId))) {
    throw new DomainError('VALIDATION', 'That customer does not exist.', {
      customerId: 'Pick the customer again from the search',
    });
  }
}

/** Whether the services and customers an edit points at exist (unchanged ones always do). */
async function patchReferences(db: Db, patch: { serviceId?: number; customerId?: number | null }) {
  return {
    serviceExists:
      patch.serviceId === undefined ||
      !!(await catalogRepository.findServiceById(db, patch.serviceId)),
    customerExists:
      patch.customerId == null || !!(await customerRepository.findById(db, patch.customerId)),
  };
}

/** What a new incident needs besides the form: existing references, its owner team and the chosen problem. */
async function loadNewIncidentContext(
  db: Db,
  actor: Actor,
  input: { serviceId: number; customerId?: number | null; problemId?: number | null },
): Promise<{ ownerTeamId: number; problem?: ProblemFacts }> {
  await assertReferencesExist(db, input);
  const ownerTeamId =
    actor.teamIds[0] ?? (await teamRepository.findByName(db, 'US - Help Desk'))?.id;
  if (ownerTeamId === undefined)
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'No team to own the incident.' });
  if (input.problemId == null) return { ownerTeamId };
  const problem = await problemRepository.findFacts(db, input.problemId);
  if (!problem)
    throw new DomainError('VALIDATION', 'That problem does not exist.', {
      problemId: 'Choose an open problem',
    });
  return { ownerTeamId, problem };
}

/** The create's plan: load, take the number, decide (one domain call). */
async function createPlan(
  read: Db,
  actor: Actor,
  now: string,
  input: z.infer<typeof incidentCreateSchema>,
) {
  return await openIncident({
    ...(await loadNewIncidentContext(read, actor, input)),
    input,
    actor,
    now,
    number: await incidentRepository.reserveNumber(read),
    // A case that arrived by e-mail or portal is acknowledged to the customer with its number.
    acknowledgement: (incident) => acknowledgementFor(read, incident),
  });
}

const pageSchema = z.object({
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const incidentRouter = {
  create: authorizedProcedure('incident.create')
    .input(incidentCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const once = idempotentRequest(ctx.actor, 'incident.create', input);
      const { incident } = await idempotencyRepository.commitOnce(ctx.db, once, ctx.now(), (read) =>
        createPlan(read, ctx.actor, ctx.now(), input),
      );
      return { id: incident.id, number: incident.number, version: incident.version };
    }),

  byNumber: authorizedProcedure('incident.read')
    .input(z.object({ number: incidentNumberSchema }))
    .query(async ({ ctx, input }) => {
      const { incident, partnerScope } = await loadReadableIncident(ctx.db, ctx.actor, {
        number: input.number,
      });
      // The reads below are independent of one another: on PostgreSQL they go out side by side on
      // the pool (a round trip each), on SQLite they run one after another as before.
      const detailsAndAttachments = Promise.all([
        incidentRepository.findByIdIncludeDetails(ctx.db, incident.id),
        attachmentRepository.findByIncident(ctx.db, incident.id),
      ]);
      // The newest page of the journal only; incident.journal loads the older ones.
      if (ctx.actor.role === 'customer') {
        const [[details, attachments], journal, partner] = await Promise.all([
          detailsAndAttachments,
          customerJournalPage(ctx.db, incident),
          // A channel-partner requester deals only with the partner group (kb 003): never Tier 2.
          partnerRepository.findTicket(ctx.db, incident.id),
        ]);
        return {
          audience: 'customer' as const,
          incident: customerView(incident),
          serviceName: details!.serviceName,
          serviceCategory: details!.serviceCategory,
          serviceSubcategory: details!.serviceSubcategory,
          ownerTeamName: partner ? requesterTeamName(partner) : details!.ownerTeamName,
          state: portalCaseState(incident),
          isPartnerTicket: !!partner,
          attachments: visibleJournal(ctx.actor, attachments),
          journal: journal.items,
          journalNextCursor: journal.nextCursor,
        };
      }
      const [[details, attachments], journal, service, customer, audit, problem, refusal] =
        await Promise.all([
          detailsAndAttachments,
          staffJournalPage(ctx.db, incident),
          catalogRepository.findServiceById(ctx.db, incident.serviceId),
          incident.customerId ? customerRepository.findById(ctx.db, incident.customerId) : null,
          incidentRepository
            .findAudit(ctx.db, incident.id)
            .then((events) => withWords(ctx.db, 'incident', events)),
          // Problems are the desk's (partner agents may not read them), so only those who may get the link.
          incident.problemId !== null && can(ctx.actor.role, 'problem.read')
            ? problemRepository.findFacts(ctx.db, incident.problemId)
            : null,
          can(ctx.actor.role, 'incident.update')
            ? changeRefusalFor(ctx.db, ctx.actor, incident, partnerScope)
            : null,
        ]);
      const checks = incident.tpTriage && service ? tpCompleteness(incident, service) : null;
      return {
        audience: 'staff' as const,
        ...details!,
        attachments: visibleJournal(ctx.actor, attachments),
        // Primary TP review (kb 004): the completeness check and the scope, for TP portal cases only.
        tpReview:
          checks && service
            ? {
                state: incident.tpTriage,
                checks,
                complete: isComplete(checks),
                scope: tpScope(service),
              }
            : null,
        customer: customer ?? null,
        journal: journal.items,
        journalNextCursor: journal.nextCursor,
        audit,
        problem: problem ?? null,
        canEdit: can(ctx.actor.role, 'incident.update') && refusal === null,
        canAddInternalNote: can(ctx.actor.role, 'incident.addInternalNote'),
      };
    }),

  /** The journal newest first, a page at a time ("Load more" on the incident and case pages). */
  journal: authorizedProcedure('incident.read')
    .input(
      z.object({
        incidentId: z.number().int().positive(),
        cursor: z.number().int().positive().nullish(),
        limit: z.number().int().min(1).max(100).default(journalPageSize),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { incident } = await loadReadableIncident(ctx.db, ctx.actor, { id: input.incidentId });
      return journalPageFor(ctx.db, ctx.actor, incident, {
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
    }),

  edit: authorizedProcedure('incident.update')
    .input(incidentEditSchema)
    .mutation(async ({ ctx, input }) => {
      let changed = 0;
      const committed = await commit(ctx.db, async (read) => {
        const decided = editIncidentEffects({
          ...(await loadChangeableIncident(read, ctx.actor, { id: input.id })),
          ...{ ...input, actor: ctx.actor, now: ctx.now() },
          references: await patchReferences(read, input.patch),
        });
        changed = decided.changed;
        return decided;
      });
      const version = changed ? committed.row('incident', input.id).version : input.expectedVersion;
      return { id: input.id, version, changed };
    }),

  addNote: authorizedProcedure('incident.addNote')
    .input(addNoteSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, (read) => notePlan(read, ctx.actor, input, ctx.now()));
      return { ok: true as const };
    }),

  /** Staff: the open incidents I own, newest first. */
  mine: authorizedProcedure('incident.listMine')
    .input(pageSchema)
    .query(({ ctx, input }) =>
      incidentRepository.list(ctx.db, {
        // The same scope as reading one: a partner agent moved to another group no longer lists the old group's tickets.
        ...incidentListBound(ctx.actor),
        ...myIncidentsFilter(ctx.actor),
        statuses: [...openStatuses],
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      }),
    ),

  /** Customers: every case filed for me, with the public columns only. */
  myCases: authorizedProcedure('case.listOwn')
    .input(pageSchema)
    .query(async ({ ctx, input }) => {
      const page = await incidentRepository.list(ctx.db, {
        customerId: ctx.actor.customerId ?? -1,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
      const partnerTeams = await partnerRepository.findPartnerTeamNames(
        ctx.db,
        page.items.map((i) => i.id),
      );
      return {
        nextCursor: page.nextCursor,
        items: page.items.map(
          ({
            id,
            number,
            status,
            createdAt,
            updatedAt,
            serviceName,
            ownerTeamName,
            description,
          }) => ({
            id,
            number,
            status,
            createdAt,
            updatedAt,
            serviceName,
            ownerTeamName: partnerTeams.get(id) ?? ownerTeamName,
            description,
          }),
        ),
      };
    }),
} satisfies TRPCRouterRecord;
