import { type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { DomainError } from '../errors';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { formatLocal } from '../calendar';
import { chatDeadlines } from '../routing/chat';
import { outageForwardMessage } from '../one-steps/step-kit';
import {
  type ConsultRequest,
  type ConsultTeam,
  consultTeamNames,
  type NewConsultRequest,
} from './schema';

const channelName: Readonly<Record<ConsultTeam, string>> = {
  cps: 'Chat - Contract Partner Support',
  es: 'Chat - Enterprise Support (no cone)',
};

/**
 * kb 000 "Bomgar Chats" / kb 002 Option 1 Chat: asks the CPS or ES chat channel for an agent and
 * stores the 5-minute (and, for CPS, 10-minute) prompt deadlines with the request.
 */
export function openConsult({
  incident,
  team,
  actor,
  now,
  existing = [],
  underOpenOutage = false,
}: {
  incident: Incident;
  team: ConsultTeam;
  actor: Actor;
  now: string;
  /** The incident's consults so far; an open one blocks a second. */
  existing?: readonly ConsultRequest[];
  underOpenOutage?: boolean;
}): { consult: NewConsultRequest; journal: NewJournalEntry[] } {
  assertCan(actor, 'consult.open');
  if (!openStatuses.includes(incident.status)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} is ${incident.status}; reopen it first.`,
    );
  }
  if (underOpenOutage)
    throw new DomainError('INVALID_TRANSITION', outageForwardMessage(incident.number));
  const open = existing.find((c) => c.incidentId === incident.id && c.status === 'open');
  if (open) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `A consult to ${consultTeamNames[open.team]} is already open for ${incident.number}.`,
    );
  }
  const deadlines = chatDeadlines(now);
  const consult: NewConsultRequest = {
    incidentId: incident.id,
    team,
    status: 'open',
    openedById: actor.id,
    openedAt: now,
    busyPromptAt: deadlines.sendBusyTemplateAt,
    assignPromptAt: team === 'cps' ? deadlines.assignToCpsAt : null,
    acceptedById: null,
    acceptedAt: null,
  };
  const fallback =
    team === 'cps'
      ? `send "CPS busy" at ${formatLocal(deadlines.sendBusyTemplateAt)} and Assign to CPS at ${formatLocal(deadlines.assignToCpsAt)}`
      : `Send to HD ES at ${formatLocal(deadlines.sendBusyTemplateAt)}`;
  return {
    consult,
    journal: [
      {
        kind: 'system',
        visibility: 'internal',
        body: `Asked ${channelName[team]} for an agent to take the chat. If no one accepts: ${fallback}.`,
        authorId: actor.id,
        data: { consult: team },
        createdAt: now,
      },
    ],
  };
}

/** Ends an open consult without an accept: cancelled by the agent, or expired when the fallback step ran. */
export function endConsult(
  consult: ConsultRequest,
  status: 'cancelled' | 'expired',
): ConsultRequest {
  if (consult.status !== 'open') {
    throw new DomainError('INVALID_TRANSITION', `This consult is already ${consult.status}.`);
  }
  return { ...consult, status };
}
