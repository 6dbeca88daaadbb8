// Loads what a channel-partner step consults besides the incident, for the procedures (async, on
// either engine) and the seed (synchronously, in its SQLite `commitSync` plans): one loader each.
import {
  DomainError,
  organisationOfRequester,
  partnerTicketService,
  teamNames,
  type Actor,
  type decideSubmitTicket,
  type Incident,
  type PartnerEnv,
  type PartnerTicketSubmitInput,
} from '@handoff/domain';
import { type Db } from './client';
import * as catalogRepository from './repositories/catalog';
import * as customerRepository from './repositories/customer';
import * as incidentRepository from './repositories/incident';
import * as organisationRepository from './repositories/organisation';
import * as partnerRepository from './repositories/partner';
import * as teamRepository from './repositories/team';
import * as userRepository from './repositories/user';
import { read, runAsync, runSync, type TwoWayLoader } from './two-way-loader';

function* partnerEnvLoader(
  db: Db,
  { incident, actor, now }: { incident: Incident; actor: Actor; now: string },
): TwoWayLoader<PartnerEnv> {
  const ticket = yield* read(
    () => partnerRepository.findTicketSync(db, incident.id),
    () => partnerRepository.findTicket(db, incident.id),
  );
  if (!ticket)
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is not a channel-partner ticket.`,
    );
  const tier2 = yield* read(
    () => teamRepository.findByNameSync(db, teamNames.tier2),
    () => teamRepository.findByName(db, teamNames.tier2),
  );
  if (!tier2) throw new DomainError('NOT_FOUND', `No team named ${teamNames.tier2} is set up.`);
  const customerId = incident.customerId;
  const customer = customerId
    ? yield* read(
        () => customerRepository.findByIdSync(db, customerId),
        () => customerRepository.findById(db, customerId),
      )
    : undefined;
  const history = yield* read(
    () => partnerRepository.findHopSummarySync(db, incident.id),
    () => partnerRepository.findHopSummary(db, incident.id),
  );
  const lastHopAt = history.lastHopAt ?? incident.createdAt;
  const agentId = incident.ownerAgentId;
  const assignee = agentId
    ? yield* read(
        () => userRepository.findByIdSync(db, agentId),
        () => userRepository.findById(db, agentId),
      )
    : undefined;
  const partnerMembers = yield* read(
    () => partnerRepository.findMembersSync(db, ticket.partnerTeamId),
    () => partnerRepository.findMembers(db, ticket.partnerTeamId),
  );
  const tier2Members = yield* read(
    () => partnerRepository.findMembersSync(db, tier2.id),
    () => partnerRepository.findMembers(db, tier2.id),
  );
  const privateCommentsSincePull =
    history.lastHopKind === 'pulled'
      ? yield* read(
          () =>
            partnerRepository.countPrivateCommentsSinceSync(db, incident.id, actor.id, lastHopAt),
          () => partnerRepository.countPrivateCommentsSince(db, incident.id, actor.id, lastHopAt),
        )
      : 0;
  return {
    incident,
    ticket,
    actor,
    now,
    tier2Team: { id: tier2.id, name: tier2.name },
    assigneeName: agentId ? (assignee?.name ?? null) : null,
    partnerMembers,
    tier2Members,
    requester: {
      name: customer?.name ?? incident.callerName,
      email: customer?.email ?? incident.callerEmail,
    },
    lastHopAt,
    roundTrips: history.roundTrips,
    privateCommentsSincePull,
  };
}
type PartnerEnvArgs = Parameters<typeof partnerEnvLoader>;
/** What a partner step consults besides the incident, read through the Reader (either engine). */
export const loadPartnerEnv = (...args: PartnerEnvArgs): Promise<PartnerEnv> =>
  runAsync(partnerEnvLoader(...args));
/** The same, read synchronously: the seed's SQLite `commitSync` plans only. */
export const loadPartnerEnvSync = (...args: PartnerEnvArgs): PartnerEnv =>
  runSync(partnerEnvLoader(...args));

export type PartnerSubmitFacts = Parameters<typeof decideSubmitTicket>[0];

/**
 * kb 003 rules 2–3: what a new partner ticket consults — the requester's organisation and its
 * partner group (placing the requester by domain when needed), the catalog entry, the members to
 * tell — and its number, reserved inside the commit plan so it rolls back with it.
 */
function* partnerSubmitLoader(
  db: Db,
  {
    actor,
    customer,
    input,
    channel,
    now,
  }: {
    actor: Actor | null;
    customer: { id: number; name: string; email: string; organisationId: number | null };
    input: PartnerTicketSubmitInput;
    channel: 'portal' | 'email';
    now: string;
  },
): TwoWayLoader<PartnerSubmitFacts> {
  const placement = organisationOfRequester({
    customer,
    organisations: yield* read(
      () => organisationRepository.findAllDomainsSync(db),
      () => organisationRepository.findAllDomains(db),
    ),
  });
  const organisation = yield* read(
    () => organisationRepository.findByIdSync(db, placement.organisationId),
    () => organisationRepository.findById(db, placement.organisationId),
  );
  const service = yield* read(
    () => catalogRepository.findServiceByPathSync(db, partnerTicketService),
    () => catalogRepository.findServiceByPath(db, partnerTicketService),
  );
  if (!organisation || !service)
    throw new DomainError(
      'NOT_FOUND',
      'Channel-partner tickets are not set up: the organisation or its catalog entry is missing.',
    );
  const partnerMembers = yield* read(
    () => partnerRepository.findMembersSync(db, organisation.partnerTeamId),
    () => partnerRepository.findMembers(db, organisation.partnerTeamId),
  );
  const number = yield* read(
    () => incidentRepository.reserveNumberSync(db),
    () => incidentRepository.reserveNumber(db),
  );
  return {
    input,
    channel,
    actor,
    requester: { customerId: customer.id, name: customer.name, email: customer.email },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      partnerTeamId: organisation.partnerTeamId,
      partnerTeamName: organisation.partnerTeamName,
    },
    partnerMembers,
    serviceId: service.id,
    now,
    placedNow: placement.placedNow,
    number,
  };
}
type PartnerSubmitArgs = Parameters<typeof partnerSubmitLoader>;
/** A new partner ticket's facts, read (and its number taken) through the Reader, on either engine. */
export const loadPartnerSubmit = (...args: PartnerSubmitArgs): Promise<PartnerSubmitFacts> =>
  runAsync(partnerSubmitLoader(...args));
/** The same, synchronously: the seed's SQLite `commitSync` plans only. */
export const loadPartnerSubmitSync = (...args: PartnerSubmitArgs): PartnerSubmitFacts =>
  runSync(partnerSubmitLoader(...args));
