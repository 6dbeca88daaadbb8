import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';
import { invalid } from '../change/refusal';

export const resolveStep = defineOneStep({
  name: 'resolve',
  refuse: ({ incident, actor, underOpenOutage }) =>
    underOpenOutage && actor.role === 'l1'
      ? invalid(
          `${incident.number} is attached to an open outage: the outage procedure applies, so Level 1 agents ` +
            'link and save the incident, and SNCC resolves it with the outage.',
        )
      : null,
  apply: (env, input) => {
    const { incident, actor } = env;
    return {
      changes: { status: 'resolved' },
      summary: `Resolved by ${actor.name}.`,
      journal: [
        {
          kind: 'note',
          visibility: 'customer',
          body: input.resolutionNote,
          data: { resolution: true },
        },
      ],
      notifications: [
        {
          audience: 'customer',
          targetId: null,
          template: 'resolved',
          subject: `${incident.number} is resolved`,
          body:
            `${input.resolutionNote}\n\nIf the issue still occurs, reply to this message or contact the Help Desk ` +
            `and mention ${incident.number}.`,
        },
      ],
    };
  },
});

/** Why Resolve may not run now, or null (kb 001: L1 does not resolve incidents of an open outage). */
export const canResolve = (env: OneStepEnv): string | null => resolveStep.can(env);

/** Resolves the incident with a resolution the customer reads and is told about (DOMAIN.md §5). */
export const resolve = (env: OneStepEnv, input: OneStepInput<'resolve'>): OneStepResult =>
  resolveStep.run(env, input);
