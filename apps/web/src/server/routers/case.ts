import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  currentOutagesFor,
  customerNoteSchema,
  explainBanner,
  filePortalCaseEffects,
  openStatuses,
  portalCaseCreateSchema,
} from '@handoff/domain';
import {
  catalogRepository,
  ensurePortalSystemActor,
  idempotencyRepository,
  incidentRepository,
} from '@handoff/db';
import { saveCustomerNote } from '../customer-note';
import { idempotentRequest } from '../idempotency';
import { knownOutagesFrom } from '../known-outages';
import { loadPortalCase, myCustomer } from '../portal-case';
import { authorizedProcedure } from '../trpc';

/** Help Online, the customers' self-service portal (kb 000, 004): every response here is customer-safe. */
export const caseRouter = {
  /** Who I am as the Help Desk knows me: the contact details a new case starts from. */
  profile: authorizedProcedure('case.create').query(async ({ ctx }) => {
    const c = await myCustomer(ctx.db, ctx.actor.customerId);
    return {
      name: c.name,
      email: c.email,
      phone: c.phone,
      primaryTechPartner: c.primaryTechPartner,
    };
  }),

  /** The services a customer may choose, each banner explained in plain words. */
  services: authorizedProcedure('case.create').query(async ({ ctx }) =>
    (await catalogRepository.findAllServices(ctx.db))
      .filter((s) => s.customerFacing)
      .map((s) => ({ ...s, bannerText: explainBanner(s.banner) })),
  ),

  /** "Is this already known?": current outages of one service, or of the services of my open cases. */
  knownOutages: authorizedProcedure('case.listOwn')
    .input(z.object({ serviceId: z.number().int().positive().optional() }))
    .query(async ({ ctx, input }) => {
      const serviceIds =
        input.serviceId !== undefined
          ? [input.serviceId]
          : [
              ...new Set(
                (
                  await incidentRepository.list(ctx.db, {
                    customerId: ctx.actor.customerId ?? -1,
                    statuses: [...openStatuses],
                    limit: 100,
                  })
                ).items.map((i) => i.serviceId),
              ),
            ];
      const source = ctx.knownOutages ?? (await knownOutagesFrom(ctx.db));
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
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const system = await ensurePortalSystemActor(ctx.db, now);
      const once = idempotentRequest(ctx.actor, 'case.create', input);
      const { incident } = await idempotencyRepository.commitOnce(ctx.db, once, now, async (read) =>
        filePortalCaseEffects(await loadPortalCase(read, { actor: ctx.actor, system, input, now })),
      );
      const { id, number, status } = incident;
      return { id, number, status };
    }),

  /** A note on my case; it re-notifies the owning team, and answers a request for more information. */
  addNote: authorizedProcedure('case.listOwn')
    .input(customerNoteSchema)
    .mutation(({ ctx, input }) => saveCustomerNote(ctx.db, ctx.actor, ctx.now(), input)),
} satisfies TRPCRouterRecord;
