import { addMinutes } from '../calendar';

/** Minutes of silence in the CPS chat channel before sending "CPS busy" (kb 000; also the ES chat wait, kb 002). */
export const chatBusyAfterMinutes = 5;
/** Minutes of silence after which the chat is assigned to CPS (kb 000). */
export const chatAssignAfterMinutes = 10;

export interface ChatDeadlines {
  /** No CPS (or ES) agent answered: send "CPS busy" / give up on the ES channel (kb 000, 002). */
  sendBusyTemplateAt: string;
  /** Still no CPS agent: collect preferred contact and Assign to CPS (kb 000). */
  assignToCpsAt: string;
}

/** The 5- and 10-minute chat deadlines counted from the channel message, in clock time (kb 000, 002). */
export function chatDeadlines(startedAt: string): ChatDeadlines {
  return {
    sendBusyTemplateAt: addMinutes(startedAt, chatBusyAfterMinutes),
    assignToCpsAt: addMinutes(startedAt, chatAssignAfterMinutes),
  };
}
