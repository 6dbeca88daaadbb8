import { effects, mailFor, type Effects } from '../change/effects';
import { firstLine } from '../change/text';
import { DomainError } from '../errors';
import {
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
} from '../incident/entity';
import { type OutboxDraft } from '../outbox';
import { type PartnerScope } from '../incident/access';
import { addNote } from '../incident/add-note';
import { type NewAuditEntry, type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { type NotificationDraft } from '../change/notification';
import { diffIncident } from '../incident/changes';
import { type Actor } from '../roles';

/**
 * A customer adds a note in Help Online. kb 000: "For notes added to an existing call, you may need
 * to forward the incident … again" — so the owning team (and the agent who owns it) is notified
 * every time (the e-mail to the team is the mail capability's noteMailFor). A note on a case waiting for the customer is
 * their answer: the case goes back to the team (a Primary TP case back into review, kb 004).
 */
export function addCustomerNote({
  incident,
  actor,
  partnerScope,
  body,
  peopleAffected,
  ownerTeamName,
  now,
}: {
  incident: Incident;
  actor: Actor;
  /** The incident's channel-partner group, for the read rule (see canReadIncident). */
  partnerScope: PartnerScope;
  body: string;
  peopleAffected?: number;
  ownerTeamName: string;
  now: string;
}): {
  changes: Partial<Incident>;
  audit: NewAuditEntry[];
  journal: NewJournalEntry[];
  notifications: NotificationDraft[];
  answered: boolean;
} {
  if (actor.role !== 'customer')
    throw new DomainError('FORBIDDEN', 'Only customers add notes from Help Online.');
  const { journal } = addNote({ incident, body, visibility: 'customer', actor, partnerScope, now });
  const answered = incident.status === 'pending_customer';
  const desired: Partial<Incident> = {};
  if (answered) {
    desired.status = incident.ownerAgentId === null ? 'assigned' : 'in_progress';
    if (incident.tpTriage === 'info_requested') desired.tpTriage = 'review';
  }
  if (peopleAffected !== undefined) desired.peopleAffected = peopleAffected;
  const diff = diffIncident({ incident, actor, now }, desired);
  const { changes, audit } = diff.audit.length > 0 ? diff : { changes: {}, audit: [] };

  if (answered) {
    const back =
      incident.tpTriage === 'info_requested'
        ? 'back in Primary TP review'
        : `back with ${ownerTeamName}`;
    journal.push({
      kind: 'system',
      visibility: 'internal',
      body: `The customer answered the request for more information; the case is ${back}.`,
      authorId: actor.id,
      data: null,
      createdAt: now,
    });
  }
  const subject = `${incident.number}: ${actor.name} added a note${answered ? ' (answer to your question)' : ''}`;
  const text = firstLine(body);
  const notifications: NotificationDraft[] = [
    {
      audience: 'team',
      targetId: incident.ownerTeamId,
      template: 'customer-note',
      subject,
      body: text,
    },
  ];
  if (incident.ownerAgentId !== null) {
    notifications.push({
      audience: 'user',
      targetId: incident.ownerAgentId,
      template: 'customer-note',
      subject,
      body: text,
    });
  }
  // The team's e-mail is the mail capability's (noteMailFor), so every path to a customer note agrees.
  return { changes, audit, journal, notifications, answered };
}

/**
 * The customer's note as one commit: the journal entry, any change it makes (version + 1, audited,
 * only when a field changes), the owning team's notifications, their e-mails and the change event.
 */
export function customerNoteEffects(
  args: Parameters<typeof addCustomerNote>[0] & { mail: readonly OutboxDraft[] },
): Effects & { answered: boolean } {
  const { incident, actor, now } = args;
  const r = addCustomerNote(args);
  const changed = r.audit.length > 0;
  const e = effects(now, {
    writes: changed ? [incidentUpdate(incident, r.changes, incident.version)] : [],
    journal: incidentJournal(incident.id, r.journal),
    audit: incidentAudit(incident.id, r.audit),
    notifications: incidentNotifications(incident.id, r.notifications),
    outbox: mailFor(incident.id, args.mail),
    events: [incidentEvent(incident.id, 'customer_note', actor.id, incident, r.changes)],
  });
  return { ...e, answered: r.answered };
}
