import './zod-config';
import { z } from 'zod';

/**
 * An e-mail to queue, as data: the domain decides who is told what; the db writes it to the outbox in
 * the same transaction as the change that caused it; the delivery worker sends it.
 */
export const outboxDraftSchema = z.object({
  incidentId: z.number().int().nullable(),
  /** Template key, e.g. `resolved-attached`, `customer-note`, `team-assigned`. */
  template: z.string().min(1),
  toAddress: z.email(),
  toName: z.string().nullable(),
  subject: z.string().min(1),
  textBody: z.string(),
  /** False only for messages a person wrote; notifications are auto-generated. */
  autoSubmitted: z.boolean().default(true),
});
export type OutboxDraft = z.input<typeof outboxDraftSchema>;
