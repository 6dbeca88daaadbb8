import { tpScope } from '../portal/tp-review';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';
import { invalid } from '../change/refusal';
import { requireTpTriage } from './tp-triage-kit';

export const markMissionCriticalStep = defineOneStep({
  name: 'mark_mission_critical',
  refuse: (env) => {
    const refused = requireTpTriage(env, ['review']);
    if (refused) return refused;
    const { number, peopleAffected } = env.incident;
    if (peopleAffected === null) {
      return invalid(
        `We do not know how many people ${number} affects: request more information first.`,
      );
    }
    if (peopleAffected <= 1) {
      return invalid(
        `${number} affects one person, so it is not mission critical: handle it normally (kb 004).`,
      );
    }
    return null;
  },
  apply: (env, input) => {
    const scope = tpScope(env.service);
    return {
      changes: { tpTriage: 'mission_critical' },
      summary: `Marked mission critical: it affects ${env.incident.peopleAffected} people (kb 004). ${scope.inScope ? `${scope.text} Escalate to technologists.` : scope.text}`,
      data: { peopleAffected: env.incident.peopleAffected, inScope: scope.inScope },
      journal: input.note
        ? [{ kind: 'note', visibility: 'internal', body: input.note, data: null }]
        : [],
    };
  },
});

/** Why Mark mission critical may not run now, or null (kb 004 "ask the customer if the situation impacts more than one person"). */
export const canMarkMissionCritical = (env: OneStepEnv): string | null =>
  markMissionCriticalStep.can(env);

/** kb 004: a Primary TP's issue that affects more than one person is mission critical. */
export const markMissionCritical = (
  env: OneStepEnv,
  input: OneStepInput<'mark_mission_critical'>,
): OneStepResult => markMissionCriticalStep.run(env, input);
