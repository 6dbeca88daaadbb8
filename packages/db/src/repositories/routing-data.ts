import { asc, eq, sql } from 'drizzle-orm';
import {
  demoGeneralHdHours,
  type CalendarContext,
  type Desk,
  type RoutingContext,
} from '@handoff/domain';
import { type Db } from '../client';
import { departments, holidays, leadershipContacts, openingHours } from '../schema';
import { type Tx } from './incident';
import { perConnection } from '../prepared';

// Routing and every SLA clock read these on each create and one-step: prepared once per connection.
const statements = perConnection((db: Db | Tx) => ({
  departments: db.select().from(departments).orderBy(asc(departments.name)).prepare(),
  holidays: db.select().from(holidays).orderBy(asc(holidays.date)).prepare(),
  hours: db
    .select({
      weekday: openingHours.weekday,
      opens: openingHours.opens,
      closes: openingHours.closes,
    })
    .from(openingHours)
    .where(eq(openingHours.desk, sql.placeholder('desk')))
    .orderBy(asc(openingHours.weekday))
    .prepare(),
}));

/** Every department (the contract list and the others), by name. */
export const findDepartments = (db: Db | Tx) => statements(db).departments.all();

/** The university holidays, in date order. */
export const findHolidays = (db: Db | Tx) => statements(db).holidays.all();

/** A desk's weekly opening hours, Monday first; a weekday without a row is closed. */
export const findHours = (db: Db | Tx, desk: Desk) => statements(db).hours.all({ desk });

/** The HD leadership contacts kb 001 says to reach when unsure, in the order the admin set. */
export const findLeadership = (db: Db | Tx) =>
  db
    .select()
    .from(leadershipContacts)
    .orderBy(asc(leadershipContacts.position), asc(leadershipContacts.id))
    .all();

/** The calendar of a desk as administrators keep it: the holidays and its weekly hours. */
export const calendarOf = (db: Db | Tx, desk: Desk = 'cps'): CalendarContext => ({
  holidays: findHolidays(db).map((h) => h.date),
  hours: findHours(db, desk),
});

/**
 * What routing reads besides the contact's facts, from the data administrators keep: CPS's calendar,
 * the General Help Desk's (kb 001's "CPS closed, but General Help Desk open"; a database without its
 * hours rows runs on the shipped demo hours, as the SLA clocks do) and the departments.
 */
export function routingContext(db: Db | Tx): RoutingContext {
  const generalHd = calendarOf(db, 'general_hd');
  return {
    calendar: calendarOf(db),
    generalHdCalendar: {
      ...generalHd,
      hours: generalHd.hours?.length ? generalHd.hours : demoGeneralHdHours,
    },
    departments: findDepartments(db).map((d) => ({
      name: d.name,
      shortName: d.shortName,
      contractPartner: d.contractPartner,
    })),
  };
}

/** One holiday by its date, or undefined. */
export const findHoliday = (db: Db | Tx, date: string) =>
  db.select().from(holidays).where(eq(holidays.date, date)).get();

/** One HD leadership contact, or undefined (also for no id: a new contact). */
export const findLeadershipContact = (db: Db | Tx, id: number | undefined) =>
  id === undefined
    ? undefined
    : db.select().from(leadershipContacts).where(eq(leadershipContacts.id, id)).get();
