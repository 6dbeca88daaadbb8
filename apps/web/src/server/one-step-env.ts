import {
  afterHoursService,
  contactFactsFor,
  DomainError,
  knownOutageFor,
  teamNames,
  type Actor,
  type ContactFacts,
  type Incident,
  type OneStepEnv,
  type RoutingAnswers,
} from '@handoff/domain';
import {
  catalogRepository,
  consultRepository,
  customerRepository,
  oncallRepository,
  outageRepository,
  partnerRepository,
  presenceRepository,
  problemRepository,
  routingDataRepository,
  routingAnswersRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { loadReadableIncident } from './readable-incident';

/** Loads what a one-step may consult besides the incident (teams, service, chosen agent, on-call contact, problem). */
export function loadOneStepEnvSync(
  db: Db,
  {
    incident,
    actor,
    now,
    agentId,
    oncallContactId,
    problemId,
  }: {
    incident: Incident;
    actor: Actor;
    now: string;
    agentId?: number;
    oncallContactId?: number;
    problemId?: number;
  },
): OneStepEnv {
  const allTeams = teamRepository.findAllSync(db);
  const teams = Object.fromEntries(allTeams.map((t) => [t.name, t.id]));
  const service = catalogRepository.findServiceByIdSync(db, incident.serviceId);
  const afterHours = catalogRepository.findServiceByPathSync(db, afterHoursService);
  if (!service || !afterHours)
    throw new DomainError('NOT_FOUND', 'The service catalog is missing an entry this step needs.');
  const routing = routingDataRepository.routingContextSync(db);
  const env: OneStepEnv = {
    incident,
    actor,
    now,
    teams,
    partnerTeamIds: allTeams.filter((t) => t.kind === 'partner').map((t) => t.id),
    service: {
      id: service.id,
      banner: service.banner,
      supportCategory: service.supportCategory,
      technologistGroup: service.technologistGroup,
    },
    afterHoursServiceId: afterHours.id,
    // kb 001: linked to a problem whose outage is open (planned or active) → no forwarding, and L1 does not resolve.
    underOpenOutage: problemRepository.isUnderOpenOutageSync(db, incident),
    cpsAgentsReady: presenceRepository.findReadyByTeamNameSync(db, teamNames.cps).length,
    // The promises a step makes count in the CPS calendar administrators keep (issue 14 item 8).
    calendar: routing.calendar,
    routing,
    // The step routes again on these (issue 14.2): stored facts plus the recorded answers.
    contactFacts: loadContactFactsSync(db, incident, now),
  };
  const customer = incident.customerId
    ? customerRepository.findByIdSync(db, incident.customerId)
    : undefined;
  if (customer)
    env.customer = { name: customer.name, program: customer.program ?? customer.departmentProgram };
  const consult = consultRepository.findOpenByIncidentSync(db, incident.id);
  if (consult) env.openConsultTeam = consult.team;
  const partnerTicket = partnerRepository.findTicketSync(db, incident.id);
  if (partnerTicket)
    env.partnerTicket = {
      partnerTeamId: partnerTicket.partnerTeamId,
      relationshipAgentId: partnerTicket.relationshipAgent?.id ?? null,
    };
  if (agentId !== undefined) {
    const user = userRepository.findByIdSync(db, agentId);
    if (!user)
      throw new DomainError('VALIDATION', 'That agent does not exist.', {
        cpsAgentId: 'Choose a ready CPS agent',
      });
    env.agent = {
      id: user.id,
      name: user.name,
      presence: user.presence,
      teamIds: userRepository.findTeamsSync(db, user.id).map((t) => t.id),
    };
  }
  if (oncallContactId !== undefined) {
    const contact = oncallRepository.findByIdSync(db, oncallContactId);
    if (!contact)
      throw new DomainError('VALIDATION', 'That on-call contact does not exist.', {
        contactId: 'Choose who you called',
      });
    env.oncallContact = contact;
  }
  if (problemId !== undefined) {
    const problem = problemRepository.findFactsSync(db, problemId);
    if (!problem)
      throw new DomainError('VALIDATION', 'That problem does not exist.', {
        problemId: 'Choose an open problem',
      });
    env.problem = problem;
  }
  return env;
}
export const loadOneStepEnv = (
  ...args: Parameters<typeof loadOneStepEnvSync>
): Promise<OneStepEnv> => Promise.resolve(loadOneStepEnvSync(...args));

/** Facts the routing panel needs about the customer and how many CPS agents are ready now. */
export function loadRoutingContextSync(db: Db, incident: Incident) {
  const customer = incident.customerId
    ? customerRepository.findByIdSync(db, incident.customerId)
    : undefined;
  const service = catalogRepository.findServiceByIdSync(db, incident.serviceId);
  const cpsReady = presenceRepository.findReadyByTeamNameSync(db, teamNames.cps);
  return { customer, service, cpsReady };
}
export const loadRoutingContext = (db: Db, incident: Incident) =>
  Promise.resolve(loadRoutingContextSync(db, incident));

/** The open outages with their services, as the routing facts read them. */
function openOutagesSync(db: Db) {
  const open = outageRepository.findOpenSync(db);
  const services = outageRepository.findServicesSync(
    db,
    open.map((o) => o.id),
  );
  return open.map((o) => ({
    number: o.number,
    title: o.title,
    status: o.status === 'active' ? ('active' as const) : ('planned' as const),
    startAt: o.startAt,
    serviceIds: (services.get(o.id) ?? []).map((s) => s.id),
  }));
}

/**
 * What routing knows about the incident now: its stored facts (customer, service, channel, computer,
 * people affected, outage), the CPS agents ready, and the answers recorded on the Route panel
 * (or `answers`, when given). The Route panel and every routed one-step read the same facts.
 */
export function loadContactFactsSync(
  db: Db,
  incident: Incident,
  now: string,
  answers: RoutingAnswers = routingAnswersRepository.findSync(db, incident.id),
): ContactFacts {
  const { customer, service, cpsReady } = loadRoutingContextSync(db, incident);
  if (!service)
    throw new DomainError('NOT_FOUND', 'The incident’s service is missing from the catalog.');
  const linkedToOutage = problemRepository.isUnderOpenOutageSync(db, incident);
  return contactFactsFor({
    at: now,
    channel: incident.channel,
    service,
    customer: customer
      ? {
          coned: customer.coned,
          program: customer.program,
          departmentProgram: customer.departmentProgram,
          primaryTechPartner: customer.primaryTechPartner,
          contractDepartment: customer.contractDepartment,
        }
      : null,
    computerName: incident.computerName,
    cpsAgentsReady: cpsReady.length,
    // Linked to a problem of an open (planned or active) outage: rule 1 decides (kb 001, 002).
    outage: linkedToOutage,
    // Not linked yet, but a known outage covers the service: link first (issue 14.5).
    knownOutage:
      incident.problemId === null
        ? knownOutageFor(openOutagesSync(db), incident.serviceId, now)
        : undefined,
    peopleAffected: incident.peopleAffected,
    tpTriage: incident.tpTriage,
    answers,
  });
}
export const loadContactFacts = async (
  db: Db,
  incident: Incident,
  now: string,
  answers?: RoutingAnswers,
): Promise<ContactFacts> =>
  loadContactFactsSync(
    db,
    incident,
    now,
    answers ?? (await routingAnswersRepository.find(db, incident.id)),
  );

/** Loads the incident the actor may read and everything its one-step may consult (inside a commit plan). */
export async function loadOneStepFor(
  db: Db,
  actor: Actor,
  now: string,
  input: { incidentId: number; cpsAgentId?: number; contactId?: number; problemId?: number },
): Promise<OneStepEnv> {
  const { incident } = await loadReadableIncident(db, actor, { id: input.incidentId });
  return loadOneStepEnv(db, {
    incident,
    actor,
    now,
    agentId: input.cpsAgentId,
    oncallContactId: input.contactId,
    problemId: input.problemId,
  });
}
