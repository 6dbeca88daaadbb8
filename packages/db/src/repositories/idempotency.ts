// Idempotency keys of creates (issue 13 item 10); the decision is the domain's (decideIdempotent).
import { and, eq, lte } from 'drizzle-orm';
import {
  decideIdempotent,
  effects,
  mergeEffects,
  newIncidentRef,
  type Effects,
  type IdempotentRequest,
} from '@handoff/domain';
import { type Reader } from '../client';
import { commit } from '../commit';
import { countedWrite } from '../commit/queue';
import { first, tablesOf } from '../reader';
import { findById, type Tx } from './incident';

/** The stored key of this actor, operation and key, live or expired. */
export async function findKey(db: Reader | Tx, r: IdempotentRequest) {
  const { idempotencyKeys } = tablesOf(db);
  return first(
    db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.actorId, r.actorId),
          eq(idempotencyKeys.operation, r.operation),
          eq(idempotencyKeys.key, r.key),
        ),
      )
      .limit(1),
  );
}

/** Forgets expired keys (run hourly by the server), on either engine; returns how many went. */
export const pruneExpired = async (db: Reader, now: string): Promise<number> =>
  // SQLite: in the write queue, never inside another request's open commit (pg: on the pool).
  countedWrite(db, () => {
    const { idempotencyKeys } = tablesOf(db);
    return db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now));
  });

/**
 * Commits a create's plan once per key: with no request (no key sent) it is a plain commit; with a
 * key seen before from the same actor (and not expired) nothing is created and the earlier incident
 * is returned; else the key is stored in the same commit as the incident (`created` names it).
 */
export async function commitOnce(
  db: Reader,
  request: IdempotentRequest | null,
  now: string,
  plan: (read: Reader) => Effects | Promise<Effects>,
) {
  let replay: number | null = null;
  const committed = await commit(db, async (read) => {
    if (!request) return await plan(read);
    const decision = decideIdempotent(request, await findKey(read, request), now);
    if ('replay' in decision) {
      replay = decision.replay;
      return effects(now);
    }
    return mergeEffects(await plan(read), { writes: decision.remember(newIncidentRef) });
  });
  const incident =
    replay === null ? committed.row('incident', newIncidentRef) : await findById(db, replay);
  if (!incident) throw new Error(`The incident #${replay} of this retry key is gone.`);
  return { incident, replayed: replay !== null };
}

/** Prunes expired keys now and hourly (the server starts it with the change-feed pruner). */
export function startPruner(db: Reader, now: () => string, everyMs = 3_600_000): () => void {
  void pruneExpired(db, now());
  const timer = setInterval(() => void pruneExpired(db, now()), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
