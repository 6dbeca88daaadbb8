import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { assignedNotification, defineOneStep, teamIdFor } from './step-kit';
import { type FieldErrors, invalid } from '../change/refusal';

const presenceText = { ready: 'ready', not_ready: 'not ready', busy: 'busy' } as const;

export const transferToCpsStep = defineOneStep({
  name: 'transfer_to_cps',
  refuse: (env) => {
    const { incident, agent, cpsAgentsReady } = env;
    const cps = teamIdFor(env, teamNames.cps);
    if (incident.ownerTeamId === cps && incident.ownerAgentId !== null) {
      return invalid(`${incident.number} is already owned by a CPS agent.`);
    }
    if (cpsAgentsReady === 0)
      return invalid('No CPS agent is ready; use Assign to CPS for a callback instead.');
    if (agent && !agent.teamIds.includes(cps))
      return invalid(`${agent.name} is not a member of ${teamNames.cps}.`);
    if (agent && agent.presence !== 'ready') {
      return invalid(
        `${agent.name} is not ready (${presenceText[agent.presence]}); choose a ready CPS agent.`,
      );
    }
    return null;
  },
  validate: ({ agent }, input): FieldErrors =>
    agent?.id === input.cpsAgentId ? {} : { cpsAgentId: 'Choose a ready CPS agent.' },
  apply: (env) => {
    // validate() has made sure the chosen agent is present.
    const agent = env.agent!;
    const cps = teamIdFor(env, teamNames.cps);
    return {
      changes: {
        ownerTeamId: cps,
        ownerAgentId: agent.id,
        classification: 'Transfer to CPS',
        status: 'in_progress',
        // A live agent has the customer now: no callback promise stands.
        promises: {},
      },
      summary: `Transferred live to ${agent.name} (${teamNames.cps}).`,
      data: { agentId: agent.id },
      notifications: [
        assignedNotification(env, cps),
        assignedNotification(env, cps, 'user', agent.id),
      ],
      presence: [{ userId: agent.id, presence: 'busy' }],
    };
  },
});

/** Why Transfer to CPS may not run now, or null (kb 000 "Begin the Transfer"). */
export const canTransferToCps = (env: OneStepEnv): string | null => transferToCpsStep.can(env);

/** kb 000 "Begin the Transfer": a ready CPS agent takes the call and owns the incident, and is set busy. */
export const transferToCps = (
  env: OneStepEnv,
  input: OneStepInput<'transfer_to_cps'>,
): OneStepResult => transferToCpsStep.run(env, input);
