import { type Effects } from '../change';
import {
  createIncident,
  type IncidentDrafts,
  newIncidentEffects,
} from '../incident/create-incident';
import { type IncidentCreateInput, type NewIncident } from '../incident/schema';
import { type OutboxDraft } from '../outbox';
import { type Actor } from '../roles';
import { linkNewIncident, type ProblemFacts } from './link-incident';

/**
 * A new contact, as one decision: the incident owned by the taker's team (linked to the problem
 * chosen on the form, kb 001 step 9) under its reserved number, with the acknowledgement a case
 * that arrived by e-mail or portal sends, and the `created` change event.
 */
export async function openIncident({
  input,
  actor,
  now,
  ownerTeamId,
  problem,
  number,
  acknowledgement,
}: {
  input: IncidentCreateInput;
  actor: Actor;
  now: string;
  ownerTeamId: number;
  problem?: ProblemFacts;
  number: string;
  /**
   * The acknowledgement mail of the new incident (its incidentId is pointed at the new row); the
   * server loads it through the commit plan's Reader, so it may answer with a promise.
   */
  acknowledgement: (
    incident: NewIncident & { number: string },
  ) => readonly OutboxDraft[] | Promise<readonly OutboxDraft[]>;
}): Promise<Effects> {
  let drafts: IncidentDrafts = createIncident({ input, actor, now, ownerTeamId });
  if (problem) drafts = linkNewIncident(drafts, { problem, actor, now });
  return newIncidentEffects(drafts, {
    number,
    now,
    mail: await acknowledgement({ ...drafts.incident, number }),
  });
}
