import { userRepository } from '@handoff/db';
import { getSession } from './auth';
import { now } from './clock';
import { getDb } from './db';
import { type Context } from './trpc';

/** The request's context: the database, the signed-in actor (read fresh from the db) and the clock. */
export async function createContext(): Promise<Context> {
  const db = getDb();
  const session = await getSession();
  const actor = session ? (userRepository.findActorById(db, session.user.id) ?? null) : null;
  return { db, actor, now };
}
