import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './people';

/** A user's saved queue views (issue 15): a name and the grid's sort, filters and columns as JSON. */
export const queueViews = pgTable(
  'queue_views',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    settings: jsonb('settings').$type<unknown>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('queue_views_user_idx').on(t.userId, t.name)],
);
