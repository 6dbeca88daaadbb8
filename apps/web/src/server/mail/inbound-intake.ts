// What a received e-mail does to the database, in one write transaction: decided by the domain's
// inbound rules, logged in inbound_mail (threading index and counters), with its attachments and
// the mail it causes (acknowledgement, team notice) queued alongside.
import {
  acknowledgementWithheld,
  acknowledgementWithheldNote,
  decideInbound,
  DomainError,
  emailIntakeService,
  followUpNote,
  incidentNumberFromSubject,
  partnerMailRoute,
  pickThreadMatch,
  receiveEmailIncident,
  receiveEmailReply,
  receiveStaffEmailReply,
  senderOf,
  teamNames,
  trustReplySender,
  type InboundDecision,
  type Incident,
  type InboundMatch,
  type InboundMessage,
  type OutboxDraft,
  type PartnerMailRoute,
  type ReplyClaim,
  type ReplySender,
  type Visibility,
} from '@handoff/domain';
import {
  attachmentRepository,
  catalogRepository,
  customerRepository,
  inboundMailRepository,
  incidentRepository,
  outboxRepository,
  partnerRepository,
  teamRepository,
  userRepository,
  type Db,
  type schema,
} from '@handoff/db';
import {
  applyPartnerEmailReply,
  isPartnerEndUser,
  submitPartnerTicketFromEmail,
} from '../partner-mail';
import { type MailConfig } from './config';
import { acknowledgementFor, noteMailFor } from './notify';

type InboundOutcome = schema.InboundOutcome;

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface IntakeResult {
  outcome: InboundOutcome;
  reason: string | null;
  incidentId: number | null;
  incidentNumber: string | null;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Match = InboundMatch & { incident: Incident; claim: ReplyClaim };

/** The incident a message names (the whole row, for the partner route), how, and its last resolution. */
function findMatch(db: Db, message: InboundMessage, senderAddress: string): Match | null {
  const number = incidentNumberFromSubject(message.subject);
  let incident = number ? incidentRepository.findByNumber(db, number) : undefined;
  let claim: ReplyClaim = { via: 'subject' };
  if (!incident) {
    // In-Reply-To names the message answered; References from the newest back.
    const thread = pickThreadMatch(
      inboundMailRepository.findThreadCandidates(db, [
        ...message.inReplyTo,
        ...[...message.references].reverse(),
      ]),
      senderAddress,
    );
    incident = thread ? incidentRepository.findById(db, thread.incidentId) : undefined;
    claim = { via: 'thread', knowsSender: thread?.knowsSender ?? false };
  }
  return incident
    ? { incident, claim, resolvedAt: inboundMailRepository.lastResolvedAt(db, incident.id) }
    : null;
}

/** Who the sender is to a Help Desk incident they named (channel-partner tickets judge their own). */
function replySenderOf(db: Db, match: Match | null, senderAddress: string): ReplySender | null {
  if (!match || partnerRepository.findScope(db, match.incident.id).partnerTeamId !== null)
    return null;
  const user = userRepository.findByEmail(db, senderAddress);
  const { customerId } = match.incident;
  return trustReplySender({
    senderAddress,
    incident: match.incident,
    requesterAddresses: customerId ? customerRepository.findAddresses(db, customerId) : [],
    staff: (user && userRepository.findActorById(db, user.id)) ?? null,
    claim: match.claim,
  });
}

/** Whether the message is the channel partners' business (kb 003) or the Help Desk's. */
function partnerRouteOf(
  db: Db,
  decision: InboundDecision,
  match: { incident: Incident } | null,
  senderAddress: string | null,
): PartnerMailRoute {
  if (senderAddress === null || decision.action === 'ignore' || decision.action === 'reject')
    return { route: 'help_desk' };
  const incident =
    match && partnerRepository.findScope(db, match.incident.id).partnerTeamId !== null
      ? match.incident
      : null;
  return partnerMailRoute({
    decision,
    partnerTicket: incident
      ? { incidentId: incident.id, number: incident.number, requesterEmail: incident.callerEmail }
      : null,
    senderAddress,
    senderIsEndUser: decision.action === 'create' && isPartnerEndUser(db, senderAddress),
  });
}

/** A partner function's refusal (a DomainError) becomes the logged reason; anything else is a real failure. */
function refusalOf(e: unknown): string {
  if (e instanceof DomainError) return e.message;
  throw e;
}

/** Takes in one parsed message. Throws only on a setup or database error (the listener answers 451). */
export function receiveInbound(
  db: Db,
  {
    message,
    attachments,
    size,
    now,
    config,
  }: {
    message: InboundMessage;
    attachments: InboundAttachment[];
    size: number;
    now: string;
    config: Pick<MailConfig, 'ownAddresses' | 'maxAttachmentBytes'>;
  },
): IntakeResult {
  const helpDesk = teamRepository.findByName(db, teamNames.helpDesk);
  const service = catalogRepository.findServiceByPath(db, emailIntakeService);
  if (!helpDesk || !service)
    throw new Error(
      `E-mail intake needs the ${teamNames.helpDesk} team and the ${Object.values(emailIntakeService).join(' > ')} service.`,
    );
  const sender = senderOf(message);

  // better-sqlite3 has one connection: reads through `db` inside the transaction see its writes
  // and run under its write lock, so two messages cannot both reopen or both pass the flood cap.
  return db.transaction(
    (tx) => {
      const match = findMatch(db, message, sender?.address ?? '');
      const since = new Date(Date.parse(now) - 3_600_000).toISOString();
      const decision = decideInbound({
        message,
        ownAddresses: config.ownAddresses,
        match,
        replySender: sender ? replySenderOf(db, match, sender.address) : null,
        newIncidentsFromSenderLastHour: sender
          ? inboundMailRepository.countNewIncidentsFromSince(tx, sender.address, since)
          : 0,
        repliesFromSenderLastHour: sender
          ? inboundMailRepository.countRepliesFromSince(tx, sender.address, since)
          : 0,
        repliesToIncidentLastHour: match
          ? inboundMailRepository.countRepliesToSince(tx, match.incident.id, since)
          : 0,
        alreadyReceived:
          message.messageId !== null && inboundMailRepository.wasTakenIn(tx, message.messageId),
        now,
      });
      const log = (outcome: InboundOutcome, reason: string | null, incidentId: number | null) =>
        inboundMailRepository.record(tx, {
          messageId: message.messageId,
          envelopeFrom: message.envelopeFrom,
          fromAddress: sender?.address ?? null,
          subject: message.subject.slice(0, 500),
          outcome,
          reason,
          incidentId,
          size,
          attachmentCount: attachments.length,
          receivedAt: now,
        });
      const keep = (
        incidentId: number,
        inboundMailId: number,
        visibility: Visibility = 'customer',
      ) =>
        attachmentRepository.insertMany(
          tx,
          attachments.map((a) => {
            const tooBig = a.size > config.maxAttachmentBytes;
            return {
              incidentId,
              inboundMailId,
              filename: a.filename,
              contentType: a.contentType,
              size: a.size,
              content: tooBig ? null : a.content,
              skippedReason: tooBig
                ? `Not stored: ${mb(a.size)} is over the ${mb(config.maxAttachmentBytes)} limit.`
                : null,
              visibility,
              createdAt: now,
            };
          }),
        );
      const queue = (drafts: OutboxDraft[]) => outboxRepository.enqueue(tx, drafts, now);
      // A From address is unverified: acknowledgements are capped per address and per hour.
      const acknowledge = (row: Incident) => {
        const drafts = acknowledgementFor(db, row);
        const first = drafts[0];
        if (!first) return;
        const sent = outboxRepository.countTemplateSince(tx, {
          template: first.template,
          toAddress: first.toAddress,
          since,
        });
        const withheld = acknowledgementWithheld({
          toAddressLastHour: sent.toAddress,
          allLastHour: sent.all,
        });
        if (withheld)
          incidentRepository.insertJournal(tx, row.id, [
            acknowledgementWithheldNote(withheld, now),
          ]);
        else queue(drafts);
      };

      const rejected = (reason: string): IntakeResult => {
        log('rejected', reason, null);
        return { outcome: 'rejected', reason, incidentId: null, incidentNumber: null };
      };

      // kb 003: replies on channel-partner tickets are comments by their sender; new mail from an
      // organisation's end user is a ticket for its partner group. Each runs in a savepoint, so a
      // refusal undoes only its own writes and is logged with its reason.
      const partner = partnerRouteOf(db, decision, match, sender?.address ?? null);
      switch (partner.route) {
        case 'refuse':
          return rejected(partner.reason);
        case 'comment': {
          let reply: ReturnType<typeof applyPartnerEmailReply>;
          try {
            reply = applyPartnerEmailReply(db, {
              fromAddress: sender!.address,
              incidentNumber: match!.incident.number,
              text: message.text,
              attachmentCount: attachments.length,
              now,
            });
          } catch (e) {
            return rejected(refusalOf(e));
          }
          const outcome = reply.reopened ? 'reopened' : 'appended';
          keep(reply.incidentId, log(outcome, null, reply.incidentId).id, reply.visibility);
          return {
            outcome,
            reason: null,
            incidentId: reply.incidentId,
            incidentNumber: reply.number,
          };
        }
        case 'new_ticket': {
          let row: ReturnType<typeof submitPartnerTicketFromEmail>;
          try {
            row = submitPartnerTicketFromEmail(db, {
              fromAddress: sender!.address,
              fromName: sender!.name,
              subject: message.subject,
              text: message.text,
              now,
              followUpOf: partner.followUpOf === null ? undefined : { id: partner.followUpOf },
            });
          } catch (e) {
            return rejected(refusalOf(e));
          }
          const outcome = partner.followUpOf === null ? 'created' : 'follow_up';
          keep(row.id, log(outcome, null, row.id).id);
          acknowledge(row);
          return { outcome, reason: null, incidentId: row.id, incidentNumber: row.number };
        }
        case 'help_desk':
          break;
      }

      switch (decision.action) {
        case 'ignore':
          log('ignored', decision.reason, match?.incident.id ?? null);
          return {
            outcome: 'ignored',
            reason: decision.reason,
            incidentId: null,
            incidentNumber: null,
          };
        case 'reject':
          return rejected(decision.reason);
        case 'create':
        case 'follow_up': {
          const customer = customerRepository.findByEmail(db, sender!.address) ?? null;
          const old = decision.action === 'follow_up' ? match!.incident : undefined;
          const claimed = decision.action === 'create' ? decision.claimed : undefined;
          const drafts = receiveEmailIncident({
            message,
            customer,
            ownerTeamId: helpDesk.id,
            serviceId: service.id,
            now,
            followUpOf: old,
            claimed,
          });
          const row = incidentRepository.insertNew(tx, drafts);
          if (old) incidentRepository.insertJournal(tx, old.id, [followUpNote(row.number, now)]);
          const outcome = decision.action === 'create' ? 'created' : 'follow_up';
          const reason = claimed ? `${claimed.reason}: opened as a new incident for review.` : null;
          // Logged before the acknowledgement is queued, so the acknowledgement threads under the customer's message.
          keep(row.id, log(outcome, reason, row.id).id);
          acknowledge(row);
          return { outcome, reason, incidentId: row.id, incidentNumber: row.number };
        }
        case 'staff_note': {
          const incident = incidentRepository.findById(db, decision.incidentId)!;
          let note: ReturnType<typeof receiveStaffEmailReply>;
          try {
            note = receiveStaffEmailReply({ incident, message, actor: decision.actor, now });
          } catch (e) {
            return rejected(refusalOf(e));
          }
          incidentRepository.insertJournal(tx, incident.id, note.journal);
          keep(incident.id, log('appended', null, incident.id).id, 'internal');
          return {
            outcome: 'appended',
            reason: null,
            incidentId: incident.id,
            incidentNumber: incident.number,
          };
        }
        case 'append':
        case 'reopen': {
          const incident = incidentRepository.findById(db, decision.incidentId)!;
          const reply = receiveEmailReply({
            incident,
            message,
            reopen: decision.action === 'reopen',
            now,
          });
          let after: Incident = incident;
          if (reply.audit.length > 0)
            after = incidentRepository.applyUpdate(tx, {
              id: incident.id,
              expectedVersion: incident.version,
              ...reply,
            });
          else incidentRepository.insertJournal(tx, incident.id, reply.journal);
          const outcome = decision.action === 'append' ? 'appended' : 'reopened';
          keep(incident.id, log(outcome, null, incident.id).id);
          const note = reply.journal.find((j) => j.kind === 'email')?.body ?? '';
          queue(noteMailFor(db, { incident: after, note, visibility: 'customer', author: null }));
          return {
            outcome,
            reason: null,
            incidentId: incident.id,
            incidentNumber: incident.number,
          };
        }
      }
    },
    { behavior: 'immediate' },
  );
}
