import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { incidents } from './incidents';
import { users } from './people';

/** The AIMS and GDS on-call schedules: who L1 pages for a critical after-hours stoppage (kb 001). */
export const oncallContacts = pgTable(
  'oncall_contacts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schedule: text('schedule', { enum: ['aims', 'gds'] }).notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    /** Lower comes first: the order L1 calls them in. */
    position: integer('position').notNull().default(0),
  },
  (t) => [index('oncall_schedule_idx').on(t.schedule, t.position)],
);

/** A chat consult to CPS or ES (kb 000, 002): deadlines are stored here, not kept in a browser. */
export const consultRequests = pgTable(
  'consult_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    team: text('team', { enum: ['cps', 'es'] }).notNull(),
    status: text('status', { enum: ['open', 'accepted', 'cancelled', 'expired'] }).notNull(),
    openedById: integer('opened_by_id').references(() => users.id),
    openedAt: text('opened_at').notNull(),
    busyPromptAt: text('busy_prompt_at').notNull(),
    assignPromptAt: text('assign_prompt_at'),
    acceptedById: integer('accepted_by_id').references(() => users.id),
    acceptedAt: text('accepted_at'),
  },
  (t) => [
    index('consult_team_status_idx').on(t.team, t.status, t.id),
    index('consult_incident_idx').on(t.incidentId),
  ],
);

/** Notifications queued by one-steps (in-app now; a later capability delivers them by e-mail). */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    audience: text('audience', { enum: ['team', 'user', 'customer'] }).notNull(),
    targetId: integer('target_id'),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_target_idx').on(t.audience, t.targetId, t.id)],
);
