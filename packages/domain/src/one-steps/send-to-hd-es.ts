import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { alreadyOwnedBy, assignedNotification, defineOneStep, teamIdFor } from './step-kit';
import { type FieldErrors } from '../change/refusal';

export const sendToHdEsStep = defineOneStep({
  name: 'send_to_hd_es',
  refuse: (env) => alreadyOwnedBy(env, teamNames.es),
  validate: ({ incident }, input): FieldErrors =>
    input.callerEmail || incident.callerEmail
      ? {}
      : {
          callerEmail:
            'Give the customer’s e-mail address: Enterprise Support follows up by e-mail.',
        },
  apply: (env, input) => {
    const { incident } = env;
    const es = teamIdFor(env, teamNames.es);
    const email = input.callerEmail ?? incident.callerEmail;
    return {
      changes: {
        ownerTeamId: es,
        ownerAgentId: null,
        classification: 'Send to HD ES',
        status: 'assigned',
        callerEmail: email,
        promises: {},
      },
      summary: `Sent to ${teamNames.es}; an Enterprise Support agent takes ownership and contacts the customer by e-mail at ${email}.`,
      journal: [
        {
          kind: 'note',
          visibility: 'internal',
          body: input.troubleshootingNote,
          data: { troubleshooting: true },
        },
      ],
      notifications: [assignedNotification(env, es)],
    };
  },
});

/** Why Send to HD ES may not run now, or null (kb 002 Option 1). */
export const canSendToHdEs = (env: OneStepEnv): string | null => sendToHdEsStep.can(env);

/**
 * kb 002 Option 1: after basic troubleshooting, an unresolved ES incident goes to the HD ES queue
 * with the customer's e-mail contact and the troubleshooting note.
 */
export const sendToHdEs = (env: OneStepEnv, input: OneStepInput<'send_to_hd_es'>): OneStepResult =>
  sendToHdEsStep.run(env, input);
