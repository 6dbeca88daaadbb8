// What every one-step shares: the guard order, input checks, the audit diff and the journal
// drafts. Each step file only says what is particular to it.
import { type z } from 'zod';
import {
  assertCurrentVersion,
  assertNoFieldErrors,
  type FieldErrors,
  firstLine,
  invalid,
  raise,
  type Refusal,
} from '../change';
import { DomainError } from '../errors';
import { diffIncident, entry } from '../incident/changes';
import { type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { type Action, can, describeAction } from '../permissions';
import {
  forwardingOneSteps,
  type OneStepDefinition,
  type OneStepEnv,
  type OneStepInput,
  oneStepInputSchemas,
  oneStepLabels,
  type OneStepName,
  type OneStepResult,
} from './contract';
import { type NotificationDraft } from '../change/notification';
import { changeScopeRefusal } from '../incident/change-scope';
import { partnerTicketRefusal } from './partner-ticket-guard';
import { routeForStep, routingEntry, routingFieldErrors } from './routing-trace';

/** What a step changes and says, before the kit adds version, audit and the routing trace. */
export interface StepEffects {
  /** Desired values; fields equal to the incident's are dropped (no audit row, no write). */
  changes: Partial<Incident>;
  /** The `system` journal entry, in words an agent reads. */
  summary: string;
  /** Extra data stored on the system entry. */
  data?: Record<string, unknown>;
  /** Further journal entries (notes, phone logs), stamped with the actor and now. */
  journal?: Pick<NewJournalEntry, 'kind' | 'visibility' | 'body' | 'data'>[];
  notifications?: NotificationDraft[];
  presence?: OneStepResult['presence'];
  endsConsult?: boolean;
}

export interface StepSpec<N extends OneStepName> {
  name: N;
  /** Refusals particular to the step (ownership, state, chosen agent); not input fields. */
  refuse?: (env: OneStepEnv) => Refusal | null;
  /** Messages for missing or invalid input the schema alone cannot judge. */
  validate?: (env: OneStepEnv, input: OneStepInput<N>) => FieldErrors;
  apply: (env: OneStepEnv, input: OneStepInput<N>) => StepEffects;
}

export const actionFor = (name: OneStepName): Action => `onestep.${name}`;

const roleRefusal = ({ actor }: OneStepEnv, name: OneStepName): Refusal | null => {
  const action = actionFor(name);
  return can(actor.role, action)
    ? null
    : {
        code: 'FORBIDDEN',
        message: `Your role (${actor.role}) may not ${describeAction(action)}.`,
      };
};

// Team scope (permissions.ts incidentChangeScope): only the team holding an incident works it.
const scopeRefusal = (env: OneStepEnv): Refusal | null => {
  const message = changeScopeRefusal(env.actor, {
    incident: env.incident,
    ownerTeamName: Object.entries(env.teams).find(([, id]) => id === env.incident.ownerTeamId)?.[0],
    partnerScope: { partnerTeamId: env.partnerTicket?.partnerTeamId ?? null },
    underActiveOutage: env.underOpenOutage ?? false,
  });
  return message ? { code: 'FORBIDDEN', message } : null;
};

/** kb 001 "Creating an Incident (Outages)": incidents of an open (planned or active) outage stay with HDQA and SNCC. */
export const outageForwardMessage = (number: string) =>
  `${number} is attached to an open outage: the outage procedure applies, so HDQA and SNCC handle it and it is not forwarded to another team.`;

/** kb 001: during an outage SNCC works the cause, so nobody pages an on-call technician about one incident of it. */
export const outagePageMessage = (number: string) =>
  `${number} is attached to an open outage: the outage procedure applies, so HDQA and SNCC handle it and the on-call technician is not paged.`;

// Resolved and closed incidents accept nothing but Reopen (and Close, from resolved).
function statusRefusal(
  { incident, underOpenOutage }: OneStepEnv,
  name: OneStepName,
): Refusal | null {
  const { number, status } = incident;
  if (name === 'reopen') {
    return status === 'resolved' || status === 'closed'
      ? null
      : invalid(`${number} is still open; only resolved or closed incidents can be reopened.`);
  }
  if (status === 'closed') return invalid(`${number} is closed; reopen it first.`);
  if (name === 'close') {
    return status === 'resolved'
      ? null
      : invalid(`Only resolved incidents can be closed; resolve ${number} first.`);
  }
  if (status === 'resolved') return invalid(`${number} is resolved; reopen it first.`);
  if (underOpenOutage && (forwardingOneSteps as readonly OneStepName[]).includes(name)) {
    return invalid(outageForwardMessage(number));
  }
  if (underOpenOutage && name === 'page_oncall') return invalid(outagePageMessage(number));
  return null;
}

function parseInput<N extends OneStepName>(name: N, input: OneStepInput<N>): OneStepInput<N> {
  // The procedure has parsed already; parsing again keeps the domain safe on its own (tests, scripts).
  const parsed = (oneStepInputSchemas[name] as z.ZodType).safeParse(input);
  if (parsed.success) return parsed.data as OneStepInput<N>;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'input';
    fields[field] ??= issue.message;
  }
  assertNoFieldErrors(fields);
  return input;
}

/**
 * Builds a one-step from its spec. The run order is fixed: role (FORBIDDEN), then the version the
 * agent saw (CONFLICT), then status, outage and step refusals (FORBIDDEN / INVALID_TRANSITION),
 * then input (VALIDATION, every field at once); only then are the effects computed.
 */
export function defineOneStep<N extends OneStepName>(spec: StepSpec<N>): OneStepDefinition<N> {
  const { name } = spec;
  const refusal = (env: OneStepEnv): Refusal | null =>
    roleRefusal(env, name) ??
    statusRefusal(env, name) ??
    partnerTicketRefusal(env, name) ??
    spec.refuse?.(env) ??
    // Last, so a step's own, more telling reason (already owned, members only) is the one shown.
    scopeRefusal(env) ??
    null;
  return {
    label: oneStepLabels[name],
    can: (env) => refusal(env)?.message ?? null,
    run: (env, rawInput) => {
      const forbidden = roleRefusal(env, name);
      if (forbidden) raise(forbidden);
      if (typeof rawInput.expectedVersion === 'number')
        assertCurrentVersion(env.incident, rawInput.expectedVersion);
      const refused = refusal(env);
      if (refused) raise(refused);
      const input = parseInput(name, rawInput);
      const routed = routeForStep(env, name);
      const overrideReason = input.routing?.overrideReason;
      assertNoFieldErrors({
        ...spec.validate?.(env, input),
        ...routingFieldErrors(name, routed, overrideReason),
      });
      const result = assemble(env, name, spec.apply(env, input));
      if (routed) result.journal.push(routingEntry(env, name, routed, overrideReason));
      return result;
    },
  };
}

function assemble(env: OneStepEnv, name: OneStepName, effects: StepEffects): OneStepResult {
  const { changes, audit } = diffIncident(env, effects.changes);
  const journal: NewJournalEntry[] = [
    entry(env, 'system', 'internal', effects.summary, { oneStep: name, ...effects.data }),
    ...(effects.journal ?? []).map((j) => entry(env, j.kind, j.visibility, j.body, j.data)),
  ];
  return {
    changes,
    journal,
    audit,
    notifications: effects.notifications ?? [],
    presence: effects.presence ?? [],
    ...(effects.endsConsult ? { endsConsult: true } : {}),
  };
}

/** The id of a team the one-steps move incidents to; a missing one is a setup error, not the agent's. */
export function teamIdFor(env: Pick<OneStepEnv, 'teams'>, name: string): number {
  const id = env.teams[name];
  if (id === undefined) throw new DomainError('NOT_FOUND', `No team named ${name} is set up.`);
  return id;
}

export function teamNameOf(env: Pick<OneStepEnv, 'teams'>, id: number): string {
  return Object.entries(env.teams).find(([, teamId]) => teamId === id)?.[0] ?? `team #${id}`;
}

/** INVALID_TRANSITION when the incident already sits with the team a step would move it to. */
export function alreadyOwnedBy(env: OneStepEnv, teamName: string): Refusal | null {
  return env.teams[teamName] === env.incident.ownerTeamId
    ? invalid(`${env.incident.number} is already owned by ${teamName}.`)
    : null;
}

/** The `assigned` message queued for the team that now owns the incident. */
export function assignedNotification(
  env: Pick<OneStepEnv, 'incident' | 'actor' | 'teams'>,
  teamId: number,
  audience: 'team' | 'user' = 'team',
  targetId: number = teamId,
): NotificationDraft {
  const { incident, actor } = env;
  const team = teamNameOf(env, teamId);
  return {
    audience,
    targetId,
    template: 'assigned',
    subject:
      audience === 'team'
        ? `${incident.number} assigned to ${team}`
        : `${incident.number} is yours`,
    body: `${actor.name} assigned ${incident.number} (${incident.callerName}) to ${team}: ${firstLine(incident.description)}`,
  };
}
