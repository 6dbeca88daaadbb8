import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, type AssignableAgent, type Role } from '@handoff/domain';
import { type Db } from '../client';
import { customers, teamMembers, teams, users } from '../schema';
import { perConnection } from '../prepared';

export const findByEmail = (db: Db, email: string) =>
  db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();

export const findById = (db: Db, id: number) =>
  db.select().from(users).where(eq(users.id, id)).get();

export const findTeams = (db: Db, userId: number) =>
  db
    .select({ id: teams.id, name: teams.name, kind: teams.kind })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(teams.id)
    .all();

/** The actor a session stands for, read fresh so a changed role or membership applies at once. */
export function findActorById(db: Db, id: number): Actor | undefined {
  const user = findById(db, id);
  // A deactivated login stands for nobody, whatever its session says.
  if (!user || user.deactivatedAt !== null) return undefined;
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    teamIds: findTeams(db, id).map((t) => t.id),
  };
}

/** Logins of the given roles, by name (e.g. the partner agents an admin can put in a group). */
export const findByRoles = (db: Db, roles: Role[]) =>
  roles.length === 0
    ? []
    : db
        .select({ id: users.id, name: users.name, email: users.email, role: users.role })
        .from(users)
        .where(inArray(users.role, roles))
        .orderBy(asc(users.name))
        .all();

/** Whether a login or a customer record already has the address (sign-in and e-mail replies find people by it). */
export function isEmailInUse(db: Db, email: string): boolean {
  const normalised = email.trim().toLowerCase();
  return (
    db.select({ id: users.id }).from(users).where(eq(users.email, normalised)).get() !==
      undefined ||
    db.select({ id: customers.id }).from(customers).where(eq(customers.email, normalised)).get() !==
      undefined
  );
}

// One prepared statement per connection: the session check runs on every request (issue 13 item 6).
const sessionVersionStatement = perConnection((db: Db) =>
  db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** The user's current session version (primary-key lookup), or undefined when the login is gone. */
export function findSessionVersion(db: Db, id: number): number | undefined {
  return sessionVersionStatement(db).get({ id })?.sessionVersion;
}

// The signed-in actor and their session version, read on every request: prepared once per connection.
const sessionActorStatements = perConnection((db: Db) => ({
  user: db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      customerId: users.customerId,
      sessionVersion: users.sessionVersion,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
  teams: db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, sql.placeholder('id')))
    .orderBy(teamMembers.teamId)
    .prepare(),
}));

/**
 * The actor a session stands for, if the session is still current: the login exists, is not
 * deactivated, and the token's session version is still theirs. Read fresh on each request (two primary-key/index
 * lookups), so a changed role, membership or an ended session applies at once.
 */
export function findSessionActor(db: Db, id: number, sessionVersion: number): Actor | undefined {
  const statements = sessionActorStatements(db);
  const user = statements.user.get({ id });
  if (!user || user.sessionVersion !== sessionVersion || user.deactivatedAt !== null)
    return undefined;
  const teamIds = statements.teams.all({ id }).map((t) => t.id);
  return { id: user.id, name: user.name, role: user.role, customerId: user.customerId, teamIds };
}

/** A person an incident may be assigned to, as assignToMember reads them (null: no such user). */
export function findAssignable(db: Db, id: number): AssignableAgent | null {
  const user = findById(db, id);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    active: user.deactivatedAt === null,
    teamIds: findTeams(db, id).map((t) => t.id),
  };
}

/** The active members of a team, by name (the bulk assign's choice). */
export const findActiveMembers = (db: Db, teamId: number) =>
  db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name))
    .all();
