import { DomainError } from '../errors';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { assignedNotification, defineOneStep, teamNameOf } from './step-kit';
import { type FieldErrors } from '../change/refusal';

// These teams have their own one-step, whose required fields and promises must not be bypassed.
const dedicatedStep: Readonly<Record<string, string>> = {
  [teamNames.cps]: 'Assign to CPS',
  [teamNames.es]: 'Send to HD ES',
  [teamNames.east]: 'Assign to EAST',
};

export const escalateToTeamStep = defineOneStep({
  name: 'escalate_to_team',
  validate: (env, input): FieldErrors => {
    if (!Object.values(env.teams).includes(input.teamId)) return { teamId: 'Choose a team.' };
    const name = teamNameOf(env, input.teamId);
    // A partner group's agents are outsiders who see only their organisations' tickets (kb 003):
    // an incident handed to them would sit in a queue they cannot read, its details in their notifications.
    if (env.partnerTeamIds.includes(input.teamId))
      return {
        teamId: `${name} is a channel partner's group: it takes only its organisations' tickets.`,
      };
    const step = dedicatedStep[name];
    return step ? { teamId: `Use ${step} to hand an incident to ${name}.` } : {};
  },
  apply: (env, input) => {
    const { incident } = env;
    const teamName = teamNameOf(env, input.teamId);
    if (incident.ownerTeamId === input.teamId) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `${incident.number} is already owned by ${teamName}.`,
      );
    }
    return {
      changes: {
        ownerTeamId: input.teamId,
        ownerAgentId: null,
        classification: 'Escalate to team',
        status: 'assigned',
        promises: {},
      },
      summary: `Escalated to ${teamName}.`,
      journal: [{ kind: 'note', visibility: 'internal', body: input.note, data: null }],
      notifications: [assignedNotification(env, input.teamId)],
    };
  },
});

/** Why Escalate to team may not run now, or null (kb 002 Option 2 "escalate to the appropriate technical team"). */
export const canEscalateToTeam = (env: OneStepEnv): string | null => escalateToTeamStep.can(env);

/** kb 002 Option 2: a case that is not ES-supported goes to the technical team that can fix it. */
export const escalateToTeam = (
  env: OneStepEnv,
  input: OneStepInput<'escalate_to_team'>,
): OneStepResult => escalateToTeamStep.run(env, input);
