// What the partner steps share: refusals as data (so the UI can show why a button is disabled),
// the hop record, and the result shape.
import { DomainError, type DomainErrorCode } from '../errors';
import { openStatuses } from '../incident/constants';
import { diffIncident, entry } from '../incident/changes';
import { type Incident } from '../incident/schema';
import { type Action, can, describeAction } from '../permissions';
import { waitedSeconds } from './hops';
import { type HopDraft, type HopKind, type PartnerEnv, type PartnerStepResult } from './schema';

export interface PartnerRefusal {
  code: DomainErrorCode;
  message: string;
}

export const refusal = (code: DomainErrorCode, message: string): PartnerRefusal => ({
  code,
  message,
});

export function roleRefusal(env: Pick<PartnerEnv, 'actor'>, action: Action): PartnerRefusal | null {
  return can(env.actor.role, action)
    ? null
    : refusal('FORBIDDEN', `Your role (${env.actor.role}) may not ${describeAction(action)}.`);
}

export function openRefusal({ incident }: Pick<PartnerEnv, 'incident'>): PartnerRefusal | null {
  return openStatuses.includes(incident.status)
    ? null
    : refusal('INVALID_TRANSITION', `${incident.number} is ${incident.status}; reopen it first.`);
}

export const raise = (r: PartnerRefusal): never => {
  throw new DomainError(r.code, r.message);
};

/** The first refusal of a chain, thrown. */
export function assertAllowed(...checks: (() => PartnerRefusal | null)[]): void {
  for (const check of checks) {
    const r = check();
    if (r) raise(r);
  }
}

export function firstRefusal(...checks: (() => PartnerRefusal | null)[]): PartnerRefusal | null {
  for (const check of checks) {
    const r = check();
    if (r) return r;
  }
  return null;
}

/** The hop from the current owner team to `to`, with how long the ticket waited since the last one. */
export function hop(
  env: PartnerEnv,
  kind: HopKind,
  to: { teamId: number; agentId: number | null },
): HopDraft {
  return {
    kind,
    actorId: env.actor.id,
    fromTeamId: env.incident.ownerTeamId,
    toTeamId: to.teamId,
    toAgentId: to.agentId,
    at: env.now,
    waitedSeconds: waitedSeconds(env.lastHopAt, env.now),
  };
}

/** Incident changes (version + 1, audit rows) and the journal, notifications and e-mails to save. */
export function partnerResult(
  env: PartnerEnv,
  parts: {
    changes: Partial<Incident>;
    journal: PartnerStepResult['journal'];
    told?: Pick<PartnerStepResult, 'notifications' | 'outbox'>;
    hop?: HopDraft | null;
    relationshipAgentId?: number;
  },
): PartnerStepResult {
  const hasChanges = Object.keys(parts.changes).length > 0;
  const { changes, audit } = hasChanges
    ? diffIncident(env, parts.changes)
    : { changes: {}, audit: [] };
  return {
    changes: audit.length > 0 ? changes : {},
    journal: parts.journal,
    audit,
    notifications: parts.told?.notifications ?? [],
    outbox: parts.told?.outbox ?? [],
    hop: parts.hop ?? null,
    ...(parts.relationshipAgentId !== undefined
      ? { relationshipAgentId: parts.relationshipAgentId }
      : {}),
  };
}

export { entry };
