import { can } from '../permissions';
import { assignToCpsStep } from './assign-to-cps';
import { assignToEastStep } from './assign-to-east';
import { closeStep } from './close';
import {
  type OneStepAvailability,
  type OneStepDefinition,
  type OneStepEnv,
  oneStepNames,
  type OneStepName,
} from './contract';
import { escalateToTeamStep } from './escalate-to-team';
import { handleNormallyStep } from './handle-normally';
import { markMissionCriticalStep } from './mark-mission-critical';
import { escalateToTechnologistsStep } from './escalate-to-technologists';
import { linkToProblemStep } from './link-to-problem';
import { pageOncallStep } from './page-oncall';
import { reopenStep } from './reopen';
import { requestMoreInformationStep } from './request-more-information';
import { resolveStep } from './resolve';
import { sendToHdEsStep } from './send-to-hd-es';
import { actionFor } from './step-kit';
import { takeOwnershipStep } from './take-ownership';
import { transferToCpsStep } from './transfer-to-cps';

/** Every one-step by name, for the procedures and the action bar (DOMAIN.md §5). */
export const oneSteps: { readonly [N in OneStepName]: OneStepDefinition<N> } = {
  assign_to_cps: assignToCpsStep,
  transfer_to_cps: transferToCpsStep,
  assign_to_east: assignToEastStep,
  page_oncall: pageOncallStep,
  send_to_hd_es: sendToHdEsStep,
  escalate_to_technologists: escalateToTechnologistsStep,
  escalate_to_team: escalateToTeamStep,
  take_ownership: takeOwnershipStep,
  link_to_problem: linkToProblemStep,
  resolve: resolveStep,
  close: closeStep,
  reopen: reopenStep,
  request_more_information: requestMoreInformationStep,
  mark_mission_critical: markMissionCriticalStep,
  handle_normally: handleNormallyStep,
};

/** The action bar for one incident: each one-step in order, whether the role has it, and why it is disabled. */
export function availableOneSteps(env: OneStepEnv): OneStepAvailability[] {
  return oneStepNames.map((name) => ({
    name,
    label: oneSteps[name].label,
    permitted: can(env.actor.role, actionFor(name)),
    disabledReason: oneSteps[name].can(env),
  }));
}
