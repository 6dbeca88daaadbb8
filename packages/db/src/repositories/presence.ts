import { and, asc, eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { teamMembers, teams, users } from '../schema';

/** Agents of a team and their presence, ready ones first (the live-transfer picker). */
export const findByTeamName = async (db: Reader, teamName: string) =>
  db
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
    .orderBy(asc(users.name))
    .all();

export const findReadyByTeamNameSync = (db: Reader, teamName: string) =>
  db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.name, teamName), eq(users.presence, 'ready')))
    .orderBy(asc(users.name))
    .all();
export const findReadyByTeamName = async (db: Reader, teamName: string) =>
  findReadyByTeamNameSync(db, teamName);
