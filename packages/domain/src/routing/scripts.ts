import { deskHoursText, formatLocal, formatPromise, type WeeklyHours } from '../calendar';
import { cpsPhone } from './constants';
import { incidentNumberPlaceholder } from './script-placeholder';

/** kb 000 step 1 and "Begin the Transfer", said before the live CPS transfer. */
export const transferToCpsScript =
  'You are a contract supported customer, so I am going to transfer you to a group of agents who handle ' +
  "Contract Partners and their needs. First I'd like to briefly gather your issue for the next agent. " +
  'I will then put you on hold and transfer you to the next available Contract Partner Support phone agent.';

/** kb 000 step 4, with the promised instants said as local times. */
export function cpsCallbackScript(
  at: string,
  contactBy: string,
  callIfNoContactBy: string,
): string {
  return (
    'Unfortunately there are no Contract Partner Support phone agents available to take your call right now. ' +
    'We will transfer your case to our Contract Partner Support team. You should be contacted within 4 business ' +
    `hours, by ${formatPromise(contactBy, at)}, and if you do not hear back by ${formatPromise(callIfNoContactBy, at)}, ` +
    `please call ${cpsPhone}, the direct Contract Partner Support number.`
  );
}

/** kb 001: incident number, CPS business hours (as administrators keep them) and phone for an Assign to EAST case. */
export function assignToEastScript(nextOpening: string, cpsHours?: WeeklyHours): string {
  return (
    `Your incident number is ${incidentNumberPlaceholder}. Contract Partner Support is open ${deskHoursText(cpsHours)}; ` +
    `they open next on ${formatLocal(nextOpening)} and will follow up on your case. ` +
    `You can also call Contract Partner Support directly at ${cpsPhone}.`
  );
}

/** kb 001: what to tell the customer once the on-call technician has been contacted. */
export function oncallScript(at: string, techContactBy: string): string {
  return (
    `I have passed your case ${incidentNumberPlaceholder} to the on-call technician; a technician will contact you ` +
    `within an hour, by ${formatPromise(techContactBy, at)}.`
  );
}

/** kb 004: the technologists' one-business-day response, said as a local time. */
export function technologistsScript(at: string, respondBy: string): string {
  return (
    'Because this affects more than one person, I am escalating your case to the DoIT technologists. ' +
    `They will contact you within one business day, by ${formatPromise(respondBy, at)}.`
  );
}

/** kb 002 Option 1: an ES agent takes the incident and follows up by e-mail. */
export const esQueueScript =
  'I am sending your incident to our Enterprise Support team. An Enterprise Support agent will take ownership ' +
  'of it and contact you by e-mail at the address you gave me.';

/** kb 002 Option 1, chat: checking the ES channel before falling back to the queue. */
export const esChatScript =
  'Let me check whether an Enterprise Support agent is available to help you right now. If no one is free in ' +
  'the next few minutes, I will send your case to the Enterprise Support team and they will contact you by e-mail.';
