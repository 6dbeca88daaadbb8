import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';

export const closeStep = defineOneStep({
  name: 'close',
  apply: ({ actor }) => ({ changes: { status: 'closed' }, summary: `Closed by ${actor.name}.` }),
});

/** Why Close may not run now, or null: only resolved incidents close (kb 000 "Save the incident and then close it"). */
export const canClose = (env: OneStepEnv): string | null => closeStep.can(env);

/** Closes a resolved incident (DOMAIN.md §5). */
export const close = (env: OneStepEnv, input: OneStepInput<'close'>): OneStepResult =>
  closeStep.run(env, input);
