import { eq } from 'drizzle-orm';
import { type RoutingAnswers } from '@handoff/domain';
import { type Db } from '../client';
import { routingAnswers } from '../schema';
import { type Tx } from './incident';

/** The answers recorded on the incident's Route panel; none recorded = `{}` (issue 14.11). */
export const find = (db: Db | Tx, incidentId: number): RoutingAnswers =>
  db
    .select({ answers: routingAnswers.answers })
    .from(routingAnswers)
    .where(eq(routingAnswers.incidentId, incidentId))
    .get()?.answers ?? {};

/** Replaces the recorded answers (`{}` forgets them: "Start over"), in one write transaction. */
export function save(
  db: Db,
  {
    incidentId,
    answers,
    actorId,
    at,
  }: { incidentId: number; answers: RoutingAnswers; actorId: number; at: string },
): RoutingAnswers {
  db.transaction(
    (tx) => {
      if (Object.keys(answers).length === 0) {
        clear(tx, incidentId);
        return;
      }
      const values = { answers, recordedById: actorId, recordedAt: at };
      tx.insert(routingAnswers)
        .values({ incidentId, ...values })
        .onConflictDoUpdate({ target: routingAnswers.incidentId, set: values })
        .run();
    },
    { behavior: 'immediate' },
  );
  return answers;
}

/** Forgets the answers inside the transaction of the one-step that used them. */
export function clear(tx: Db | Tx, incidentId: number): void {
  tx.delete(routingAnswers).where(eq(routingAnswers.incidentId, incidentId)).run();
}
