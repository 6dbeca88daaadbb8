import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { desks } from '@handoff/domain';

/** University holidays (kb 000/001): CPS is closed on them; administrators keep the list. */
export const holidays = pgTable('holidays', {
  /** ISO local date, America/Chicago. */
  date: text('date').primaryKey(),
  name: text('name').notNull(),
});

/** The weekly opening hours of CPS and of the General Help Desk (kb 001); a missing weekday is closed. */
export const openingHours = pgTable(
  'opening_hours',
  {
    desk: text('desk', { enum: desks }).notNull(),
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    /** Local "HH:mm", America/Chicago; `closes` may be "24:00". */
    opens: text('opens').notNull(),
    closes: text('closes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.desk, t.weekday] })],
);

/** The HD leadership contacts kb 001 says to reach when an agent is unsure. */
export const leadershipContacts = pgTable('leadership_contacts', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  /** How to reach them: Teams handle, phone or e-mail, as the help desk writes it. */
  contact: text('contact').notNull(),
  position: integer('position').notNull().default(0),
});

/** Who changed administrator-kept routing data (departments, holidays, hours, leadership), when, and what. */
export const adminAudit = pgTable(
  'admin_audit',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    actorId: integer('actor_id').notNull(),
    /** What was edited: `department`, `holiday`, `opening_hours`, `leadership`. */
    entity: text('entity').notNull(),
    /** Which one: a department id, a date, a desk, a contact id. */
    entityKey: text('entity_key').notNull(),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    at: text('at').notNull(),
  },
  (t) => [index('admin_audit_entity_idx').on(t.entity, t.entityKey)],
);
