// The outbox (table outbox) as the commit kernel knows it: the kernel's `outbox` effect queues a
// message with the change that caused it; the delivery worker's claim and outcome, holding and an
// admin's requeue are conditional updates of it (mail/delivery-writes.ts).
export const outboxStatuses = ['held', 'pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export interface OutboxRow {
  id: number;
  incidentId: number | null;
  template: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  textBody: string;
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
  autoSubmitted: boolean;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

declare module '../change/entities' {
  interface Entities {
    outbox: {
      row: OutboxRow;
      insert: Omit<OutboxRow, 'id' | 'sentAt' | 'lastError'> & {
        sentAt?: string | null;
        lastError?: string | null;
      };
    };
  }
}
