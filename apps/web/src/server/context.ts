import { parse } from 'cookie';
import { userRepository } from '@handoff/db';
import { sessionClaimsFrom } from './auth';
import { now } from './clock';
import { getDb } from './db';
import { type Context } from './trpc';

/**
 * The request's context: the database, the signed-in actor (read fresh from the db, and only
 * while the session is current) and the clock.
 */
export async function createContext({ req }: { req: Request }): Promise<Context> {
  const db = getDb();
  const cookies = parse(req.headers.get('cookie') ?? '');
  const claims = await sessionClaimsFrom((name) => cookies[name]);
  const actor = claims
    ? ((await userRepository.findSessionActor(db, claims.uid, claims.sv)) ?? null)
    : null;
  return { db, actor, now };
}
