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
  partnerRepository,
  presenceRepository,
  problemRepository,
  routingDataRepository,
  routingAnswersRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { loadOpenOutages } from './known-outages';
import { loadReadableIncident } from './readable-incident';

/** Loads what a one-step may consult besides the incident (teams, service, chosen agent, on-call contact, problem). */
export async function loadOneStepEnv(
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
): Promise<OneStepEnv> {
  const allTeams = await teamRepository.findAll(db);
  const teams = Object.fromEntries(allTeams.map((t) => [t.name, t.id]));
  const service = await catalogRepository.findServiceById(db, incident.serviceId);
  const afterHours = await catalogRepository.findServiceByPath(db, afterHoursService);
  if (!service || !afterHours)
    throw new DomainError('NOT_FOUND', 'The service catalog is missing an entry this step needs.');
  const routing = await routingDataRepository.routingContext(db);
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
    underOpenOutage: await problemRepository.isUnderOpenOutage(db, incident),
    cpsAgentsReady: (await presenceRepository.findReadyByTeamName(db, teamNames.cps)).length,
    // The promises a step makes count in the CPS calendar administrators keep (issue 14 item 8).
    calendar: routing.calendar,
    routing,
    // The step routes again on these (issue 14.2): stored facts plus the recorded answers.
    contactFacts: await loadContactFacts(db, incident, now),
  };
  const customer = incident.customerId
    ? await customerRepository.findById(db, incident.customerId)
    : undefined;
  if (customer)
    env.customer = { name: customer.name, program: customer.program ?? customer.departmentProgram };
  const consult = await consultRepository.findOpenByIncident(db, incident.id);
  if (consult) env.openConsultTeam = consult.team;
  const partnerTicket = await partnerRepository.findTicket(db, incident.id);
  if (partnerTicket)
    env.partnerTicket = {
      partnerTeamId: partnerTicket.partnerTeamId,
      relationshipAgentId: partnerTicket.relationshipAgent?.id ?? null,
    };
  if (agentId !== undefined) {
    const user = await userRepository.findById(db, agentId);
    if (!user)
      throw new DomainError('VALIDATION', 'That agent does not exist.', {
        cpsAgentId: 'Choose a ready CPS agent',
      });
    env.agent = {
      id: user.id,
      name: user.name,
      presence: user.presence,
      teamIds: (await userRepository.findTeams(db, user.id)).map((t) => t.id),
    };
  }
  if (oncallContactId !== undefined) {
    const contact = await oncallRepository.findById(db, oncallContactId);
    if (!contact)
      throw new DomainError('VALIDATION', 'That on-call contact does not exist.', {
        contactId: 'Choose who you called',
      });
    env.oncallContact = contact;
  }
  if (problemId !== undefined) {
    const problem = await problemRepository.findFacts(db, problemId);
    if (!problem)
      throw new DomainError('VALIDATION', 'That problem does not exist.', {
        problemId: 'Choose an open problem',
      });
    env.problem = problem;
  }
  return env;
}

/** Facts the routing panel needs about the customer and how many CPS agents are ready now. */
export async function loadRoutingContext(db: Db, incident: Incident) {
  const customer = incident.customerId
    ? await customerRepository.findById(db, incident.customerId)
    : undefined;
  const service = await catalogRepository.findServiceById(db, incident.serviceId);
  const cpsReady = await presenceRepository.findReadyByTeamName(db, teamNames.cps);
  return { customer, service, cpsReady };
}

/**
 * What routing knows about the incident now: its stored facts (customer, service, channel, computer,
 * people affected, outage), the CPS agents ready, and the answers recorded on the Route panel
 * (or `answers`, when given). The Route panel and every routed one-step read the same facts.
 */
export async function loadContactFacts(
  db: Db,
  incident: Incident,
  now: string,
  answers?: RoutingAnswers,
): Promise<ContactFacts> {
  const { customer, service, cpsReady } = await loadRoutingContext(db, incident);
  if (!service)
    throw new DomainError('NOT_FOUND', 'The incident’s service is missing from the catalog.');
  const linkedToOutage = await problemRepository.isUnderOpenOutage(db, incident);
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
        ? knownOutageFor(await loadOpenOutages(db), incident.serviceId, now)
        : undefined,
    peopleAffected: incident.peopleAffected,
    tpTriage: incident.tpTriage,
    answers: answers ?? (await routingAnswersRepository.find(db, incident.id)),
  });
}

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
