import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';

export const reopenStep = defineOneStep({
  name: 'reopen',
  apply: ({ incident, actor }, input) => ({
    // It goes back to whoever had it: their own work if an agent owned it, else the team queue.
    changes: { status: incident.ownerAgentId === null ? 'assigned' : 'in_progress' },
    summary: `Reopened by ${actor.name}.`,
    journal: [
      { kind: 'note', visibility: 'internal', body: input.reason, data: { reopenReason: true } },
    ],
  }),
});

/** Why Reopen may not run now, or null: only resolved or closed incidents reopen (DOMAIN.md §5). */
export const canReopen = (env: OneStepEnv): string | null => reopenStep.can(env);

/** Reopens a resolved or closed incident with the reason why (DOMAIN.md §5). */
export const reopen = (env: OneStepEnv, input: OneStepInput<'reopen'>): OneStepResult =>
  reopenStep.run(env, input);
