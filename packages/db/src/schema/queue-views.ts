import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './people';

/** A user's saved queue views (issue 15): a name and the grid's sort, filters and columns as JSON. */
export const queueViews = sqliteTable(
  'queue_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    settings: text('settings', { mode: 'json' }).$type<unknown>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('queue_views_user_idx').on(t.userId, t.name)],
);
