// Channel-partner mail, loaded inside the intake's commit plan (kb 003: "Your agent(s) on duty can
// choose to interact with support tickets completely by email"; "Escalation can only be handled
// through the web site"). Each load returns the facts of one domain decision; a refusal is a
// DomainError thrown before anything is written, so the intake logs why and keeps nothing else.
import {
  DomainError,
  emailReplyVisibility,
  newReplyText,
  partnerTicketSubmitSchema,
  placeEndUser,
  placementOf,
  teamNames,
  type Actor,
  type PartnerEnv,
  type Visibility,
} from '@handoff/domain';
import {
  incidentRepository,
  loadPartnerEnv,
  organisationRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { loadSubmit, type SubmitFacts } from './partner-actions';

/**
 * A reply to a partner ticket's e-mail becomes a comment by its sender: the partner agent who owns
 * the relationship → a public comment the requester reads (and is e-mailed); another group member
 * or a Tier 2 agent → a private comment; the requester → their public comment, and the agent is
 * told. It never escalates or returns the ticket. What `decideComment` needs, or a DomainError.
 */
export async function loadPartnerEmailReply(
  read: Db,
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
): Promise<{
  env: PartnerEnv;
  comment: { body: string; visibility: Visibility; via: 'email'; authorIsUser: boolean };
}> {
  const incident = await incidentRepository.findByNumber(read, incidentNumber);
  if (!incident) throw new DomainError('NOT_FOUND', `No incident ${incidentNumber}.`);
  const tier2 = await teamRepository.findByName(read, teamNames.tier2);
  if (!tier2) throw new DomainError('NOT_FOUND', `No team named ${teamNames.tier2} is set up.`);
  const body = newReplyText(text) || (attachmentCount > 0 ? '(attachments only)' : '');
  if (!body)
    throw new DomainError(
      'VALIDATION',
      'The reply has no text of its own above the quoted message, so nothing was added.',
    );
  const { actor, authorIsUser } = await senderOf(read, fromAddress, incident.customerId);
  const env = await loadPartnerEnv(read, { incident, actor, now });
  const visibility = emailReplyVisibility(actor, env.ticket, tier2.id);
  return { env, comment: { body, visibility, via: 'email', authorIsUser } };
}

async function senderOf(
  db: Db,
  fromAddress: string,
  requesterCustomerId: number | null,
): Promise<{ actor: Actor; authorIsUser: boolean }> {
  const user = await userRepository.findByEmail(db, fromAddress);
  const actor = user && (await userRepository.findActorById(db, user.id));
  if (actor) return { actor, authorIsUser: true };
  const customer = await organisationRepository.findCustomerByEmail(db, fromAddress);
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
 * refused with the reason) and inserted with the ticket. A reply to a closed ticket
 * (`followUpOf`) opens a follow-up and notes it on the old one. What `decideSubmitTicket` needs.
 */
export async function loadPartnerTicketFromEmail(
  read: Db,
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
    followUpOf: { id: number } | null;
  },
): Promise<SubmitFacts> {
  const email = fromAddress.trim().toLowerCase();
  const known = await organisationRepository.findCustomerByEmail(read, email);
  const placement = known
    ? null
    : placeEndUser({ email, organisations: await organisationRepository.findAllDomains(read) });
  const name = fromName?.trim() || email;
  const customer = known ?? {
    id: 0,
    name,
    email,
    organisationId: placement!.organisationId,
  };
  const user = await userRepository.findByEmail(read, email);
  const actor = user ? ((await userRepository.findActorById(read, user.id)) ?? null) : null;
  const description = [subject.trim(), newReplyText(text)]
    .filter(Boolean)
    .join('\n\n')
    .slice(0, 10_000);
  const facts = await loadSubmit(read, {
    actor: actor?.role === 'customer' ? actor : null,
    customer,
    input: partnerTicketSubmitSchema.parse({ description: description || '(no text)' }),
    channel: 'email',
    now,
  });
  return {
    ...facts,
    followUpOf,
    ...(placement
      ? {
          newRequester: {
            name,
            netId: email,
            email,
            organisationId: placement.organisationId,
            organisation: placement.organisationName,
          },
        }
      : {}),
  };
}

/**
 * Is this sender an end user of a supported organisation (kb 003 rule 2)? Known end users are; an
 * address not seen before is when its domain places it in an organisation.
 */
export async function isPartnerEndUser(db: Db, address: string): Promise<boolean> {
  const customer = await organisationRepository.findCustomerByEmail(db, address);
  if (customer) return customer.organisationId !== null;
  return (
    placementOf({
      email: address,
      organisations: await organisationRepository.findAllDomains(db),
    }) !== null
  );
}
