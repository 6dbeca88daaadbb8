import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, type AssignableAgent, type Role } from '@handoff/domain';
import { type Reader } from '../client';
import { first, prepared, tablesOf } from '../reader';
import { type users } from '../schema';

// Each read is one query builder, run synchronously by the SQLite-only twins (`…Sync`, for the
// seed and the domain's sync lookups) and awaited on either engine by the rest.
const byEmailQuery = (db: Reader, email: string) => {
  const { users } = tablesOf(db);
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
};
export const findByEmailSync = (db: Reader, email: string) => byEmailQuery(db, email).get();
export const findByEmail = async (db: Reader, email: string) => first(byEmailQuery(db, email));

const byIdQuery = (db: Reader, id: number) => {
  const { users } = tablesOf(db);
  return db.select().from(users).where(eq(users.id, id)).limit(1);
};
export const findByIdSync = (db: Reader, id: number) => byIdQuery(db, id).get();
export const findById = async (db: Reader, id: number) => first(byIdQuery(db, id));

const teamsQuery = (db: Reader, userId: number) => {
  const { teamMembers, teams } = tablesOf(db);
  return db
    .select({ id: teams.id, name: teams.name, kind: teams.kind })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(teams.id);
};
export const findTeamsSync = (db: Reader, userId: number) => teamsQuery(db, userId).all();
export const findTeams = async (db: Reader, userId: number) => teamsQuery(db, userId);

/** The actor a login stands for: a deactivated login stands for nobody, whatever its session says. */
const actorOf = (
  user: typeof users.$inferSelect | undefined,
  teamIds: () => number[],
): Actor | undefined =>
  !user || user.deactivatedAt !== null
    ? undefined
    : {
        id: user.id,
        name: user.name,
        role: user.role,
        customerId: user.customerId,
        teamIds: teamIds(),
      };

/** The actor a session stands for, read fresh so a changed role or membership applies at once. */
export const findActorByIdSync = (db: Reader, id: number): Actor | undefined =>
  actorOf(findByIdSync(db, id), () => findTeamsSync(db, id).map((t) => t.id));
export async function findActorById(db: Reader, id: number): Promise<Actor | undefined> {
  const user = await findById(db, id);
  const teamIds = user ? (await findTeams(db, id)).map((t) => t.id) : [];
  return actorOf(user, () => teamIds);
}

/** Every login by name, as the administrators' overview lists them. */
export async function findAllByName(db: Reader) {
  const { users } = tablesOf(db);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}

/** Logins of the given roles, by name (e.g. the partner agents an admin can put in a group). */
export async function findByRoles(db: Reader, roles: Role[]) {
  const { users } = tablesOf(db);
  return roles.length === 0
    ? []
    : db
        .select({ id: users.id, name: users.name, email: users.email, role: users.role })
        .from(users)
        .where(inArray(users.role, roles))
        .orderBy(asc(users.name));
}

/** Whether a login or a customer record already has the address (sign-in and e-mail replies find people by it). */
const emailInUseQueries = (db: Reader, email: string) => {
  const { users, customers } = tablesOf(db);
  const normalised = email.trim().toLowerCase();
  return [
    db.select({ id: users.id }).from(users).where(eq(users.email, normalised)).limit(1),
    db.select({ id: customers.id }).from(customers).where(eq(customers.email, normalised)).limit(1),
  ] as const;
};
export function isEmailInUseSync(db: Reader, email: string): boolean {
  return emailInUseQueries(db, email).some((q) => q.get() !== undefined);
}
export async function isEmailInUse(db: Reader, email: string): Promise<boolean> {
  const [login, customer] = emailInUseQueries(db, email);
  return (await first(login)) !== undefined || (await first(customer)) !== undefined;
}

// One prepared statement per connection: the session check runs on every request (issue 13 item 6).
const sessionVersionStatement = prepared('user_session_version', (db, { users }) =>
  db
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, sql.placeholder('id'))),
);

/** The user's current session version (primary-key lookup), or undefined when the login is gone. */
export async function findSessionVersion(db: Reader, id: number): Promise<number | undefined> {
  return (await sessionVersionStatement(db).execute({ id }))[0]?.sessionVersion;
}

// The signed-in actor and their session version, read on every request: prepared once per connection.
const sessionUserStatement = prepared('user_session_actor', (db, { users }) =>
  db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      customerId: users.customerId,
      sessionVersion: users.sessionVersion,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('id'))),
);
const sessionTeamsStatement = prepared('user_session_teams', (db, { teamMembers }) =>
  db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, sql.placeholder('id')))
    .orderBy(teamMembers.teamId),
);

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
  const [user] = await sessionUserStatement(db).execute({ id });
  if (!user || user.sessionVersion !== sessionVersion || user.deactivatedAt !== null)
    return undefined;
  const teamIds = (await sessionTeamsStatement(db).execute({ id })).map((t) => t.id);
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
export async function findActiveMembers(db: Reader, teamId: number) {
  const { teamMembers, users } = tablesOf(db);
  return db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}
