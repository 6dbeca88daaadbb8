import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { defineOneStep, teamIdFor } from './step-kit';
import { requireTpTriage } from './tp-triage-kit';

export const handleNormallyStep = defineOneStep({
  name: 'handle_normally',
  refuse: (env) => requireTpTriage(env, ['review', 'mission_critical']),
  apply: (env, input) => {
    const helpDesk = teamIdFor(env, teamNames.helpDesk);
    const moves = env.incident.ownerTeamId !== helpDesk;
    return {
      // Back to L1: the General Help Desk queue, keeping the agent only if it already sits there.
      changes: {
        tpTriage: 'handled_normally',
        ownerTeamId: helpDesk,
        ...(moves ? { ownerAgentId: null } : {}),
      },
      summary: `Not mission critical or out of Primary TP scope: handled normally by Level 1 in ${teamNames.helpDesk} (kb 004).`,
      journal: input.note
        ? [{ kind: 'note', visibility: 'internal', body: input.note, data: null }]
        : [],
    };
  },
});

/** Why Handle normally may not run now, or null (kb 004 "If not, handle as normal"). */
export const canHandleNormally = (env: OneStepEnv): string | null => handleNormallyStep.can(env);

/** kb 004: a Primary TP's case that only affects one person (or is out of scope) is handled by Level 1 as usual. */
export const handleNormally = (
  env: OneStepEnv,
  input: OneStepInput<'handle_normally'>,
): OneStepResult => handleNormallyStep.run(env, input);
