import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, type AssignableAgent, type Role } from '@handoff/domain';
import { type Reader } from '../client';
import { customers, teamMembers, teams, users } from '../schema';
import { perConnection } from '../prepared';

export const findByEmailSync = (db: Reader, email: string) =>
  db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
export const findByEmail = async (db: Reader, email: string) => findByEmailSync(db, email);

export const findByIdSync = (db: Reader, id: number) =>
  db.select().from(users).where(eq(users.id, id)).get();
export const findById = async (db: Reader, id: number) => findByIdSync(db, id);

export const findTeamsSync = (db: Reader, userId: number) =>
  db
    .select({ id: teams.id, name: teams.name, kind: teams.kind })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(teams.id)
    .all();
export const findTeams = async (db: Reader, userId: number) => findTeamsSync(db, userId);

/** The actor a session stands for, read fresh so a changed role or membership applies at once. */
export function findActorByIdSync(db: Reader, id: number): Actor | undefined {
  const user = findByIdSync(db, id);
  // A deactivated login stands for nobody, whatever its session says.
  if (!user || user.deactivatedAt !== null) return undefined;
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    teamIds: findTeamsSync(db, id).map((t) => t.id),
  };
}
export const findActorById = async (db: Reader, id: number): Promise<Actor | undefined> =>
  findActorByIdSync(db, id);

/** Logins of the given roles, by name (e.g. the partner agents an admin can put in a group). */
export const findByRoles = async (db: Reader, roles: Role[]) =>
  roles.length === 0
    ? []
    : db
        .select({ id: users.id, name: users.name, email: users.email, role: users.role })
        .from(users)
        .where(inArray(users.role, roles))
        .orderBy(asc(users.name))
        .all();

/** Whether a login or a customer record already has the address (sign-in and e-mail replies find people by it). */
export function isEmailInUseSync(db: Reader, email: string): boolean {
  const normalised = email.trim().toLowerCase();
  return (
    db.select({ id: users.id }).from(users).where(eq(users.email, normalised)).get() !==
      undefined ||
    db.select({ id: customers.id }).from(customers).where(eq(customers.email, normalised)).get() !==
      undefined
  );
}
export const isEmailInUse = async (db: Reader, email: string): Promise<boolean> =>
  isEmailInUseSync(db, email);

// One prepared statement per connection: the session check runs on every request (issue 13 item 6).
const sessionVersionStatement = perConnection((db: Reader) =>
  db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** The user's current session version (primary-key lookup), or undefined when the login is gone. */
export async function findSessionVersion(db: Reader, id: number): Promise<number | undefined> {
  return sessionVersionStatement(db).get({ id })?.sessionVersion;
}

// The signed-in actor and their session version, read on every request: prepared once per connection.
const sessionActorStatements = perConnection((db: Reader) => ({
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
export async function findSessionActor(
  db: Reader,
  id: number,
  sessionVersion: number,
): Promise<Actor | undefined> {
  const statements = sessionActorStatements(db);
  const user = statements.user.get({ id });
  if (!user || user.sessionVersion !== sessionVersion || user.deactivatedAt !== null)
    return undefined;
  const teamIds = statements.teams.all({ id }).map((t) => t.id);
  return { id: user.id, name: user.name, role: user.role, customerId: user.customerId, teamIds };
}

/** A person an incident may be assigned to, as assignToMember reads them (null: no such user). */
export async function findAssignable(db: Reader, id: number): Promise<AssignableAgent | null> {
  const user = await findById(db, id);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    active: user.deactivatedAt === null,
    teamIds: (await findTeams(db, id)).map((t) => t.id),
  };
}

/** The active members of a team, by name (the bulk assign's choice). */
export const findActiveMembers = async (db: Reader, teamId: number) =>
  db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name))
    .all();
