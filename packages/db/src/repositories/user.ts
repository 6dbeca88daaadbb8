import { eq } from 'drizzle-orm';
import { type Actor } from '@handoff/domain';
import { type Db } from '../client';
import { teamMembers, teams, users } from '../schema';

export const findByEmail = (db: Db, email: string) =>
  db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();

export const findById = (db: Db, id: number) => db.select().from(users).where(eq(users.id, id)).get();

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
  if (!user) return undefined;
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    teamIds: findTeams(db, id).map((t) => t.id),
  };
}
