// The channel-partner use cases shared by the procedures and the e-mail functions: load, one
// domain call, save in one transaction.
import {
  commentOnTicket,
  DomainError,
  organisationOfRequester,
  partnerTicketService,
  submitPartnerTicket,
  type Actor,
  type Incident,
  type PartnerStepResult,
  type PartnerTicketSubmitInput,
  type Visibility,
} from '@handoff/domain';
import {
  catalogRepository,
  incidentRepository,
  loadPartnerEnv,
  organisationRepository,
  partnerRepository,
  type Db,
} from '@handoff/db';

/** kb 003 rules 2–3: a requester's ticket goes to their organisation's partner group; every member is told. */
export function submitTicket(
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
): Incident {
  const placement = organisationOfRequester({
    customer,
    organisations: organisationRepository.findAllDomains(db),
  });
  const organisation = organisationRepository.findById(db, placement.organisationId);
  const service = catalogRepository.findServiceByPath(db, partnerTicketService);
  if (!organisation || !service)
    throw new DomainError(
      'NOT_FOUND',
      'Channel-partner tickets are not set up: the organisation or its catalog entry is missing.',
    );
  const drafts = submitPartnerTicket({
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
    partnerMembers: partnerRepository.findMembers(db, organisation.partnerTeamId),
    serviceId: service.id,
    now,
  });
  return incidentRepository.create(db, drafts, (tx, row) => {
    // An end user placed by domain just now keeps that placement (kb 003 rule 2: "mostly automatic").
    if (placement.placedNow)
      organisationRepository.placeCustomer(tx, customer.id, organisation.id, organisation.name);
    partnerRepository.insertNewTicket(tx, row, { ...drafts, ...drafts.told(row) });
  });
}

/**
 * A comment on a partner ticket (private = journal `internal`, public = `customer`), from the web
 * or an e-mail reply. `authorIsUser: false` is a requester without a login writing by e-mail: the
 * entry is then stored without an author.
 */
export function commentOnPartnerTicket(
  db: Db,
  args: {
    incident: Incident;
    actor: Actor;
    body: string;
    visibility: Visibility;
    via: 'web' | 'email';
    now: string;
    authorIsUser?: boolean;
  },
): PartnerStepResult {
  const env = loadPartnerEnv(db, { incident: args.incident, actor: args.actor, now: args.now });
  const result = commentOnTicket(env, {
    body: args.body,
    visibility: args.visibility,
    via: args.via,
  });
  if (args.authorIsUser === false)
    result.journal = result.journal.map((j) => ({ ...j, authorId: null }));
  partnerRepository.save(db, {
    incidentId: args.incident.id,
    expectedVersion: args.incident.version,
    result,
    now: args.now,
  });
  return result;
}
