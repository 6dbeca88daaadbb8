export * from './contract';
export {
  isRoutingOverride,
  journaledDecision,
  oneStepForOutcome,
  routedOneSteps,
} from './routing-trace';
export { technologistTeamName } from './escalate-to-technologists';
export { canAssignToCps, assignToCps } from './assign-to-cps';
export { canTransferToCps, transferToCps } from './transfer-to-cps';
export { canAssignToEast, assignToEast } from './assign-to-east';
export { canPageOncall, oncallScheduleFor, pageOncall } from './page-oncall';
export { oncallMessage } from './oncall-message';
export { technologistGroups } from './technologist-groups';
export { canSendToHdEs, sendToHdEs } from './send-to-hd-es';
export { canEscalateToTechnologists, escalateToTechnologists } from './escalate-to-technologists';
export { canEscalateToTeam, escalateToTeam } from './escalate-to-team';
export { canTakeOwnership, takeOwnership } from './take-ownership';
export { canLinkToProblem, linkToProblem } from './link-to-problem';
export { canResolve, resolve } from './resolve';
export { canClose, close } from './close';
export { canReopen, reopen } from './reopen';
export { canRequestMoreInformation, requestMoreInformation } from './request-more-information';
export { canMarkMissionCritical, markMissionCritical } from './mark-mission-critical';
export { canHandleNormally, handleNormally } from './handle-normally';
export { oneSteps, availableOneSteps } from './registry';
