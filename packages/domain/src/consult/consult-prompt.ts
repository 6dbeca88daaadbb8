import { type ConsultRequest } from './schema';

export const consultPromptKinds = [
  'send_cps_busy',
  'send_to_hd_es',
  'assign_to_cps_not_answered',
] as const;
export type ConsultPromptKind = (typeof consultPromptKinds)[number];

/** What the L1 agent is prompted to do now, and since when the prompt stands. */
export interface ConsultPrompt {
  kind: ConsultPromptKind;
  since: string;
}

const reached = (deadline: string, now: string): boolean => Date.parse(now) >= Date.parse(deadline);

/**
 * kb 000 "Bomgar Chats" and kb 002 Option 1 Chat: with no accept, CPS prompts "CPS busy" at 5 minutes
 * and Assign to CPS at 10; ES prompts Send to HD ES at 5. Null while waiting or once the consult ended.
 */
export function consultPrompt(
  consult: Pick<ConsultRequest, 'team' | 'status' | 'busyPromptAt' | 'assignPromptAt'>,
  now: string,
  /** kb 001: an incident of an open outage is never forwarded, so no prompt hands it on (issue 14.4). */
  underOpenOutage = false,
): ConsultPrompt | null {
  if (consult.status !== 'open' || underOpenOutage) return null;
  if (
    consult.team === 'cps' &&
    consult.assignPromptAt !== null &&
    reached(consult.assignPromptAt, now)
  ) {
    return { kind: 'assign_to_cps_not_answered', since: consult.assignPromptAt };
  }
  if (!reached(consult.busyPromptAt, now)) return null;
  return {
    kind: consult.team === 'cps' ? 'send_cps_busy' : 'send_to_hd_es',
    since: consult.busyPromptAt,
  };
}
