import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';
import { users } from './people';

/**
 * Who has an incident page open right now (issue 17 collision warnings): one row per open live
 * connection, written through the commit module with an `incidentViewer` change event. The server
 * holding the connection refreshes `expires_at`; a row past it belongs to a process that died and
 * is swept by any process.
 */
export const incidentViewers = pgTable(
  'incident_viewers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    connectionId: text('connection_id').notNull().unique(),
    editing: boolean('editing').notNull().default(false),
    openedAt: text('opened_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [
    index('incident_viewers_incident_idx').on(t.incidentId),
    index('incident_viewers_expires_idx').on(t.expiresAt),
  ],
);

/** Who follows which incident (issue 17): they hear of changes to it as owners and creators do. */
export const incidentFollowers = pgTable(
  'incident_followers',
  {
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    since: text('since').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.incidentId] }),
    index('incident_followers_incident_idx').on(t.incidentId),
  ],
);
