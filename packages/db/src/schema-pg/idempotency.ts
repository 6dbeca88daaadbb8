import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';

/**
 * Idempotency keys of creates (issue 13 item 10): written in the same commit as the incident they
 * created, so a client's retry with the same key finds it and creates nothing. One key per actor
 * and operation (the primary key); expired keys are pruned.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorId: integer('actor_id').notNull(),
    /** Which create: `incident.create`, `case.create`, `partner.submit`. */
    operation: text('operation').notNull(),
    /** The client-generated UUID. */
    key: text('key').notNull(),
    /** SHA-256 of the request (without the key): the same key with another payload is refused. */
    fingerprint: text('fingerprint').notNull(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.operation, t.key] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);
