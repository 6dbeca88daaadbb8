import { eq } from 'drizzle-orm';
import { type RoutingAnswers } from '@handoff/domain';
import { type Reader } from '../client';
import { first, tablesOf } from '../reader';
import { type Tx } from './incident';

const answersQuery = (db: Reader | Tx, incidentId: number) => {
  const { routingAnswers } = tablesOf(db);
  return db
    .select({ answers: routingAnswers.answers })
    .from(routingAnswers)
    .where(eq(routingAnswers.incidentId, incidentId))
    .limit(1);
};

/** The answers recorded on the incident's Route panel; none recorded = `{}` (issue 14.11). */
export const find = async (db: Reader | Tx, incidentId: number): Promise<RoutingAnswers> =>
  (await first(answersQuery(db, incidentId)))?.answers ?? {};
