// Loads what a channel-partner step consults besides the incident, for the procedures and the seed.
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
import { findServiceByPathSync } from './repositories/catalog';
import * as customerRepository from './repositories/customer';
import { reserveNumberSync } from './repositories/incident';
import * as organisationRepository from './repositories/organisation';
import * as partnerRepository from './repositories/partner';
import * as teamRepository from './repositories/team';
import * as userRepository from './repositories/user';

export function loadPartnerEnvSync(
  db: Db,
  { incident, actor, now }: { incident: Incident; actor: Actor; now: string },
): PartnerEnv {
  const ticket = partnerRepository.findTicketSync(db, incident.id);
  if (!ticket)
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is not a channel-partner ticket.`,
    );
  const tier2 = teamRepository.findByNameSync(db, teamNames.tier2);
  if (!tier2) throw new DomainError('NOT_FOUND', `No team named ${teamNames.tier2} is set up.`);
  const customer = incident.customerId
    ? customerRepository.findByIdSync(db, incident.customerId)
    : undefined;
  const history = partnerRepository.findHopSummarySync(db, incident.id);
  const lastHopAt = history.lastHopAt ?? incident.createdAt;
  return {
    incident,
    ticket,
    actor,
    now,
    tier2Team: { id: tier2.id, name: tier2.name },
    assigneeName: incident.ownerAgentId
      ? (userRepository.findByIdSync(db, incident.ownerAgentId)?.name ?? null)
      : null,
    partnerMembers: partnerRepository.findMembersSync(db, ticket.partnerTeamId),
    tier2Members: partnerRepository.findMembersSync(db, tier2.id),
    requester: {
      name: customer?.name ?? incident.callerName,
      email: customer?.email ?? incident.callerEmail,
    },
    lastHopAt,
    roundTrips: history.roundTrips,
    privateCommentsSincePull:
      history.lastHopKind === 'pulled'
        ? partnerRepository.countPrivateCommentsSinceSync(db, incident.id, actor.id, lastHopAt)
        : 0,
  };
}
export const loadPartnerEnv = async (
  ...args: Parameters<typeof loadPartnerEnvSync>
): Promise<PartnerEnv> => loadPartnerEnvSync(...args);

export type PartnerSubmitFacts = Parameters<typeof decideSubmitTicket>[0];

/**
 * kb 003 rules 2–3: what a new partner ticket consults — the requester's organisation and its
 * partner group (placing the requester by domain when needed), the catalog entry, the members to
 * tell — and its number, reserved inside the commit plan so it rolls back with it.
 */
export function loadPartnerSubmitSync(
  read: Db,
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
): PartnerSubmitFacts {
  const placement = organisationOfRequester({
    customer,
    organisations: organisationRepository.findAllDomainsSync(read),
  });
  const organisation = organisationRepository.findByIdSync(read, placement.organisationId);
  const service = findServiceByPathSync(read, partnerTicketService);
  if (!organisation || !service)
    throw new DomainError(
      'NOT_FOUND',
      'Channel-partner tickets are not set up: the organisation or its catalog entry is missing.',
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
    partnerMembers: partnerRepository.findMembersSync(read, organisation.partnerTeamId),
    serviceId: service.id,
    now,
    placedNow: placement.placedNow,
    number: reserveNumberSync(read),
  };
}
export const loadPartnerSubmit = async (
  ...args: Parameters<typeof loadPartnerSubmitSync>
): Promise<PartnerSubmitFacts> => loadPartnerSubmitSync(...args);
