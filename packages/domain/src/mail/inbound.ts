// Inbound e-mail (DOMAIN.md §1 "e-mails", kb 000 "Emails"): what a received message becomes —
// ignored as noise, refused, a journal entry on its incident, a reopen, or a new incident.
import { type NewAuditEntry, type NewIncident, type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { type Actor } from '../roles';
import { type ReplySender } from './reply-sender';
import { stripQuotedReply } from './text';

/** A received message, as the listener parsed it. */
export interface InboundMessage {
  /** SMTP MAIL FROM; '' is the null sender of bounces. */
  envelopeFrom: string;
  from: { address: string; name: string | null } | null;
  subject: string;
  messageId: string | null;
  /** Message-IDs of In-Reply-To and References, in order. */
  inReplyTo: readonly string[];
  references: readonly string[];
  /** Lower-cased header name → value, for the headers the noise rules read. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Readable text (plain, or converted from HTML); '' when there is none. */
  text: string;
  attachmentCount: number;
}

export const ignoreReasons = [
  'auto_submitted',
  'bulk',
  'bounce',
  'own_address',
  'flood',
  'reply_flood_sender',
  'reply_flood_incident',
  'duplicate',
] as const;
export type IgnoreReason = (typeof ignoreReasons)[number];

export const ignoreReasonLabels: Readonly<Record<IgnoreReason, string>> = {
  auto_submitted: 'Auto-reply or automated mail (Auto-Submitted)',
  bulk: 'Bulk or list mail (Precedence, List-Id)',
  bounce: 'Bounce (null sender)',
  own_address: 'Sent from our own address',
  flood: 'Sender flood (over 10 new incidents in an hour)',
  reply_flood_sender: 'Reply flood from one sender (over 20 replies in an hour)',
  reply_flood_incident: 'Reply flood on one incident (over 30 replies in an hour)',
  duplicate: 'Already received (same Message-ID)',
};

/** A resolved incident younger than this reopens on a reply; an older one gets a follow-up incident. */
export const reopenWindowDays = 7;
/** More new incidents than this from one sender within an hour are ignored. */
export const senderFloodLimit = 10;
/** More replies than this from one sender within an hour are ignored (whatever incidents they name). */
export const senderReplyLimit = 20;
/** More replies than this to one incident within an hour are ignored (whoever sends them). */
export const incidentReplyLimit = 30;

const lower = (v: string | undefined) => (v ?? '').trim().toLowerCase();

/** The loop and noise rules that need no database: automated mail, bulk, bounces, our own mail. */
export function noiseReason(
  message: InboundMessage,
  ownAddresses: readonly string[],
): IgnoreReason | null {
  const h = message.headers;
  const autoSubmitted = lower(h['auto-submitted']).split(';')[0]?.trim() ?? '';
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return 'auto_submitted';
  if (lower(h['x-autoreply']) === 'yes' || h['x-autorespond'] !== undefined)
    return 'auto_submitted';
  // Precedence: auto_reply is what vacation responders (and many ticket systems) send.
  if (lower(h.precedence) === 'auto_reply') return 'auto_submitted';
  if (['bulk', 'junk', 'list'].includes(lower(h.precedence))) return 'bulk';
  if (h['list-id'] !== undefined) return 'bulk';
  if (
    message.envelopeFrom.trim() === '' ||
    /^(mailer-daemon|postmaster)@/i.test(message.from?.address ?? '')
  )
    return 'bounce';
  const own = ownAddresses.map((a) => a.toLowerCase());
  if (own.includes(lower(message.from?.address)) || own.includes(lower(message.envelopeFrom)))
    return 'own_address';
  return null;
}

/** The address a message is from: the From header, else the envelope sender. */
export function senderOf(message: InboundMessage): { address: string; name: string | null } | null {
  const address = lower(message.from?.address) || lower(message.envelopeFrom);
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) return null;
  return { address, name: message.from?.name?.trim() || null };
}

export type InboundDecision =
  | { action: 'ignore'; reason: IgnoreReason }
  | { action: 'reject'; reason: string }
  | { action: 'append'; incidentId: number }
  | { action: 'reopen'; incidentId: number }
  | { action: 'follow_up'; incidentId: number }
  /** A staff member's reply: an internal note by them, never a reopen. */
  | { action: 'staff_note'; incidentId: number; actor: Actor }
  /** `claimed`: the message named an incident its sender may not write in (see trustReplySender). */
  | { action: 'create'; claimed?: { number: string; reason: string } };

export interface InboundMatch {
  incident: Pick<Incident, 'id' | 'number' | 'status'>;
  /** When it was last resolved (for resolved and closed incidents). */
  resolvedAt: string | null;
}

/**
 * Decides what a message becomes. Noise is ignored first; a message nobody can read or answer is
 * refused; a reply to a known incident lands on it (reopening a recently resolved one) when its
 * sender may write in it: from staff as an internal note, from a stranger never (a new incident
 * naming the claimed number instead); too many replies from one sender or to one incident in an
 * hour are ignored; anything else is a new incident, unless the sender has opened too many in the
 * last hour.
 */
export function decideInbound({
  message,
  ownAddresses,
  match: named,
  replySender = null,
  newIncidentsFromSenderLastHour,
  repliesFromSenderLastHour = 0,
  repliesToIncidentLastHour = 0,
  alreadyReceived = false,
  now,
}: {
  message: InboundMessage;
  ownAddresses: readonly string[];
  match: InboundMatch | null;
  /** Who the sender is to the matched incident (trustReplySender); null = not judged (partner tickets). */
  replySender?: ReplySender | null;
  newIncidentsFromSenderLastHour: number;
  /** Replies this sender had appended (to any incident) in the last hour. */
  repliesFromSenderLastHour?: number;
  /** Replies appended to the matched incident in the last hour. */
  repliesToIncidentLastHour?: number;
  /** A message with this Message-ID was taken in before (the sending server retried). */
  alreadyReceived?: boolean;
  now: string;
}): InboundDecision {
  const noise = noiseReason(message, ownAddresses);
  if (noise) return { action: 'ignore', reason: noise };
  if (alreadyReceived) return { action: 'ignore', reason: 'duplicate' };
  if (!senderOf(message))
    return { action: 'reject', reason: 'The message has no usable sender address to answer.' };
  if (message.text.trim() === '' && message.attachmentCount === 0) {
    return {
      action: 'reject',
      reason: 'The message has no readable text or attachments (empty or broken MIME body).',
    };
  }
  const claimed =
    named && replySender?.kind === 'stranger'
      ? { number: named.incident.number, reason: replySender.reason }
      : null;
  const match = claimed ? null : named;
  if (match) {
    const { incident, resolvedAt } = match;
    const open = openStatuses.includes(incident.status);
    const recent =
      incident.status === 'resolved' &&
      resolvedAt !== null &&
      Date.parse(now) - Date.parse(resolvedAt) < reopenWindowDays * 24 * 3_600_000;
    const lands = replySender?.kind === 'staff' || open || recent;
    if (lands && repliesFromSenderLastHour >= senderReplyLimit)
      return { action: 'ignore', reason: 'reply_flood_sender' };
    if (lands && repliesToIncidentLastHour >= incidentReplyLimit)
      return { action: 'ignore', reason: 'reply_flood_incident' };
    if (replySender?.kind === 'staff')
      return { action: 'staff_note', incidentId: incident.id, actor: replySender.actor };
    if (open) return { action: 'append', incidentId: incident.id };
    if (recent) return { action: 'reopen', incidentId: incident.id };
  }
  if (newIncidentsFromSenderLastHour >= senderFloodLimit)
    return { action: 'ignore', reason: 'flood' };
  if (match) return { action: 'follow_up', incidentId: match.incident.id };
  return claimed ? { action: 'create', claimed } : { action: 'create' };
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

const emailEntry = (message: InboundMessage, body: string, now: string): NewJournalEntry => ({
  kind: 'email',
  visibility: 'customer',
  body: clip(body || '(attachments only)', 10_000),
  authorId: null,
  data: {
    from: senderOf(message)?.address ?? null,
    subject: message.subject,
    messageId: message.messageId,
  },
  createdAt: now,
});

/**
 * A new incident from an e-mail: channel `email`, in the owner team's queue with no agent, created
 * by the system (no actor). A sender who is no known customer stays as the caller's e-mail,
 * unmatched, for an agent to match.
 */
export function receiveEmailIncident({
  message,
  customer,
  ownerTeamId,
  serviceId,
  now,
  followUpOf,
  claimed,
}: {
  message: InboundMessage;
  customer: { id: number; name: string } | null;
  ownerTeamId: number;
  serviceId: number;
  now: string;
  /** The resolved incident this message answered, too old to reopen. */
  followUpOf?: Pick<Incident, 'number'>;
  /** The incident the message named although its sender may not write in it (decideInbound). */
  claimed?: { number: string; reason: string };
}): { incident: NewIncident; journal: NewJournalEntry[]; audit: NewAuditEntry[] } {
  const sender = senderOf(message);
  if (!sender)
    throw new Error(
      'receiveEmailIncident needs a message with a sender (decideInbound refuses the others).',
    );
  const subject = message.subject.trim() || '(no subject)';
  const callerName = clip(
    sender.name ?? customer?.name ?? sender.address.split('@')[0] ?? sender.address,
    200,
  );
  const incident: NewIncident = {
    callerName,
    callerPhone: null,
    callerEmail: sender.address,
    customerId: customer?.id ?? null,
    channel: 'email',
    serviceId,
    description: clip(`${subject}\n\n${message.text.trim()}`.trim(), 10_000),
    classification: null,
    status: 'new',
    ownerTeamId,
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
    createdById: null,
    createdAt: now,
    updatedAt: now,
  };
  const who = `${sender.name ? `${sender.name} ` : ''}<${sender.address}>`;
  const journal: NewJournalEntry[] = [
    {
      kind: 'system',
      visibility: 'internal',
      body:
        `Incident created from an e-mail by ${who}.` +
        (customer
          ? ` Matched to customer ${customer.name}.`
          : ' The sender is not a known customer: match the customer.') +
        (followUpOf
          ? ` Follow-up to ${followUpOf.number}, resolved more than ${reopenWindowDays} days ago.`
          : '') +
        (claimed
          ? ` Review: the message names ${claimed.number}, but nothing was added to it (${claimed.reason}). ` +
            `Check the sender before linking it to ${claimed.number}.`
          : ''),
      authorId: null,
      data: {
        unmatchedSender: customer === null,
        ...(followUpOf ? { followUpOf: followUpOf.number } : {}),
        ...(claimed ? { claimedIncident: claimed.number } : {}),
      },
      createdAt: now,
    },
    emailEntry(message, message.text.trim(), now),
  ];
  const audit: NewAuditEntry[] = [
    { actorId: null, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
  ];
  return { incident, journal, audit };
}

/**
 * A reply on its incident: a customer-visible e-mail entry with the new text (the quoted earlier
 * message dropped); a recently resolved incident reopens (back to its agent, or to the team
 * queue), with the version bumped and audited.
 */
export function receiveEmailReply({
  incident,
  message,
  reopen,
  now,
}: {
  incident: Incident;
  message: InboundMessage;
  reopen: boolean;
  now: string;
}): { changes: Partial<Incident>; journal: NewJournalEntry[]; audit: NewAuditEntry[] } {
  const journal = [emailEntry(message, stripQuotedReply(message.text), now)];
  if (!reopen) return { changes: {}, journal, audit: [] };
  const status = incident.ownerAgentId === null ? 'assigned' : 'in_progress';
  const version = incident.version + 1;
  journal.unshift({
    kind: 'system',
    visibility: 'internal',
    body: `Reopened: the customer replied by e-mail within ${reopenWindowDays} days of the resolution.`,
    authorId: null,
    data: { reopenedByEmail: true },
    createdAt: now,
  });
  return {
    changes: { status, version, updatedAt: now },
    journal,
    audit: [
      {
        actorId: null,
        field: 'status',
        fromValue: incident.status,
        toValue: status,
        version,
        at: now,
      },
    ],
  };
}

/** The note left on an old incident when a reply to it opens a follow-up. */
export function followUpNote(followUpNumber: string, now: string): NewJournalEntry {
  return {
    kind: 'system',
    visibility: 'internal',
    body: `The customer wrote again more than ${reopenWindowDays} days after the resolution: follow-up ${followUpNumber} opened.`,
    authorId: null,
    data: { followUp: followUpNumber },
    createdAt: now,
  };
}

/**
 * Where a new e-mail case is filed until an agent classifies it: a service without a banner, so
 * routing starts from the General Help Desk like any unclassified contact.
 */
export const emailIntakeService = {
  service: 'General Help Desk',
  category: 'Service Inquiry',
  subcategory: 'Unclassified',
} as const;
