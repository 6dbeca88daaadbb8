// Channel-partner mail, called by the inbound listener inside its transaction (kb 003: "Your
// agent(s) on duty can choose to interact with support tickets completely by email"; "Escalation
// can only be handled through the web site"). Each write runs in a nested transaction (a
// savepoint), so a refusal undoes only its own changes and the listener logs why.
import {
  DomainError,
  emailReplyVisibility,
  followUpNote,
  newReplyText,
  partnerTicketSubmitSchema,
  placeEndUser,
  placementOf,
  teamNames,
  type Actor,
  type Incident,
  type Visibility,
} from '@handoff/domain';
import {
  incidentRepository,
  organisationRepository,
  partnerRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { commentOnPartnerTicket, submitTicket } from './partner-actions';

/**
 * A reply to a partner ticket's e-mail becomes a comment by its sender: the partner agent who owns
 * the relationship → a public comment the requester reads (and is e-mailed); another group member
 * or a Tier 2 agent → a private comment; the requester → their public comment, and the agent is
 * told. It never escalates or returns the ticket. Refusals are DomainErrors the listener can log.
 */
export function applyPartnerEmailReply(
  db: Db,
  {
    fromAddress,
    incidentNumber,
    text,
    attachmentCount = 0,
    now,
  }: {
    fromAddress: string;
    incidentNumber: string;
    text: string;
    attachmentCount?: number;
    now: string;
  },
): { incidentId: number; number: string; visibility: Visibility; reopened: boolean } {
  const incident = incidentRepository.findByNumber(db, incidentNumber);
  if (!incident) throw new DomainError('NOT_FOUND', `No incident ${incidentNumber}.`);
  const ticket = partnerRepository.findTicket(db, incident.id);
  if (!ticket)
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is not a channel-partner ticket.`,
    );
  const tier2 = teamRepository.findByName(db, teamNames.tier2);
  if (!tier2) throw new DomainError('NOT_FOUND', `No team named ${teamNames.tier2} is set up.`);
  const body = newReplyText(text) || (attachmentCount > 0 ? '(attachments only)' : '');
  if (!body)
    throw new DomainError(
      'VALIDATION',
      'The reply has no text of its own above the quoted message, so nothing was added.',
    );

  const { actor, authorIsUser } = senderOf(db, fromAddress, incident.customerId);
  const visibility = emailReplyVisibility(actor, ticket, tier2.id);
  const { changes } = commentOnPartnerTicket(db, {
    incident,
    actor,
    body,
    visibility,
    via: 'email',
    now,
    authorIsUser,
  });
  const reopened =
    incident.status === 'resolved' && changes.status !== undefined && changes.status !== 'resolved';
  return { incidentId: incident.id, number: incident.number, visibility, reopened };
}

function senderOf(
  db: Db,
  fromAddress: string,
  requesterCustomerId: number | null,
): { actor: Actor; authorIsUser: boolean } {
  const user = userRepository.findByEmail(db, fromAddress);
  const actor = user && userRepository.findActorById(db, user.id);
  if (actor) return { actor, authorIsUser: true };
  const customer = organisationRepository.findCustomerByEmail(db, fromAddress);
  if (customer && customer.id === requesterCustomerId) {
    // The requester has no Help Online login: they act as themselves, stored without an author id.
    return {
      actor: { id: 0, name: customer.name, role: 'customer', teamIds: [], customerId: customer.id },
      authorIsUser: false,
    };
  }
  throw new DomainError(
    'FORBIDDEN',
    `${fromAddress} is neither the requester nor an agent of this ticket, so their e-mail cannot be added to it.`,
  );
}

/**
 * A new e-mail from an end user becomes a ticket for their organisation's partner group. An
 * address Handoff has not seen is placed by its domain first (free-mail and unknown domains are
 * refused with the reason). A reply to a closed ticket (`followUpOf`) opens a follow-up and notes it
 * on the old one. All or nothing: a refusal leaves no end user behind.
 */
export function submitPartnerTicketFromEmail(
  db: Db,
  {
    fromAddress,
    fromName,
    subject,
    text,
    now,
    followUpOf,
  }: {
    fromAddress: string;
    fromName: string | null;
    subject: string;
    text: string;
    now: string;
    followUpOf?: { id: number };
  },
): Incident {
  return db.transaction((tx) => {
    const email = fromAddress.trim().toLowerCase();
    let customer = organisationRepository.findCustomerByEmail(db, email);
    if (!customer) {
      const placement = placeEndUser({
        email,
        organisations: organisationRepository.findAllDomains(db),
      });
      organisationRepository.createEndUser(db, {
        name: fromName?.trim() || email,
        email,
        organisationId: placement.organisationId,
        organisationName: placement.organisationName,
        passwordHash: null,
      });
      customer = organisationRepository.findCustomerByEmail(db, email);
    }
    if (!customer) throw new DomainError('NOT_FOUND', `Could not record ${email} as an end user.`);
    const user = userRepository.findByEmail(db, email);
    const actor = user ? (userRepository.findActorById(db, user.id) ?? null) : null;
    const description = [subject.trim(), newReplyText(text)]
      .filter(Boolean)
      .join('\n\n')
      .slice(0, 10_000);
    const row = submitTicket(db, {
      actor: actor?.role === 'customer' ? actor : null,
      customer,
      input: partnerTicketSubmitSchema.parse({ description: description || '(no text)' }),
      channel: 'email',
      now,
    });
    if (followUpOf)
      incidentRepository.insertJournal(tx, followUpOf.id, [followUpNote(row.number, now)]);
    return row;
  });
}

/**
 * Is this sender an end user of a supported organisation (kb 003 rule 2)? Known end users are; an
 * address not seen before is when its domain places it in an organisation.
 */
export function isPartnerEndUser(db: Db, address: string): boolean {
  const customer = organisationRepository.findCustomerByEmail(db, address);
  if (customer) return customer.organisationId !== null;
  return (
    placementOf({ email: address, organisations: organisationRepository.findAllDomains(db) }) !==
    null
  );
}
