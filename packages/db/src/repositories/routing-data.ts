import { asc, eq, sql } from 'drizzle-orm';
import {
  demoGeneralHdHours,
  type CalendarContext,
  type Desk,
  type RoutingContext,
} from '@handoff/domain';
import { type Reader } from '../client';
import { departments, holidays, leadershipContacts, openingHours } from '../schema';
import { type Tx } from './incident';
import { perConnection } from '../prepared';

// Routing and every SLA clock read these on each create and one-step: prepared once per connection.
const statements = perConnection((db: Reader | Tx) => ({
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
export const findDepartmentsSync = (db: Reader | Tx) => statements(db).departments.all();
export const findDepartments = async (db: Reader | Tx) => findDepartmentsSync(db);

/** The university holidays, in date order. */
export const findHolidaysSync = (db: Reader | Tx) => statements(db).holidays.all();
export const findHolidays = async (db: Reader | Tx) => findHolidaysSync(db);

/** A desk's weekly opening hours, Monday first; a weekday without a row is closed. */
export const findHoursSync = (db: Reader | Tx, desk: Desk) => statements(db).hours.all({ desk });
export const findHours = async (db: Reader | Tx, desk: Desk) => findHoursSync(db, desk);

/** The HD leadership contacts kb 001 says to reach when unsure, in the order the admin set. */
export const findLeadership = async (db: Reader | Tx) =>
  db
    .select()
    .from(leadershipContacts)
    .orderBy(asc(leadershipContacts.position), asc(leadershipContacts.id))
    .all();

/** The calendar of a desk as administrators keep it: the holidays and its weekly hours. */
export const calendarOfSync = (db: Reader | Tx, desk: Desk = 'cps'): CalendarContext => ({
  holidays: findHolidaysSync(db).map((h) => h.date),
  hours: findHoursSync(db, desk),
});
export const calendarOf = async (db: Reader | Tx, desk: Desk = 'cps'): Promise<CalendarContext> =>
  calendarOfSync(db, desk);

/**
 * What routing reads besides the contact's facts, from the data administrators keep: CPS's calendar,
 * the General Help Desk's (kb 001's "CPS closed, but General Help Desk open"; a database without its
 * hours rows runs on the shipped demo hours, as the SLA clocks do) and the departments.
 */
export function routingContextSync(db: Reader | Tx): RoutingContext {
  const generalHd = calendarOfSync(db, 'general_hd');
  return {
    calendar: calendarOfSync(db),
    generalHdCalendar: {
      ...generalHd,
      hours: generalHd.hours?.length ? generalHd.hours : demoGeneralHdHours,
    },
    departments: findDepartmentsSync(db).map((d) => ({
      name: d.name,
      shortName: d.shortName,
      contractPartner: d.contractPartner,
    })),
  };
}
export const routingContext = async (db: Reader | Tx): Promise<RoutingContext> =>
  routingContextSync(db);

/** One holiday by its date, or undefined. */
export const findHoliday = async (db: Reader | Tx, date: string) =>
  db.select().from(holidays).where(eq(holidays.date, date)).get();

/** One HD leadership contact, or undefined (also for no id: a new contact). */
export const findLeadershipContact = async (db: Reader | Tx, id: number | undefined) =>
  id === undefined
    ? undefined
    : db.select().from(leadershipContacts).where(eq(leadershipContacts.id, id)).get();
