// Decisions that span aggregates (an incident's one-step and the consults it ends).
// A one-step as one decision: the step's result, its mail, the consults it ends and its change
// events, as the Effects the commit module applies.
import { type Effects, effects, mailFor } from '../change';
import { consultEvent, expireConsult } from '../consult/entity';
import { type ConsultRequest } from '../consult/schema';
import {
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
} from '../incident/entity';
import { type OutboxDraft } from '../outbox';
import {
  forwardingOneSteps,
  type OneStepEnv,
  type OneStepInput,
  type OneStepName,
  type OneStepResult,
} from '../one-steps/contract';
import { oneSteps } from '../one-steps/registry';
import { forgetRoutingAnswers } from '../routing/entity';

/** Handing the incident to another team, or resolving it, ends the chat consult still waiting for an agent. */
export const oneStepEndsConsult = (name: OneStepName): boolean =>
  (forwardingOneSteps as readonly OneStepName[]).includes(name) || name === 'resolve';

/**
 * Runs the one-step and returns everything it changes: the incident's conditional update (at the
 * version the agent saw), journal, audit, notifications, presence, the e-mails `mail` drafts for
 * the result, the consults it ends, the Route panel answers it used, and the change events (`onestep.<name>`, consult `expired`).
 */
export async function oneStepEffects<N extends OneStepName>(
  name: N,
  env: OneStepEnv,
  input: OneStepInput<N>,
  {
    mail,
    openConsults,
  }: {
    /** The step's e-mails, judged on its result (the server loads them, so maybe a promise). */
    mail: (result: OneStepResult) => readonly OutboxDraft[] | Promise<readonly OutboxDraft[]>;
    openConsults: readonly Pick<ConsultRequest, 'id' | 'team' | 'openedById'>[];
  },
): Promise<Effects> {
  const { incident, actor, now } = env;
  const result = oneSteps[name].run(env, input);
  const mails = await mail(result);
  const ended = oneStepEndsConsult(name) || result.endsConsult ? openConsults : [];
  return effects(now, {
    writes: [
      incidentUpdate(incident, result.changes, input.expectedVersion),
      ...ended.map(expireConsult),
      forgetRoutingAnswers(incident.id),
    ],
    journal: incidentJournal(incident.id, result.journal),
    audit: incidentAudit(incident.id, result.audit),
    notifications: incidentNotifications(incident.id, result.notifications),
    presence: result.presence,
    outbox: mailFor(incident.id, mails),
    events: [
      incidentEvent(incident.id, `onestep.${name}`, actor.id, incident, result.changes),
      ...ended.map((c) =>
        consultEvent(c.id, 'expired', actor.id, c, { teams: env.teams, incident }),
      ),
    ],
  });
}
