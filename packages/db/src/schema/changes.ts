import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The durable change feed: one row per change event, appended by the commit module in the same
 * transaction as the change. AUTOINCREMENT ids never repeat and SQLite has one writer at a time, so
 * id order is commit order: a consumer resumes after the last id it saw. Rows are pruned by age
 * (CHANGE_RETENTION_DAYS). No foreign keys: the feed outlives what it describes.
 */
export const changeEvents = sqliteTable(
  'change_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    kind: text('kind').notNull(),
    teamIds: text('team_ids', { mode: 'json' }).$type<number[]>().notNull(),
    userIds: text('user_ids', { mode: 'json' }).$type<number[]>().notNull(),
    actorId: integer('actor_id'),
    at: text('at').notNull(),
  },
  (t) => [
    index('change_events_at_idx').on(t.at),
    index('change_events_entity_idx').on(t.entity, t.entityId, t.id),
  ],
);
