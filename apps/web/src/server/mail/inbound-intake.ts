// What a received e-mail does to the database, in one commit per message: the plan loads what the
// domain's inbound rules read (under the write lock, so two messages cannot both reopen or both pass
// the flood cap), one decision per route returns Effects — the incident change, the inbound_mail
// log row (threading index and counters), the attachments and the mail it causes — and the commit
// module applies them all or nothing.
import {
  acknowledgementWithheld,
  acknowledgementWithheldNote,
  decideComment,
  decideInbound,
  decideSubmitTicket,
  DomainError,
  emailIntakeService,
  followUpNote,
  incidentJournal,
  incidentNumberFromSubject,
  inboundMailRef,
  intakeLog,
  mergeEffects,
  newIncidentEffects,
  newIncidentRef,
  partnerMailRoute,
  pickThreadMatch,
  receiveEmailIncident,
  receiveEmailReply,
  receiveStaffEmailReply,
  senderOf,
  submitPartnerTicket,
  teamNames,
  trustReplySender,
  incidentUpdate,
  incidentAudit,
  incidentEvent,
  effects,
  mailFor,
  type Effects,
  type InboundDecision,
  type InboundMatch,
  type InboundMessage,
  type InboundOutcome,
  type Incident,
  type IntakeHeaders,
  type OutboxDraft,
  type PartnerMailRoute,
  type ReplyClaim,
  type ReplySender,
} from '@handoff/domain';
import {
  commit,
  catalogRepository,
  customerRepository,
  inboundMailRepository,
  incidentRepository,
  outboxRepository,
  partnerRepository,
  teamRepository,
  userRepository,
  type CommitResult,
  type Db,
} from '@handoff/db';
import {
  isPartnerEndUser,
  loadPartnerEmailReply,
  loadPartnerTicketFromEmail,
} from '../partner-mail';
import { type MailConfig } from './config';
import { acknowledgementFor, noteMailFor } from './notify';

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

interface IntakeInput {
  message: InboundMessage;
  attachments: InboundAttachment[];
  size: number;
  now: string;
  config: Pick<MailConfig, 'ownAddresses' | 'maxAttachmentBytes'>;
}

/** A channel partner's refusal (kb 003): the message is logged as rejected with it, and nothing else is kept. */
class PartnerRefusal extends Error {}

type Match = InboundMatch & { incident: Incident; claim: ReplyClaim };

/** The incident a message names (the whole row, for the partner route), how, and its last resolution. */
async function findMatch(
  db: Db,
  message: InboundMessage,
  senderAddress: string,
): Promise<Match | null> {
  const number = incidentNumberFromSubject(message.subject);
  let incident: Incident | undefined = number
    ? await incidentRepository.findByNumber(db, number)
    : undefined;
  let claim: ReplyClaim = { via: 'subject' };
  if (!incident) {
    // In-Reply-To names the message answered; References from the newest back.
    const thread = pickThreadMatch(
      await inboundMailRepository.findThreadCandidates(db, [
        ...message.inReplyTo,
        ...[...message.references].reverse(),
      ]),
      senderAddress,
    );
    incident = thread ? await incidentRepository.findById(db, thread.incidentId) : undefined;
    claim = { via: 'thread', knowsSender: thread?.knowsSender ?? false };
  }
  return incident
    ? { incident, claim, resolvedAt: await inboundMailRepository.lastResolvedAt(db, incident.id) }
    : null;
}

/** Who the sender is to a Help Desk incident they named (channel-partner tickets judge their own). */
async function replySenderOf(
  db: Db,
  match: Match | null,
  senderAddress: string,
): Promise<ReplySender | null> {
  if (!match || (await partnerRepository.findScope(db, match.incident.id)).partnerTeamId !== null)
    return null;
  const user = await userRepository.findByEmail(db, senderAddress);
  const { customerId } = match.incident;
  return trustReplySender({
    senderAddress,
    incident: match.incident,
    requesterAddresses: customerId ? await customerRepository.findAddresses(db, customerId) : [],
    staff: (user && (await userRepository.findActorById(db, user.id))) ?? null,
    claim: match.claim,
  });
}

/**
 * A From address is unverified: the acknowledgement of a new incident is capped per address and
 * per hour (issue 13); a withheld one leaves an internal note on the new incident instead.
 */
async function cappedAcknowledgement(
  read: Db,
  drafts: OutboxDraft[],
  { since, now }: { since: string; now: string },
): Promise<{ mail: OutboxDraft[]; journal: Effects['journal'] }> {
  const first = drafts[0];
  if (!first) return { mail: drafts, journal: [] };
  const sent = await outboxRepository.countTemplateSince(read, {
    template: first.template,
    toAddress: first.toAddress,
    since,
  });
  const withheld = acknowledgementWithheld({
    toAddressLastHour: sent.toAddress,
    allLastHour: sent.all,
  });
  return withheld
    ? {
        mail: [],
        journal: incidentJournal(newIncidentRef, [acknowledgementWithheldNote(withheld, now)]),
      }
    : { mail: drafts, journal: [] };
}

/** Whether the message is the channel partners' business (kb 003) or the Help Desk's. */
async function partnerRouteOf(
  db: Db,
  decision: InboundDecision,
  match: { incident: Incident } | null,
  senderAddress: string | null,
): Promise<PartnerMailRoute> {
  if (senderAddress === null || decision.action === 'ignore' || decision.action === 'reject')
    return { route: 'help_desk' };
  const incident =
    match && (await partnerRepository.findScope(db, match.incident.id)).partnerTeamId !== null
      ? match.incident
      : null;
  return partnerMailRoute({
    decision,
    partnerTicket: incident
      ? { incidentId: incident.id, number: incident.number, requesterEmail: incident.callerEmail }
      : null,
    senderAddress,
    senderIsEndUser: decision.action === 'create' && (await isPartnerEndUser(db, senderAddress)),
  });
}

const headersOf = ({ message, attachments, size, now }: IntakeInput): IntakeHeaders => ({
  messageId: message.messageId,
  envelopeFrom: message.envelopeFrom,
  fromAddress: senderOf(message)?.address ?? null,
  subject: message.subject.slice(0, 500),
  size,
  attachmentCount: attachments.length,
  receivedAt: now,
});

/** A partner load + decision; its DomainError is a refusal to log, not a failure. */
async function partnerStep(step: () => Promise<Effects>): Promise<Effects> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof DomainError) throw new PartnerRefusal(e.message);
    throw e;
  }
}

/** The plan of one message: loads under the write lock, then the decision of its route, as Effects. */
async function planIntake(read: Db, input: IntakeInput): Promise<Effects> {
  const { message, attachments, now, config } = input;
  const helpDesk = await teamRepository.findByName(read, teamNames.helpDesk);
  const service = await catalogRepository.findServiceByPath(read, emailIntakeService);
  if (!helpDesk || !service)
    throw new Error(
      `E-mail intake needs the ${teamNames.helpDesk} team and the ${Object.values(emailIntakeService).join(' > ')} service.`,
    );
  const sender = senderOf(message);
  const match = await findMatch(read, message, sender?.address ?? '');
  const since = new Date(Date.parse(now) - 3_600_000).toISOString();
  const decision = decideInbound({
    message,
    ownAddresses: config.ownAddresses,
    match,
    replySender: sender ? await replySenderOf(read, match, sender.address) : null,
    newIncidentsFromSenderLastHour: sender
      ? await inboundMailRepository.countNewIncidentsFromSince(read, sender.address, since)
      : 0,
    repliesFromSenderLastHour: sender
      ? await inboundMailRepository.countRepliesFromSince(read, sender.address, since)
      : 0,
    repliesToIncidentLastHour: match
      ? await inboundMailRepository.countRepliesToSince(read, match.incident.id, since)
      : 0,
    alreadyReceived:
      message.messageId !== null &&
      (await inboundMailRepository.wasTakenIn(read, message.messageId)),
    now,
  });
  const headers = headersOf(input);
  const log = (
    outcome: InboundOutcome,
    rest: Omit<Parameters<typeof intakeLog>[1], 'headers' | 'outcome'> = {},
  ) =>
    intakeLog(now, {
      headers,
      outcome,
      attachments,
      maxAttachmentBytes: config.maxAttachmentBytes,
      ...rest,
    });

  // kb 003: replies on channel-partner tickets are comments by their sender; new mail from an
  // organisation's end user is a ticket for its partner group.
  const partner = await partnerRouteOf(read, decision, match, sender?.address ?? null);
  switch (partner.route) {
    case 'refuse':
      return log('rejected', { reason: partner.reason });
    case 'comment':
      return partnerStep(async () => {
        const { env, comment } = await loadPartnerEmailReply(read, {
          fromAddress: sender!.address,
          incidentNumber: match!.incident.number,
          text: message.text,
          attachmentCount: attachments.length,
          now,
        });
        const step = decideComment(env, comment);
        const reopened =
          env.incident.status === 'resolved' &&
          step.writes.some((w) => w.op === 'update' && w.entity === 'incident' && w.set.status);
        return mergeEffects(
          step,
          log(reopened ? 'reopened' : 'appended', {
            incidentId: env.incident.id,
            visibility: comment.visibility,
          }),
        );
      });
    case 'new_ticket':
      return partnerStep(async () => {
        const facts = await loadPartnerTicketFromEmail(read, {
          fromAddress: sender!.address,
          fromName: sender!.name,
          subject: message.subject,
          text: message.text,
          now,
          followUpOf: partner.followUpOf === null ? null : { id: partner.followUpOf },
        });
        // The requester's acknowledgement reads the new ticket as the submission rules draft it.
        const { incident } = submitPartnerTicket(facts);
        const acknowledgement = await cappedAcknowledgement(
          read,
          await acknowledgementFor(read, { ...incident, number: facts.number }),
          { since, now },
        );
        return mergeEffects(
          decideSubmitTicket({ ...facts, acknowledgement: acknowledgement.mail }),
          { journal: acknowledgement.journal },
          log(partner.followUpOf === null ? 'created' : 'follow_up', {
            incidentId: newIncidentRef,
          }),
        );
      });
    case 'help_desk':
      break;
  }

  switch (decision.action) {
    case 'ignore':
      return log('ignored', {
        reason: decision.reason,
        incidentId: match?.incident.id ?? null,
        attachments: [],
      });
    case 'reject':
      return log('rejected', { reason: decision.reason });
    case 'create':
    case 'follow_up': {
      const customer = (await customerRepository.findByEmail(read, sender!.address)) ?? null;
      const old = decision.action === 'follow_up' ? match!.incident : undefined;
      const claimed = decision.action === 'create' ? decision.claimed : undefined;
      const number = await incidentRepository.reserveNumber(read);
      const drafts = receiveEmailIncident({
        message,
        customer,
        ownerTeamId: helpDesk.id,
        serviceId: service.id,
        now,
        followUpOf: old,
        claimed,
      });
      const ack = await cappedAcknowledgement(
        read,
        await acknowledgementFor(read, { ...drafts.incident, number }),
        { since, now },
      );
      const reason = claimed ? `${claimed.reason}: opened as a new incident for review.` : null;
      return mergeEffects(
        newIncidentEffects(drafts, { number, now, mail: ack.mail }),
        {
          journal: [
            ...ack.journal,
            ...(old ? incidentJournal(old.id, [followUpNote(number, now)]) : []),
          ],
        },
        log(decision.action === 'create' ? 'created' : 'follow_up', {
          incidentId: newIncidentRef,
          reason,
        }),
      );
    }
    case 'staff_note': {
      // Staff mail is an internal note by them; it never reopens (issue 13).
      const incident = (await incidentRepository.findById(read, decision.incidentId))!;
      let note: ReturnType<typeof receiveStaffEmailReply>;
      try {
        note = receiveStaffEmailReply({ incident, message, actor: decision.actor, now });
      } catch (e) {
        if (e instanceof DomainError) return log('rejected', { reason: e.message });
        throw e;
      }
      return mergeEffects(
        effects(now, {
          journal: incidentJournal(incident.id, note.journal),
          events: [incidentEvent(incident.id, 'email_staff_note', decision.actor.id, incident)],
        }),
        log('appended', { incidentId: incident.id, visibility: 'internal' }),
      );
    }
    case 'append':
    case 'reopen': {
      const incident = (await incidentRepository.findById(read, decision.incidentId))!;
      const reply = receiveEmailReply({
        incident,
        message,
        reopen: decision.action === 'reopen',
        now,
      });
      const after = reply.audit.length > 0 ? { ...incident, ...reply.changes } : incident;
      const note = reply.journal.find((j) => j.kind === 'email')?.body ?? '';
      return mergeEffects(
        effects(now, {
          writes:
            reply.audit.length > 0
              ? [incidentUpdate(incident, reply.changes, incident.version)]
              : [],
          journal: incidentJournal(incident.id, reply.journal),
          audit: incidentAudit(incident.id, reply.audit),
          outbox: mailFor(
            incident.id,
            await noteMailFor(read, {
              incident: after,
              note,
              visibility: 'customer',
              author: null,
            }),
          ),
          events: [
            incidentEvent(
              incident.id,
              decision.action === 'append' ? 'email_appended' : 'email_reopened',
              null,
              incident,
              reply.changes,
            ),
          ],
        }),
        log(decision.action === 'append' ? 'appended' : 'reopened', { incidentId: incident.id }),
      );
    }
  }
}

async function resultOf(db: Db, committed: CommitResult): Promise<IntakeResult> {
  const logged = committed.row('inboundMail', inboundMailRef);
  const incidentId = logged.outcome === 'ignored' ? null : logged.incidentId;
  return {
    outcome: logged.outcome,
    reason: logged.reason,
    incidentId,
    incidentNumber:
      incidentId === null
        ? null
        : ((await incidentRepository.findById(db, incidentId))?.number ?? null),
  };
}

/**
 * Takes in one parsed message: one commit, or — when a channel partner's rules refuse it — a
 * commit of the rejected log row alone (the refusal came before anything was written). Throws
 * only on a setup or database error (the listener answers 451).
 */
export async function receiveInbound(db: Db, input: IntakeInput): Promise<IntakeResult> {
  let committed: CommitResult;
  try {
    committed = await commit(db, (read) => planIntake(read, input));
  } catch (e) {
    if (!(e instanceof PartnerRefusal)) throw e;
    committed = await commit(
      db,
      intakeLog(input.now, { headers: headersOf(input), outcome: 'rejected', reason: e.message }),
    );
  }
  return resultOf(db, committed);
}
