import { addBusinessDays, formatPromise } from '../calendar';
import { DomainError } from '../errors';
import { technologistResponseBusinessDays } from '../routing/constants';
import { type OneStepEnv, type OneStepInput, type OneStepResult, teamNames } from './contract';
import { assignedNotification, defineOneStep, type FieldErrors } from './step-kit';

/** The owner team of a technologist group: SNCC's base technologists work from SNCC-Sysops (kb 004). */
export const technologistTeamName = (group: string): string => (group === 'SNCC' ? teamNames.snccSysops : group);

const groupOf = (env: OneStepEnv, input: OneStepInput<'escalate_to_technologists'>): string | null =>
  input.group ?? env.service.technologistGroup;

export const escalateToTechnologistsStep = defineOneStep({
  name: 'escalate_to_technologists',
  validate: (env, input) => {
    const group = groupOf(env, input);
    const fields: FieldErrors = {};
    if (group === null) fields.group = 'Choose the technologist group: the service names none.';
    else if (env.teams[technologistTeamName(group)] === undefined) fields.group = `No team is set up for ${group}.`;
    return fields;
  },
  apply: (env, input) => {
    const { incident, now, holidays } = env;
    // validate() has made sure the group and its team exist.
    const group = groupOf(env, input)!;
    const teamName = technologistTeamName(group);
    const teamId = env.teams[teamName]!;
    if (incident.ownerTeamId === teamId) {
      throw new DomainError('INVALID_TRANSITION', `${incident.number} is already owned by ${teamName}.`);
    }
    const respondBy = addBusinessDays(now, technologistResponseBusinessDays, { holidays });
    return {
      changes: {
        ownerTeamId: teamId,
        ownerAgentId: null,
        classification: 'Escalate to technologists',
        status: 'assigned',
        promises: { respondBy },
      },
      summary: `Escalated to the ${group} technologists (${teamName}); they respond within one business day, by ${formatPromise(respondBy, now)}.`,
      data: { group },
      journal: [{ kind: 'note', visibility: 'internal', body: input.note, data: null }],
      notifications: [assignedNotification(env, teamId)],
    };
  },
});

/** Why Escalate to technologists may not run now, or null (kb 004). */
export const canEscalateToTechnologists = (env: OneStepEnv): string | null => escalateToTechnologistsStep.can(env);

/**
 * kb 004: a Primary Tech Partner's mission-critical case goes to the technologist group of the
 * service, who respond within one business day.
 */
export const escalateToTechnologists = (
  env: OneStepEnv,
  input: OneStepInput<'escalate_to_technologists'>,
): OneStepResult => escalateToTechnologistsStep.run(env, input);
