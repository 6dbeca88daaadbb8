import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The durable change feed: one row per change event, appended by the commit module in the same
 * transaction as the change. On PostgreSQL identity ids are handed out before commit, so id order
 * is commit order only because the commit module takes a transaction-level advisory lock just
 * before it inserts change events (pg/commit.ts says why): a consumer resumes after the last id it saw. Rows are pruned by age
 * (CHANGE_RETENTION_DAYS). No foreign keys: the feed outlives what it describes.
 */
export const changeEvents = pgTable(
  'change_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    kind: text('kind').notNull(),
    teamIds: jsonb('team_ids').$type<number[]>().notNull(),
    userIds: jsonb('user_ids').$type<number[]>().notNull(),
    actorId: integer('actor_id'),
    at: text('at').notNull(),
  },
  (t) => [
    index('change_events_at_idx').on(t.at),
    index('change_events_entity_idx').on(t.entity, t.entityId, t.id),
  ],
);
