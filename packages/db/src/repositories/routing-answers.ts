import { eq } from 'drizzle-orm';
import { type RoutingAnswers } from '@handoff/domain';
import { type Reader } from '../client';
import { routingAnswers } from '../schema';
import { type Tx } from './incident';

/** The answers recorded on the incident's Route panel; none recorded = `{}` (issue 14.11). */
export const findSync = (db: Reader | Tx, incidentId: number): RoutingAnswers =>
  db
    .select({ answers: routingAnswers.answers })
    .from(routingAnswers)
    .where(eq(routingAnswers.incidentId, incidentId))
    .get()?.answers ?? {};
export const find = async (db: Reader | Tx, incidentId: number): Promise<RoutingAnswers> =>
  findSync(db, incidentId);
