import { DomainError } from '../errors';
import { type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { type ChatTemplateId, chatTemplates } from '../routing/chat';

/** kb 000 "Bomgar Chats": the chat template sent to the customer, copied into the customer-visible journal. */
export function sendChatTemplate({
  incident,
  templateId,
  actor,
  now,
}: {
  incident: Incident;
  templateId: ChatTemplateId;
  actor: Actor;
  now: string;
}): { journal: NewJournalEntry[] } {
  assertCan(actor, 'consult.open');
  if (incident.status === 'closed') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is closed; reopen it before writing to the customer.`,
    );
  }
  const template = chatTemplates[templateId];
  return {
    journal: [
      {
        kind: 'note',
        visibility: 'customer',
        body: template.text,
        authorId: actor.id,
        data: { chatTemplate: template.id, name: template.name },
        createdAt: now,
      },
    ],
  };
}
