import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep, teamNameOf } from './step-kit';
import { invalid } from '../change/refusal';

export const takeOwnershipStep = defineOneStep({
  name: 'take_ownership',
  refuse: (env) => {
    const { incident, actor } = env;
    if (incident.ownerAgentId === actor.id) return invalid(`You already own ${incident.number}.`);
    if (actor.role !== 'admin' && !actor.teamIds.includes(incident.ownerTeamId)) {
      return {
        code: 'FORBIDDEN',
        message: `Only members of ${teamNameOf(env, incident.ownerTeamId)} may take ownership of ${incident.number}.`,
      };
    }
    return null;
  },
  apply: (env) => {
    const { incident, actor } = env;
    const team = teamNameOf(env, incident.ownerTeamId);
    return {
      changes: { ownerAgentId: actor.id, status: 'in_progress' },
      summary: `${actor.name} took ownership for ${team}.`,
      notifications: [
        {
          audience: 'team',
          targetId: incident.ownerTeamId,
          template: 'assigned',
          subject: `${incident.number} taken by ${actor.name}`,
          body: `${actor.name} took ownership of ${incident.number} (${incident.callerName}) from the ${team} queue.`,
        },
      ],
    };
  },
});

/** Why Take ownership may not run now, or null (kb 002 "an ES agent will take ownership of the incident"). */
export const canTakeOwnership = (env: OneStepEnv): string | null => takeOwnershipStep.can(env);

/** kb 002: a member of the owning team takes the incident from the team queue and works it. */
export const takeOwnership = (
  env: OneStepEnv,
  input: OneStepInput<'take_ownership'>,
): OneStepResult => takeOwnershipStep.run(env, input);
