// Demo channel-partner tickets (kb 003), loaded beside the demo data when the app starts on an
// empty database: one waiting in Badger Health's queue, one escalated and waiting for Tier 2.
// Kept out of seedDemoData so tests that count the seeded incidents are not affected.
import {
  escalateToTier2,
  claimTicket,
  partnerTicketService,
  submitPartnerTicket,
  type Actor,
} from '@handoff/domain';
import { type Db } from '../client';
import { loadPartnerEnv } from '../partner-env';
import { findServiceByPath } from '../repositories/catalog';
import * as incidentRepository from '../repositories/incident';
import * as organisationRepository from '../repositories/organisation';
import * as partnerRepository from '../repositories/partner';
import * as userRepository from '../repositories/user';

const hoursBefore = (now: string, h: number) =>
  new Date(Date.parse(now) - h * 3_600_000).toISOString();

function actorOf(db: Db, email: string): Actor {
  const user = userRepository.findByEmail(db, email);
  const actor = user && userRepository.findActorById(db, user.id);
  if (!actor) throw new Error(`The demo data has no ${email}; load it first.`);
  return actor;
}

function submit(db: Db, email: string, description: string, at: string) {
  const actor = actorOf(db, email);
  const customer = organisationRepository.findCustomerByEmail(db, email)!;
  const org = organisationRepository.findById(db, customer.organisationId!)!;
  const drafts = submitPartnerTicket({
    input: { description },
    channel: 'portal',
    actor,
    requester: { customerId: customer.id, name: customer.name, email: customer.email },
    organisation: {
      id: org.id,
      name: org.name,
      partnerTeamId: org.partnerTeamId,
      partnerTeamName: org.partnerTeamName,
    },
    partnerMembers: partnerRepository.findMembers(db, org.partnerTeamId),
    serviceId: findServiceByPath(db, partnerTicketService)!.id,
    now: at,
  });
  return incidentRepository.create(db, drafts, (tx, row) =>
    partnerRepository.insertNewTicket(tx, row, { ...drafts, ...drafts.told(row) }),
  );
}

export function seedPartnerDemoTickets(db: Db, { now }: { now: string }): void {
  submit(
    db,
    'rita@badgerhealth.example',
    'Patient portal login loops back to the sign-in page since this morning’s update.',
    hoursBefore(now, 3),
  );

  const escalated = submit(
    db,
    'bao@badgerhealth.example',
    'Lab results PDF will not open in the clinician app; other PDFs open fine.',
    hoursBefore(now, 6),
  );
  const parker = actorOf(db, 'partner@handoff.test');
  let at = hoursBefore(now, 5);
  let incident = incidentRepository.findById(db, escalated.id)!;
  let result = claimTicket(loadPartnerEnv(db, { incident, actor: parker, now: at }));
  partnerRepository.claim(db, {
    incidentId: incident.id,
    teamId: incident.ownerTeamId,
    claimantId: parker.id,
    expectedVersion: incident.version,
    result,
    now: at,
  });
  at = hoursBefore(now, 4);
  incident = incidentRepository.findById(db, escalated.id)!;
  result = escalateToTier2(loadPartnerEnv(db, { incident, actor: parker, now: at }), {
    incidentId: incident.id,
    expectedVersion: incident.version,
    privateComment:
      'Reproduced with Bao’s account on two devices; the PDF viewer logs “unsupported encryption”. Needs the vendor’s eyes.',
  });
  partnerRepository.save(db, {
    incidentId: incident.id,
    expectedVersion: incident.version,
    result,
    now: at,
  });
}
