// Who may write into an incident by e-mail (DOMAIN.md §9 "E-mail replies", issue 13): a From
// address is only a claim, so a reply lands on an incident only from its requester (any known
// address of the customer) or from staff; anyone else's mail never changes someone else's incident.
import { canReadIncident } from '../incident/access';
import { addNote } from '../incident/add-note';
import { type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { can } from '../permissions';
import { type Actor } from '../roles';
import { type InboundMessage, senderOf } from './inbound';
import { type ReplyClaim, type ReplySender } from './reply-sender';
import { stripQuotedReply } from './text';

/** A message we sent or received whose Message-ID a reply names, with the address it went to or came from. */
export interface ThreadCandidate {
  incidentId: number;
  address: string;
}

/** How a reply named its incident: by the subject tag, or only by its threading headers. */
/**
 * The incident a reply's In-Reply-To / References name (candidates most specific first): the first
 * one whose message went to or came from the sender, else the first at all (so a forged header is
 * still reported with the number it claimed).
 */
export function pickThreadMatch(
  candidates: readonly ThreadCandidate[],
  senderAddress: string,
): { incidentId: number; knowsSender: boolean } | null {
  const sender = senderAddress.trim().toLowerCase();
  const own = candidates.find((c) => c.address.trim().toLowerCase() === sender);
  if (own) return { incidentId: own.incidentId, knowsSender: true };
  const first = candidates[0];
  return first ? { incidentId: first.incidentId, knowsSender: false } : null;
}

/**
 * Whose reply this is, for a Help Desk incident (channel-partner tickets have their own rule,
 * partnerMailRoute): the requester (the caller's e-mail or any known address of the customer,
 * case-insensitive) writes customer-visible entries; a staff member (a login that may write
 * internal notes on the incident) writes an internal note; anyone else is a stranger, and so is a
 * reply threaded only by Message-IDs that never went to its sender.
 */
export function trustReplySender({
  senderAddress,
  incident,
  requesterAddresses,
  staff,
  claim,
}: {
  senderAddress: string;
  incident: Pick<Incident, 'number' | 'callerEmail' | 'customerId'>;
  /** Every address the incident's customer is known by (their record, their logins). */
  requesterAddresses: readonly string[];
  /** The sender's own login, when they have one that is not a customer's. */
  staff: Actor | null;
  claim: ReplyClaim;
}): ReplySender {
  const sender = senderAddress.trim().toLowerCase();
  if (claim.via === 'thread' && !claim.knowsSender) {
    return {
      kind: 'stranger',
      reason: `it is threaded to ${incident.number} only by Message-IDs never sent to ${sender}`,
    };
  }
  const known = [incident.callerEmail, ...requesterAddresses]
    .filter((a): a is string => !!a)
    .map((a) => a.trim().toLowerCase());
  if (known.includes(sender)) return { kind: 'requester' };
  // The same read rule as the app: a partner agent (a channel partner's person) cannot read a
  // Help Desk incident, so cannot write in it either.
  if (
    staff &&
    can(staff.role, 'incident.addInternalNote') &&
    canReadIncident(staff, incident, { partnerTeamId: null })
  )
    return { kind: 'staff', actor: staff };
  return {
    kind: 'stranger',
    reason: `${sender} is not the caller, the customer or staff of ${incident.number}`,
  };
}

/**
 * A staff member's e-mail reply: an internal note by them (the quoted earlier message dropped),
 * under the same rules as a note written in the app; it never reopens the incident or mails anyone.
 */
export function receiveStaffEmailReply({
  incident,
  message,
  actor,
  now,
}: {
  incident: Incident;
  message: InboundMessage;
  actor: Actor;
  now: string;
}): { journal: NewJournalEntry[] } {
  const text = stripQuotedReply(message.text).trim();
  const body = (text || '(attachments only)').slice(0, 10_000);
  const { journal } = addNote({
    incident,
    body,
    visibility: 'internal',
    actor,
    partnerScope: { partnerTeamId: null },
    now,
  });
  return {
    journal: journal.map((j) => ({
      ...j,
      data: {
        via: 'email',
        from: senderOf(message)?.address ?? null,
        subject: message.subject,
        messageId: message.messageId,
      },
    })),
  };
}

/** At most this many acknowledgements to one address in an hour, so forged senders cannot make us mail a third party. */
export const acknowledgementsPerAddressPerHour = 3;
/** At most this many acknowledgements in an hour in all. */
export const acknowledgementsPerHour = 200;

/** Why a new e-mail's acknowledgement is not sent (the hourly caps), or null when it may be. */
export function acknowledgementWithheld({
  toAddressLastHour,
  allLastHour,
}: {
  toAddressLastHour: number;
  allLastHour: number;
}): string | null {
  if (toAddressLastHour >= acknowledgementsPerAddressPerHour)
    return `No acknowledgement was e-mailed: this address already got ${acknowledgementsPerAddressPerHour} in the last hour.`;
  if (allLastHour >= acknowledgementsPerHour)
    return `No acknowledgement was e-mailed: the desk already sent ${acknowledgementsPerHour} in the last hour.`;
  return null;
}

/** The internal note that says an acknowledgement was withheld. */
export function acknowledgementWithheldNote(reason: string, now: string): NewJournalEntry {
  return {
    kind: 'system',
    visibility: 'internal',
    body: reason,
    authorId: null,
    data: { acknowledgementWithheld: true },
    createdAt: now,
  };
}

export { type ReplyClaim, type ReplySender } from './reply-sender';
