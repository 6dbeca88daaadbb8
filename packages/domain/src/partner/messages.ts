// Who is told what after each hand-off (kb 003 rules 3, 5 and 7: "Emails between the support
// agents and the requester will automatically let each party know when the next input is needed").
import { type NotificationDraft } from '../change/notification';
import { type OutboxDraft } from '../outbox';
import { type Person } from './schema';

/** The subject of every "it is your turn" message. */
export const inputNeededSubject = (number: string): string => `Your input is needed on [${number}]`;

/** Where the ticket opens in the web app (escalation and return happen only there, kb 003). */
export const ticketPath = (number: string): string => `/incidents/${number}`;

export const firstLine = (text: string): string => {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

/** The same message to each person: one in-app notification and one e-mail apiece. */
export function tell(
  people: readonly Person[],
  message: { template: string; subject: string; body: string },
  incidentId: number | null,
): { notifications: NotificationDraft[]; outbox: OutboxDraft[] } {
  return {
    notifications: people.map((p) => ({ audience: 'user', targetId: p.id, ...message })),
    outbox: people.map((p) => ({
      incidentId,
      template: message.template,
      toAddress: p.email,
      toName: p.name,
      subject: message.subject,
      textBody: message.body,
    })),
  };
}
