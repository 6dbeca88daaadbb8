import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { bytea } from './bytea';
import {
  inboundOutcomes,
  mailTemplateKeys,
  visibilities,
  type InboundOutcome,
} from '@handoff/domain';
import { incidents } from './incidents';
import { users } from './people';

export { inboundOutcomes, type InboundOutcome };

/**
 * Every message the SMTP listener received and what became of it: the threading index for replies
 * (Message-ID → incident), the flood counter per sender, and the counters on the admin Mail page.
 * Bodies live on the journal; ignored and rejected mail keeps its headers only.
 */
export const inboundMail = pgTable(
  'inbound_mail',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    messageId: text('message_id'),
    envelopeFrom: text('envelope_from').notNull(),
    fromAddress: text('from_address'),
    subject: text('subject').notNull(),
    outcome: text('outcome', { enum: inboundOutcomes }).notNull(),
    /** For ignored mail one of the domain's ignore reasons; for rejected mail the reason given to the sender. */
    reason: text('reason'),
    incidentId: integer('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    size: integer('size').notNull(),
    attachmentCount: integer('attachment_count').notNull().default(0),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [
    index('inbound_mail_message_id_idx').on(t.messageId),
    index('inbound_mail_sender_idx').on(t.fromAddress, t.outcome, t.receivedAt),
    index('inbound_mail_incident_idx').on(t.incidentId),
    index('inbound_mail_outcome_idx').on(t.outcome, t.reason),
  ],
);

/** An admin's version of a notification template; a key without a row uses the shipped default. */
export const mailTemplates = pgTable('mail_templates', {
  key: text('key', { enum: mailTemplateKeys }).primaryKey(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedById: integer('updated_by_id').references(() => users.id),
});

/** Files that came with an e-mail, listed on the incident; too-large ones are listed without content. */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    inboundMailId: integer('inbound_mail_id').references(() => inboundMail.id, {
      onDelete: 'set null',
    }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content'),
    /** Why the content was not kept (e.g. over the size limit); null when it was. */
    skippedReason: text('skipped_reason'),
    /**
     * `internal`: it came with an agent's private e-mail reply (a Tier 2 agent's, say), so the
     * requester never sees it; `customer`: everyone who reads the incident does.
     */
    visibility: text('visibility', { enum: visibilities }).notNull().default('customer'),
    /** Who uploaded it in Help Online; null for files that came by e-mail. */
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attachments_incident_idx').on(t.incidentId, t.id)],
);
