import { DomainError } from '../errors';
import { type PartnerScope } from '../incident/access';
import { addNote } from '../incident/add-note';
import { type NewAuditEntry, type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { type NotificationDraft } from '../change/notification';
import { diffIncident } from '../incident/changes';
import { type Actor } from '../roles';

const firstLine = (text: string): string => {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

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
