import { nextCpsOpening } from '../calendar';
import { afterHoursService } from '../routing/constants';
import { assignToEastScript } from '../routing/scripts';
import { fillScript } from '../routing/script-placeholder';
import { afterHoursChanges, afterHoursFieldErrors, handlingText } from './after-hours';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { alreadyOwnedBy, assignedNotification, defineOneStep, teamIdFor } from './step-kit';

export const assignToEastStep = defineOneStep({
  name: 'assign_to_east',
  refuse: (env) => alreadyOwnedBy(env, teamNames.east),
  validate: ({ incident }, input) => afterHoursFieldErrors(incident, input),
  apply: (env, input) => {
    const { incident, now, calendar } = env;
    const east = teamIdFor(env, teamNames.east);
    const script = fillScript(assignToEastScript(nextCpsOpening(now, calendar), calendar?.hours), {
      incidentNumber: incident.number,
    });
    const service = Object.values(afterHoursService).join(' > ');
    return {
      changes: {
        serviceId: env.afterHoursServiceId,
        ownerTeamId: east,
        ownerAgentId: null,
        classification: 'Assign to EAST',
        status: 'assigned',
        ...afterHoursChanges(incident, input),
        promises: {},
      },
      summary:
        `Assigned to ${teamNames.east} after hours; service set to ${service}. ${handlingText(input)} ` +
        `Told the customer: “${script}”`,
      data: { script },
      notifications: [assignedNotification(env, east)],
    };
  },
});

/** Why Assign to EAST may not run now, or null (kb 001 "Handling Contract Partners After Hours"). */
export const canAssignToEast = (env: OneStepEnv): string | null => assignToEastStep.can(env);

/**
 * kb 001: a contract partner's after-hours case that can wait goes to EAST under DoIT Departmental
 * Support > Service Inquiry > Unclassified, with full contact, urgency and the expectation given.
 */
export const assignToEast = (
  env: OneStepEnv,
  input: OneStepInput<'assign_to_east'>,
): OneStepResult => assignToEastStep.run(env, input);
