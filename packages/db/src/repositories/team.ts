import { asc, eq, inArray } from 'drizzle-orm';
import { type TeamNotify } from '@handoff/domain';
import { type Db } from '../client';
import { teamMembers, teams, users } from '../schema';

export const findAll = (db: Db) => db.select().from(teams).orderBy(asc(teams.name)).all();
export const findByName = (db: Db, name: string) => db.select().from(teams).where(eq(teams.name, name)).get();
export const findById = (db: Db, id: number) => db.select().from(teams).where(eq(teams.id, id)).get();
export const findByIds = (db: Db, ids: number[]) =>
  ids.length === 0 ? [] : db.select().from(teams).where(inArray(teams.id, ids)).orderBy(asc(teams.name)).all();

/** Each team's notification setting and its members' addresses, for team e-mail. */
export function findMailRecipients(db: Db, ids: number[]) {
  return findByIds(db, ids).map((team) => ({
    id: team.id,
    name: team.name,
    notify: team.notify,
    members: db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.teamId, team.id))
      .orderBy(asc(users.name))
      .all(),
  }));
}

export const setNotify = (db: Db, id: number, notify: TeamNotify) =>
  db.update(teams).set({ notify }).where(eq(teams.id, id)).returning().get();
