import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';

/**
 * Every e-mail Handoff sends is first a row here, written in the same transaction as the change
 * that caused it; a delivery worker sends it later. The stable Message-ID makes a resend after a
 * crash the same message, so at-least-once delivery never duplicates in the customer's mailbox.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    /** What caused it (template key), e.g. `resolved-attached`, `customer-note`. */
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    messageId: text('message_id').notNull().unique(),
    inReplyTo: text('in_reply_to'),
    references: text('references'),
    /** Notifications carry `Auto-Submitted: auto-generated`. */
    autoSubmitted: boolean('auto_submitted').notNull().default(true),
    status: text('status', { enum: ['held', 'pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_incident_idx').on(t.incidentId, t.id),
    // The hourly acknowledgement caps count one template's recent rows.
    index('outbox_template_created_idx').on(t.template, t.createdAt),
  ],
);

/** Named settings an admin can change (thresholds and the like), stored as JSON values. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: text('updated_at').notNull(),
});
