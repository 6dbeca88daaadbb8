// Rows of the seeded demo world found by a stable natural key (team name, service name, customer
// NetID, login e-mail, on-call name, incident description, problem title), for the tests that
// genuinely need the whole demo world (the kb routing policy, CPS hours, on-call schedules).
// Never by insertion order: a new demo row must not move another test's ids or numbers.
// On PostgreSQL the test database is a clone of the seeded SQLite demo (the move keeps every id and
// number), so its keys are read, synchronously, from that seed: the demo rows as seeded.
import { and, eq, type SQL } from 'drizzle-orm';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Db, type Reader } from '../client';
import { engineOf } from '../reader';
import {
  customers,
  incidents,
  oncallContacts,
  organisations,
  problems,
  services,
  teams,
  users,
} from '../schema';

const seededFrom = new WeakMap<Reader, Db>();

/** Says which seeded SQLite database a PostgreSQL test database was cloned from. */
export function registerSeedSource(db: Reader, seed: Db): void {
  seededFrom.set(db, seed);
}

function seedOf(db: Reader): Db {
  if (engineOf(db) === 'sqlite') return db;
  const seed = seededFrom.get(db);
  if (!seed)
    throw new Error(
      'demoKeys on PostgreSQL reads the SQLite seed the database was cloned from: open it with useSeededDbs().',
    );
  return seed;
}

/** The one row `where` matches; a missing or ambiguous key is a broken test, said plainly. */
function one<T extends SQLiteTable>(db: Db, table: T, where: SQL | undefined, what: string) {
  const rows = db
    .select()
    .from(table as SQLiteTable)
    .where(where)
    .all() as T['$inferSelect'][];
  if (rows.length !== 1)
    throw new Error(`Demo data: ${rows.length === 0 ? 'no' : 'more than one'} ${what}.`);
  return rows[0]!;
}

/** Lookups of the seeded demo rows by natural key; each returns the whole row or throws. */
export function demoKeys(reader: Reader) {
  const db = seedOf(reader);
  return {
    team: (name: string) => one(db, teams, eq(teams.name, name), `team "${name}"`),
    /** A service by name, and subcategory where two catalog entries share the name. */
    service: (name: string, subcategory?: string) =>
      one(
        db,
        services,
        subcategory === undefined
          ? eq(services.name, name)
          : and(eq(services.name, name), eq(services.subcategory, subcategory)),
        `service "${name}${subcategory ? ` > ${subcategory}` : ''}"`,
      ),
    customer: (netId: string) =>
      one(db, customers, eq(customers.netId, netId), `customer with NetID "${netId}"`),
    user: (email: string) => one(db, users, eq(users.email, email), `login "${email}"`),
    oncall: (name: string) =>
      one(db, oncallContacts, eq(oncallContacts.name, name), `on-call contact "${name}"`),
    organisation: (name: string) =>
      one(db, organisations, eq(organisations.name, name), `organisation "${name}"`),
    /** A seeded incident by its description (the demo's incidents each tell a different story). */
    incident: (description: string) =>
      one(
        db,
        incidents,
        eq(incidents.description, description),
        `incident "${description.slice(0, 40)}"`,
      ),
    problem: (title: string) => one(db, problems, eq(problems.title, title), `problem "${title}"`),
  };
}

export type DemoKeys = ReturnType<typeof demoKeys>;
