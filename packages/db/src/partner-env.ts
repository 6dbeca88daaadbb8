// Loads what a channel-partner step consults besides the incident, for the procedures and the seed.
import {
  DomainError,
  teamNames,
  type Actor,
  type Incident,
  type PartnerEnv,
} from '@handoff/domain';
import { type Db } from './client';
import * as customerRepository from './repositories/customer';
import * as partnerRepository from './repositories/partner';
import * as teamRepository from './repositories/team';
import * as userRepository from './repositories/user';

export function loadPartnerEnv(
  db: Db,
  { incident, actor, now }: { incident: Incident; actor: Actor; now: string },
): PartnerEnv {
  const ticket = partnerRepository.findTicket(db, incident.id);
  if (!ticket)
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is not a channel-partner ticket.`,
    );
  const tier2 = teamRepository.findByName(db, teamNames.tier2);
  if (!tier2) throw new DomainError('NOT_FOUND', `No team named ${teamNames.tier2} is set up.`);
  const customer = incident.customerId
    ? customerRepository.findById(db, incident.customerId)
    : undefined;
  const history = partnerRepository.findHopSummary(db, incident.id);
  const lastHopAt = history.lastHopAt ?? incident.createdAt;
  return {
    incident,
    ticket,
    actor,
    now,
    tier2Team: { id: tier2.id, name: tier2.name },
    assigneeName: incident.ownerAgentId
      ? (userRepository.findById(db, incident.ownerAgentId)?.name ?? null)
      : null,
    partnerMembers: partnerRepository.findMembers(db, ticket.partnerTeamId),
    tier2Members: partnerRepository.findMembers(db, tier2.id),
    requester: {
      name: customer?.name ?? incident.callerName,
      email: customer?.email ?? incident.callerEmail,
    },
    lastHopAt,
    roundTrips: history.roundTrips,
    privateCommentsSincePull:
      history.lastHopKind === 'pulled'
        ? partnerRepository.countPrivateCommentsSince(db, incident.id, actor.id, lastHopAt)
        : 0,
  };
}
