import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  assignToCps,
  contactFactsFor,
  createPortalCase,
  currentOutagesFor,
  customerNoteSchema,
  DomainError,
  explainBanner,
  openStatuses,
  portalCaseCreateSchema,
  routePortalCase,
  teamNames,
} from '@handoff/domain';
import {
  attachmentRepository,
  routingDataRepository,
  catalogRepository,
  customerRepository,
  incidentRepository,
  portalRepository,
  teamRepository,
  type Db,
  idempotencyRepository,
} from '@handoff/db';
import { saveCustomerNote } from '../customer-note';
import { knownOutagesFrom } from '../known-outages';
import { loadOneStepEnv } from '../one-step-env';
import { idempotentRequest } from '../idempotency';
import { authorizedProcedure } from '../trpc';

function myCustomer(db: Db, customerId: number | null) {
  const customer = customerId === null ? undefined : customerRepository.findById(db, customerId);
  if (!customer)
    throw new DomainError(
      'FORBIDDEN',
      'Your sign-in is not linked to a customer record; call the Help Desk to file a case.',
    );
  return customer;
}

/** Help Online, the customers' self-service portal (kb 000, 004): every response here is customer-safe. */
export const caseRouter = {
  /** Who I am as the Help Desk knows me: the contact details a new case starts from. */
  profile: authorizedProcedure('case.create').query(({ ctx }) => {
    const c = myCustomer(ctx.db, ctx.actor.customerId);
    return {
      name: c.name,
      email: c.email,
      phone: c.phone,
      primaryTechPartner: c.primaryTechPartner,
    };
  }),

  /** The services a customer may choose, each banner explained in plain words. */
  services: authorizedProcedure('case.create').query(({ ctx }) =>
    catalogRepository
      .findAllServices(ctx.db)
      .filter((s) => s.customerFacing)
      .map((s) => ({ ...s, bannerText: explainBanner(s.banner) })),
  ),

  /** "Is this already known?": current outages of one service, or of the services of my open cases. */
  knownOutages: authorizedProcedure('case.listOwn')
    .input(z.object({ serviceId: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => {
      const serviceIds =
        input.serviceId !== undefined
          ? [input.serviceId]
          : [
              ...new Set(
                incidentRepository
                  .list(ctx.db, {
                    customerId: ctx.actor.customerId ?? -1,
                    statuses: [...openStatuses],
                    limit: 100,
                  })
                  .items.map((i) => i.serviceId),
              ),
            ];
      const source = ctx.knownOutages ?? knownOutagesFrom(ctx.db);
      return currentOutagesFor(source.findOpenForServices(serviceIds), serviceIds, ctx.now()).map(
        ({ number, status, summary, startsAt, expectedEndAt, serviceIds: ids }) => ({
          number,
          status,
          summary,
          startsAt,
          expectedEndAt,
          serviceIds: ids,
        }),
      );
    }),

  /**
   * Files a case: routeContact with channel `portal` decides where it goes; a CPS-supported case is
   * assigned to CPS (reason "portal or auto case") in the same transaction, by the portal's system user.
   */
  create: authorizedProcedure('case.create')
    .input(portalCaseCreateSchema)
    .mutation(({ ctx, input }) => {
      const now = ctx.now();
      const customer = myCustomer(ctx.db, ctx.actor.customerId);
      const service = catalogRepository.findServiceById(ctx.db, input.serviceId);
      if (!service?.customerFacing) {
        throw new DomainError('VALIDATION', 'Choose a service from the list.', {
          serviceId: 'Choose a service from the list',
        });
      }
      const helpDesk = teamRepository.findByName(ctx.db, teamNames.helpDesk);
      if (!helpDesk)
        throw new DomainError('NOT_FOUND', `No team named ${teamNames.helpDesk} is set up.`);
      const route = routePortalCase(
        contactFactsFor({
          at: now,
          channel: 'portal',
          service,
          customer,
          computerName: input.computerName ?? null,
          // Nobody is on the line: a portal case is never transferred live.
          cpsAgentsReady: 0,
          answers: { workRelated: input.workRelated, computerName: input.computerName ?? null },
        }),
        routingDataRepository.routingContext(ctx.db),
      );
      const drafts = createPortalCase({
        input,
        actor: ctx.actor,
        customer,
        route,
        helpDeskTeamId: helpDesk.id,
        now,
      });
      const once = idempotentRequest(ctx.actor, 'case.create', input);
      const row = ctx.db.transaction(
        (tx) => {
          const retry = idempotencyRepository.replayInTransaction(tx, once, now);
          if (retry.replay !== null) return incidentRepository.findById(ctx.db, retry.replay)!;
          let created = incidentRepository.insertNew(tx, drafts);
          attachmentRepository.insertUploads(tx, created.id, input.attachments, ctx.actor.id, now);
          if (route.destination === 'cps') {
            const system = portalRepository.ensurePortalSystemActor(tx);
            // The portal policy decided on the server just above, from the facts the customer
            // gave, and its decision is journaled with the case: Assign to CPS follows it.
            const env = {
              ...loadOneStepEnv(ctx.db, { incident: created, actor: system, now }),
              contactFacts: undefined,
            };
            const result = assignToCps(env, {
              incidentId: created.id,
              expectedVersion: created.version,
              reason: 'portal_or_auto',
            });
            created = incidentRepository.applyUpdate(tx, {
              id: created.id,
              expectedVersion: created.version,
              ...result,
            });
          }
          retry.remember(created.id);
          return created;
        },
        { behavior: 'immediate' },
      );
      return { id: row.id, number: row.number, status: row.status };
    }),

  /** A note on my case; it re-notifies the owning team, and answers a request for more information. */
  addNote: authorizedProcedure('case.listOwn')
    .input(customerNoteSchema)
    .mutation(({ ctx, input }) => saveCustomerNote(ctx.db, ctx.actor, ctx.now(), input)),
} satisfies TRPCRouterRecord;
