import {
  afterHoursService,
  DomainError,
  teamNames,
  type Actor,
  type Incident,
  type OneStepEnv,
} from '@handoff/domain';
import {
  catalogRepository,
  customerRepository,
  oncallRepository,
  partnerRepository,
  presenceRepository,
  problemRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { loadReadableIncident } from './readable-incident';

/** Loads what a one-step may consult besides the incident (teams, service, chosen agent, on-call contact, problem). */
export function loadOneStepEnv(
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
  const allTeams = teamRepository.findAll(db);
  const teams = Object.fromEntries(allTeams.map((t) => [t.name, t.id]));
  const service = catalogRepository.findServiceById(db, incident.serviceId);
  const afterHours = catalogRepository.findServiceByPath(db, afterHoursService);
  if (!service || !afterHours)
    throw new DomainError('NOT_FOUND', 'The service catalog is missing an entry this step needs.');
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
    // kb 001: linked to a problem whose outage is active → no forwarding, and L1 does not resolve.
    underActiveOutage: problemRepository.isUnderActiveOutage(db, incident),
    cpsAgentsReady: presenceRepository.findReadyByTeamName(db, teamNames.cps).length,
  };
  const partnerTicket = partnerRepository.findTicket(db, incident.id);
  if (partnerTicket)
    env.partnerTicket = {
      partnerTeamId: partnerTicket.partnerTeamId,
      relationshipAgentId: partnerTicket.relationshipAgent?.id ?? null,
    };
  if (agentId !== undefined) {
    const user = userRepository.findById(db, agentId);
    if (!user)
      throw new DomainError('VALIDATION', 'That agent does not exist.', {
        cpsAgentId: 'Choose a ready CPS agent',
      });
    env.agent = {
      id: user.id,
      name: user.name,
      presence: user.presence,
      teamIds: userRepository.findTeams(db, user.id).map((t) => t.id),
    };
  }
  if (oncallContactId !== undefined) {
    const contact = oncallRepository.findById(db, oncallContactId);
    if (!contact)
      throw new DomainError('VALIDATION', 'That on-call contact does not exist.', {
        contactId: 'Choose who you called',
      });
    env.oncallContact = contact;
  }
  if (problemId !== undefined) {
    const problem = problemRepository.findFacts(db, problemId);
    if (!problem)
      throw new DomainError('VALIDATION', 'That problem does not exist.', {
        problemId: 'Choose an open problem',
      });
    env.problem = problem;
  }
  return env;
}

/** Facts the routing panel needs about the customer and how many CPS agents are ready now. */
export function loadRoutingContext(db: Db, incident: Incident) {
  const customer = incident.customerId
    ? customerRepository.findById(db, incident.customerId)
    : undefined;
  const service = catalogRepository.findServiceById(db, incident.serviceId);
  const cpsReady = presenceRepository.findReadyByTeamName(db, teamNames.cps);
  return { customer, service, cpsReady };
}

/** Loads the incident the actor may read and everything its one-step may consult (inside a commit plan). */
export function loadOneStepFor(
  db: Db,
  actor: Actor,
  now: string,
  input: { incidentId: number; cpsAgentId?: number; contactId?: number; problemId?: number },
): OneStepEnv {
  const { incident } = loadReadableIncident(db, actor, { id: input.incidentId });
  return loadOneStepEnv(db, {
    incident,
    actor,
    now,
    agentId: input.cpsAgentId,
    oncallContactId: input.contactId,
    problemId: input.problemId,
  });
}
