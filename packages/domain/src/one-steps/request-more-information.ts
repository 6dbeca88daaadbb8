import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';
import { requireTpTriage } from './tp-triage-kit';

export const requestMoreInformationStep = defineOneStep({
  name: 'request_more_information',
  refuse: (env) => requireTpTriage(env, ['review', 'mission_critical']),
  apply: ({ incident }, input) => ({
    changes: { status: 'pending_customer', tpTriage: 'info_requested' },
    summary:
      'Asked the customer for more information; the case waits for their answer in Help Online and then returns to Primary TP review.',
    journal: [
      { kind: 'note', visibility: 'customer', body: input.question, data: { question: true } },
    ],
    notifications: [
      {
        audience: 'customer',
        targetId: null,
        template: 'more-info-requested',
        subject: `${incident.number}: the Help Desk needs more information`,
        body: `${input.question}\n\nAnswer in Help Online by adding a note to ${incident.number}.`,
      },
    ],
  }),
});

/** Why Request more information may not run now, or null (kb 004 "Request additional information if the case cannot be classified"). */
export const canRequestMoreInformation = (env: OneStepEnv): string | null =>
  requestMoreInformationStep.can(env);

/**
 * kb 004 step 2: the case cannot be classified with the information given, so the customer gets a
 * question they read in the portal and the case waits (pending customer) for their answer.
 */
export const requestMoreInformation = (
  env: OneStepEnv,
  input: OneStepInput<'request_more_information'>,
): OneStepResult => requestMoreInformationStep.run(env, input);
