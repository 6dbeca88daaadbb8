import { and, asc, eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { tablesOf } from '../reader';

/** Agents of a team and their presence, ready ones first (the live-transfer picker). */
export async function findByTeamName(db: Reader, teamName: string) {
  const { teamMembers, teams, users } = tablesOf(db);
  return db
    .select({
      id: users.id,
      name: users.name,
      presence: users.presence,
      presenceChangedAt: users.presenceChangedAt,
    })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teams.name, teamName))
    .orderBy(asc(users.name));
}

const readyQuery = (db: Reader, teamName: string) => {
  const { teamMembers, teams, users } = tablesOf(db);
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.name, teamName), eq(users.presence, 'ready')))
    .orderBy(asc(users.name));
};
export const findReadyByTeamName = async (db: Reader, teamName: string) => readyQuery(db, teamName);
