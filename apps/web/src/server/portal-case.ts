// What filing a Help Online case consults, loaded inside its commit plan (routers/case.ts).
import {
  contactFactsFor,
  DomainError,
  routePortalCase,
  teamNames,
  type Actor,
  type PortalCaseCreateInput,
  type PortalCaseFacts,
} from '@handoff/domain';
import {
  attachmentRepository,
  catalogRepository,
  customerRepository,
  incidentRepository,
  routingDataRepository,
  teamRepository,
  type Db,
} from '@handoff/db';
import { loadOneStepEnv } from './one-step-env';

/** The customer record behind a Help Online login (a login without one cannot file). */
export async function myCustomer(db: Db, customerId: number | null) {
  const customer =
    customerId === null ? undefined : await customerRepository.findById(db, customerId);
  if (!customer)
    throw new DomainError(
      'FORBIDDEN',
      'Your sign-in is not linked to a customer record; call the Help Desk to file a case.',
    );
  return customer;
}

/**
 * The customer, the service, the Help Desk queue, where routeContact (channel `portal`) sends the
 * case, its reserved number and its uploads; `system` is the portal's system user, who runs
 * Assign to CPS on a case the policy sends to CPS.
 */
export async function loadPortalCase(
  read: Db,
  {
    actor,
    system,
    input,
    now,
  }: { actor: Actor; system: Actor; input: PortalCaseCreateInput; now: string },
): Promise<PortalCaseFacts> {
  const customer = await myCustomer(read, actor.customerId);
  const service = await catalogRepository.findServiceById(read, input.serviceId);
  if (!service?.customerFacing) {
    throw new DomainError('VALIDATION', 'Choose a service from the list.', {
      serviceId: 'Choose a service from the list',
    });
  }
  const helpDesk = await teamRepository.findByName(read, teamNames.helpDesk);
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
    await routingDataRepository.routingContext(read),
  );
  return {
    input,
    actor,
    customer,
    route,
    helpDeskTeamId: helpDesk.id,
    now,
    ...(await incidentRepository.reserveIncident(read)),
    uploads: attachmentRepository.decodeUploads(input.attachments),
    cpsEnv: (incident) => loadOneStepEnv(read, { incident, actor: system, now }),
  };
}
