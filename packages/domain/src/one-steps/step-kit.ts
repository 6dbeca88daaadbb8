// What every one-step shares: the guard order, input checks, the audit diff and the journal
// drafts. Each step file only says what is particular to it.
import { type z } from 'zod';
import { DomainError, type DomainErrorCode } from '../errors';
import { type NewJournalEntry } from '../incident/create-incident';
import { assertCurrentVersion } from '../incident/edit-incident';
import { type Incident } from '../incident/schema';
import { type Action, can, describeAction } from '../permissions';
import {
  forwardingOneSteps,
  type NotificationDraft,
  type OneStepDefinition,
  type OneStepEnv,
  type OneStepInput,
  oneStepInputSchemas,
  oneStepLabels,
  type OneStepName,
  type OneStepResult,
} from './contract';
import { partnerTicketRefusal } from './partner-ticket-guard';
import { routeForStep, routingEntry, routingFieldErrors } from './routing-trace';

/** Why a step may not run, with the error code a run would throw. */
export interface Refusal {
  code: DomainErrorCode;
  message: string;
}

/** Field name → message, as DomainError VALIDATION carries them. */
export type FieldErrors = Record<string, string>;

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

/** An INVALID_TRANSITION refusal. */
export const invalid = (message: string): Refusal => ({ code: 'INVALID_TRANSITION', message });

/** kb 001 "Creating an Incident (Outages)": incidents of an open (planned or active) outage stay with HDQA and SNCC. */
export const outageForwardMessage = (number: string) =>
  `${number} is attached to an open outage: the outage procedure applies, so HDQA and SNCC handle it and it is not forwarded to another team.`;

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
  return null;
}

const raise = (r: Refusal): never => {
  throw new DomainError(r.code, r.message);
};

/** Throws one VALIDATION error carrying every field message, when there are any. */
export function assertNoFieldErrors(fields: FieldErrors): void {
  const messages = Object.values(fields);
  if (messages.length > 0) throw new DomainError('VALIDATION', messages.join(' '), fields);
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

// Incident fields are strings, numbers, null or the promises object.
const show = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
};

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

/**
 * The incident's changes for `desired`: fields already holding the value are dropped, each other
 * field gets an audit row, and the version moves by one with updatedAt = now.
 */
export function diffIncident(
  { incident, actor, now }: Pick<OneStepEnv, 'incident' | 'actor' | 'now'>,
  desired: Partial<Incident>,
): Pick<OneStepResult, 'changes' | 'audit'> {
  const version = incident.version + 1;
  const changes: Record<string, unknown> = {};
  const audit: OneStepResult['audit'] = [];
  for (const [field, next] of Object.entries(desired)) {
    const prev: unknown = incident[field as keyof Incident];
    if (show(prev) === show(next)) continue;
    changes[field] = next;
    audit.push({
      actorId: actor.id,
      field,
      fromValue: show(prev),
      toValue: show(next),
      version,
      at: now,
    });
  }
  return { changes: { ...(changes as Partial<Incident>), version, updatedAt: now }, audit };
}

/** A journal draft by the actor, now. */
export function entry(
  { actor, now }: Pick<OneStepEnv, 'actor' | 'now'>,
  kind: NewJournalEntry['kind'],
  visibility: NewJournalEntry['visibility'],
  body: string,
  data: unknown = null,
): NewJournalEntry {
  return { kind, visibility, body, authorId: actor.id, data, createdAt: now };
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

const firstLine = (text: string): string => {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

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
