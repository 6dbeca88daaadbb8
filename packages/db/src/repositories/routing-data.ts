import { asc, eq, sql } from 'drizzle-orm';
import {
  demoGeneralHdHours,
  type CalendarContext,
  type Desk,
  type RoutingContext,
} from '@handoff/domain';
import { type Reader } from '../client';
import { type departments } from '../schema';
import { type Tx } from './incident';
import { first, prepared, tablesOf } from '../reader';

// Routing and every SLA clock read these on each create and one-step: prepared once per connection.
const departmentsOnEither = prepared('routing_departments', (db, { departments }) =>
  db.select().from(departments).orderBy(asc(departments.name)),
);
const holidaysOnEither = prepared('routing_holidays', (db, { holidays }) =>
  db.select().from(holidays).orderBy(asc(holidays.date)),
);
const hoursOnEither = prepared('routing_hours', (db, { openingHours }) =>
  db
    .select({
      weekday: openingHours.weekday,
      opens: openingHours.opens,
      closes: openingHours.closes,
    })
    .from(openingHours)
    .where(eq(openingHours.desk, sql.placeholder('desk')))
    .orderBy(asc(openingHours.weekday)),
);

/** Every department (the contract list and the others), by name. */
export const findDepartmentsSync = (db: Reader | Tx) => departmentsOnEither(db).all();
export const findDepartments = async (db: Reader | Tx) => departmentsOnEither(db).execute();

/** The university holidays, in date order. */
export const findHolidaysSync = (db: Reader | Tx) => holidaysOnEither(db).all();
export const findHolidays = async (db: Reader | Tx) => holidaysOnEither(db).execute();

/** A desk's weekly opening hours, Monday first; a weekday without a row is closed. */
export const findHoursSync = (db: Reader | Tx, desk: Desk) => hoursOnEither(db).all({ desk });
export const findHours = async (db: Reader | Tx, desk: Desk) => hoursOnEither(db).execute({ desk });

/** The HD leadership contacts kb 001 says to reach when unsure, in the order the admin set. */
export async function findLeadership(db: Reader | Tx) {
  const { leadershipContacts } = tablesOf(db);
  return db
    .select()
    .from(leadershipContacts)
    .orderBy(asc(leadershipContacts.position), asc(leadershipContacts.id));
}

/** The calendar of a desk as administrators keep it: the holidays and its weekly hours. */
export const calendarOfSync = (db: Reader | Tx, desk: Desk = 'cps'): CalendarContext => ({
  holidays: findHolidaysSync(db).map((h) => h.date),
  hours: findHoursSync(db, desk),
});
export const calendarOf = async (
  db: Reader | Tx,
  desk: Desk = 'cps',
): Promise<CalendarContext> => ({
  holidays: (await findHolidays(db)).map((h) => h.date),
  hours: await findHours(db, desk),
});

/**
 * What routing reads besides the contact's facts, from the data administrators keep: CPS's calendar,
 * the General Help Desk's (kb 001's "CPS closed, but General Help Desk open"; a database without its
 * hours rows runs on the shipped demo hours, as the SLA clocks do) and the departments.
 */
export const routingContextSync = (db: Reader | Tx): RoutingContext =>
  routingContextOf(calendarOfSync(db), calendarOfSync(db, 'general_hd'), findDepartmentsSync(db));
export const routingContext = async (db: Reader | Tx): Promise<RoutingContext> =>
  routingContextOf(
    await calendarOf(db),
    await calendarOf(db, 'general_hd'),
    await findDepartments(db),
  );

function routingContextOf(
  cps: CalendarContext,
  generalHd: CalendarContext,
  found: (typeof departments.$inferSelect)[],
): RoutingContext {
  return {
    calendar: cps,
    generalHdCalendar: {
      ...generalHd,
      hours: generalHd.hours?.length ? generalHd.hours : demoGeneralHdHours,
    },
    departments: found.map((d) => ({
      name: d.name,
      shortName: d.shortName,
      contractPartner: d.contractPartner,
    })),
  };
}

/** One holiday by its date, or undefined. */
export async function findHoliday(db: Reader | Tx, date: string) {
  const { holidays } = tablesOf(db);
  return first(db.select().from(holidays).where(eq(holidays.date, date)).limit(1));
}

/** One HD leadership contact, or undefined (also for no id: a new contact). */
export async function findLeadershipContact(db: Reader | Tx, id: number | undefined) {
  if (id === undefined) return undefined;
  const { leadershipContacts } = tablesOf(db);
  return first(db.select().from(leadershipContacts).where(eq(leadershipContacts.id, id)).limit(1));
}
