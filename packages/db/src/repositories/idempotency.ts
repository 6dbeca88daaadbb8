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
import { type Db } from '../client';
import { commit } from '../commit';
import { idempotencyKeys } from '../schema';
import { findById, type Tx } from './incident';

/** The stored key of this actor, operation and key, live or expired. */
export const findKey = (db: Db | Tx, r: IdempotentRequest) =>
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
    .get();

/** Forgets expired keys (run hourly by the server); returns how many went. */
export const pruneExpired = (db: Db, now: string): number =>
  db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, now)).run().changes;

/**
 * Commits a create's plan once per key: with no request (no key sent) it is a plain commit; with a
 * key seen before from the same actor (and not expired) nothing is created and the earlier incident
 * is returned; else the key is stored in the same commit as the incident (`created` names it).
 */
export async function commitOnce(
  db: Db,
  request: IdempotentRequest | null,
  now: string,
  plan: (read: Db) => Effects,
) {
  let replay: number | null = null;
  const committed = await commit(db, (read) => {
    if (!request) return plan(read);
    const decision = decideIdempotent(request, findKey(read, request), now);
    if ('replay' in decision) {
      replay = decision.replay;
      return effects(now);
    }
    return mergeEffects(plan(read), { writes: decision.remember(newIncidentRef) });
  });
  const incident =
    replay === null ? committed.row('incident', newIncidentRef) : findById(db, replay);
  if (!incident) throw new Error(`The incident #${replay} of this retry key is gone.`);
  return { incident, replayed: replay !== null };
}

/** Prunes expired keys now and hourly (the server starts it with the change-feed pruner). */
export function startPruner(db: Db, now: () => string, everyMs = 3_600_000): () => void {
  pruneExpired(db, now());
  const timer = setInterval(() => pruneExpired(db, now()), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
