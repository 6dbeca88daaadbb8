import { type NewAuditEntry, type NewIncident, type NewJournalEntry } from '../incident/schema';
import { type NotificationDraft } from '../change/notification';
import { type OutboxDraft } from '../outbox';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { firstLine, inputNeededSubject, tell, ticketPath } from './messages';
import { type OrganisationDomains, placeEndUser } from './placement';
import { type HopDraft, type PartnerTicketSubmitInput, type Person } from './schema';

/** The requester's organisation: the one they were placed in, or else placed now by their e-mail domain (kb 003 rule 2). */
export function organisationOfRequester({
  customer,
  organisations,
}: {
  customer: { organisationId: number | null; email: string };
  organisations: readonly OrganisationDomains[];
}): { organisationId: number; organisationName: string; placedNow: boolean } {
  const placed =
    customer.organisationId === null
      ? undefined
      : organisations.find((o) => o.id === customer.organisationId);
  if (placed) return { organisationId: placed.id, organisationName: placed.name, placedNow: false };
  const placement = placeEndUser({ email: customer.email, organisations });
  return {
    organisationId: placement.organisationId,
    organisationName: placement.organisationName,
    placedNow: true,
  };
}

export interface SubmitPartnerTicketArgs {
  input: PartnerTicketSubmitInput;
  channel: 'portal' | 'email';
  /** The signed-in requester (portal); null when the ticket arrives by e-mail. */
  actor: Actor | null;
  requester: { customerId: number; name: string; email: string };
  organisation: { id: number; name: string; partnerTeamId: number; partnerTeamName: string };
  /** Every member of the supporting partner group: each is told (kb 003 rule 3). */
  partnerMembers: readonly Person[];
  serviceId: number;
  now: string;
}

/**
 * kb 003 rules 2–3: a ticket from a member of a supported organisation goes to that organisation's
 * partner client-support group with no assignee, and every member of the group is notified in the
 * app and by e-mail (`told`, once the new row's number exists).
 */
export function submitPartnerTicket({
  input,
  channel,
  actor,
  requester,
  organisation,
  partnerMembers,
  serviceId,
  now,
}: SubmitPartnerTicketArgs): {
  incident: NewIncident;
  journal: NewJournalEntry[];
  audit: NewAuditEntry[];
  ticket: { organisationId: number; partnerTeamId: number };
  hop: HopDraft;
  /** The messages to every group member, once the incident's number is known. */
  told: (incident: { id: number; number: string }) => {
    notifications: NotificationDraft[];
    outbox: OutboxDraft[];
  };
} {
  if (actor) assertCan(actor, 'partner.submit');
  const authorId = actor?.id ?? null;
  const incident: NewIncident = {
    callerName: requester.name,
    callerPhone: null,
    callerEmail: requester.email,
    customerId: requester.customerId,
    channel,
    serviceId,
    description: input.description,
    classification: 'Channel partner ticket',
    status: 'new',
    ownerTeamId: organisation.partnerTeamId,
    ownerAgentId: null,
    urgency: null,
    expectation: null,
    preferredContact: 'email',
    computerName: null,
    problemId: null,
    peopleAffected: null,
    tpTriage: null,
    promises: {},
    version: 1,
    createdById: authorId,
    createdAt: now,
    updatedAt: now,
  };
  const told = ({ id, number }: { id: number; number: string }) =>
    tell(
      partnerMembers,
      {
        template: 'partner-new-ticket',
        subject: `${inputNeededSubject(number)}: new ticket from ${requester.name} (${organisation.name})`,
        body:
          `${requester.name} (${organisation.name}) submitted a ticket by ${channel}: ${firstLine(input.description)}\n\n` +
          `The first member of ${organisation.partnerTeamName} to claim it becomes its assignee: ${ticketPath(number)}`,
      },
      id,
    );
  return {
    incident,
    journal: [
      {
        kind: 'system',
        visibility: 'internal',
        body: `Ticket submitted by ${requester.name} of ${organisation.name} (${channel}); every member of ${organisation.partnerTeamName} was notified.`,
        authorId,
        data: { partner: 'submitted' },
        createdAt: now,
      },
    ],
    audit: [
      { actorId: authorId, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
    ],
    ticket: { organisationId: organisation.id, partnerTeamId: organisation.partnerTeamId },
    hop: {
      kind: 'submitted',
      actorId: authorId,
      fromTeamId: null,
      toTeamId: organisation.partnerTeamId,
      toAgentId: null,
      at: now,
      waitedSeconds: 0,
    },
    told,
  };
}
