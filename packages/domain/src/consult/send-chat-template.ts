import { DomainError } from '../errors';
import { type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { type ChatTemplateId, chatTemplates, chatTemplatesFor } from '../routing/chat-templates';
import { consultTeamNames } from './schema';

/** kb 000 "Bomgar Chats": the chat template sent to the customer, copied into the customer-visible journal. */
export function sendChatTemplate({
  incident,
  templateId,
  actor,
  now,
  consultTeam,
}: {
  incident: Incident;
  templateId: ChatTemplateId;
  /** The team whose chat channel was consulted, when one was: its templates only (kb 000, 002). */
  consultTeam?: 'cps' | 'es';
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
  if (consultTeam) {
    const offered = chatTemplatesFor(consultTeam);
    if (![...offered.opening, offered.busy].includes(templateId)) {
      throw new DomainError(
        'VALIDATION',
        `${chatTemplates[templateId].name} is not a template for this chat: it was consulted with the ${consultTeamNames[consultTeam]} channel.`,
        { templateId: 'Choose one of this chat’s templates' },
      );
    }
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
