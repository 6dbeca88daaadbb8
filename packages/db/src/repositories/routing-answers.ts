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
