// The Route panel's recorded answers as the commit kernel knows them (issue 14.11).
import { deleteRows, type RowDelete } from '../change';
import { type RoutingAnswers } from './contact-facts';

interface RoutingAnswersRow {
  incidentId: number;
  answers: RoutingAnswers;
  recordedById: number | null;
  recordedAt: string;
}

declare module '../change/entities' {
  interface Entities {
    routingAnswers: { row: RoutingAnswersRow; insert: RoutingAnswersRow };
  }
}

/** The recorded answers served the step that ran; the next contact starts afresh. */
export const forgetRoutingAnswers = (incidentId: number): RowDelete<'routingAnswers'> =>
  deleteRows('routingAnswers', { incidentId });
