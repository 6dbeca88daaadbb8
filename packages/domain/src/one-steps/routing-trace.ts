import { type NewJournalEntry } from '../incident/schema';
import { routeContact } from '../routing/route-contact';
import '../zod-config';
import { z } from 'zod';
import {
  type RoutingDecision,
  routingDecisionSchema,
  type RoutingOutcome,
  routingPromisesSchema,
} from '../routing/schemas';
import { fillScript } from '../routing/script-placeholder';
import { type OneStepEnv, oneStepLabels, type OneStepName } from './contract';
import { teamNames } from '../teams';

const stepForOutcome: Readonly<Record<RoutingOutcome, OneStepName | null>> = {
  ask: null,
  general_hd: null,
  // kb 001: a new incident of a known outage is linked to its problem first (issue 14.5).
  outage: 'link_to_problem',
  transfer_to_cps: 'transfer_to_cps',
  assign_to_cps: 'assign_to_cps',
  // The chat consult is not a one-step; it ends in Assign to CPS only after 10 minutes.
  consult_cps_chat: null,
  assign_to_east: 'assign_to_east',
  page_oncall: 'page_oncall',
  consult_hd_leadership: null,
  es_queue: 'send_to_hd_es',
  consult_es_chat: null,
  consult_hdqa: null,
  escalate_to_team: 'escalate_to_team',
  escalate_to_technologists: 'escalate_to_technologists',
};

/** The one-step a routing outcome recommends, or null when the outcome is not a one-step (DOMAIN.md §4–5). */
export const oneStepForOutcome = (outcome: RoutingOutcome): OneStepName | null =>
  stepForOutcome[outcome];

const outcomeText: Readonly<Record<RoutingOutcome, string>> = {
  ask: 'a question still to ask',
  general_hd: 'General HD handles it',
  outage: 'outage procedure',
  transfer_to_cps: 'Transfer to CPS',
  assign_to_cps: 'Assign to CPS',
  consult_cps_chat: 'consult the CPS chat channel',
  assign_to_east: 'Assign to EAST',
  page_oncall: 'Page on-call',
  consult_hd_leadership: 'consult HD leadership',
  es_queue: 'Send to HD ES',
  consult_es_chat: 'consult the ES chat channel',
  consult_hdqa: 'consult HDQA',
  escalate_to_team: 'Escalate to team',
  escalate_to_technologists: 'Escalate to technologists',
};

/** The one-steps a routing decision recommends: they hand the contact on (DOMAIN.md §4–5). */
export const routedOneSteps = [
  'transfer_to_cps',
  'assign_to_cps',
  'assign_to_east',
  'page_oncall',
  'send_to_hd_es',
  'escalate_to_team',
  'escalate_to_technologists',
] as const satisfies readonly OneStepName[];

// A consult's own fallback is not an override: kb 000 (no CPS agent in 10 minutes → Assign to CPS),
// kb 002 (no ES agent in 5 minutes → the HD ES queue).
const consultFallback: Partial<Record<RoutingOutcome, OneStepName>> = {
  consult_cps_chat: 'assign_to_cps',
  consult_es_chat: 'send_to_hd_es',
};

/** The server's routing of a step: the decision on the facts now, what it recommends, and whether the step differs. */
export interface RoutedStep {
  decision: RoutingDecision;
  recommended: OneStepName | null;
  override: boolean;
}

/**
 * Routes the incident again when a routed step runs on a contact still with the General Help
 * Desk (issue 14.2): the facts are the stored ones plus the recorded answers, never the client's
 * decision. Null when the step is not a routing hand-off or no facts were loaded.
 */
export function routeForStep(env: OneStepEnv, name: OneStepName): RoutedStep | null {
  const { contactFacts, incident, teams } = env;
  if (!contactFacts || !(routedOneSteps as readonly OneStepName[]).includes(name)) return null;
  if (incident.ownerTeamId !== teams[teamNames.helpDesk]) return null;
  const decision = routeContact(
    contactFacts,
    env.routing ?? { calendar: env.calendar, departments: [] },
  );
  const recommended = oneStepForOutcome(decision.outcome);
  return { decision, recommended, override: isRoutingOverride(decision.outcome, name) };
}

/** Whether running `name` after a decision with this outcome differs from what routing says. */
export const isRoutingOverride = (outcome: RoutingOutcome, name: OneStepName): boolean =>
  (routedOneSteps as readonly OneStepName[]).includes(name) &&
  name !== oneStepForOutcome(outcome) &&
  consultFallback[outcome] !== name;

/** Choosing another step than the recommended one, or handing on what routing keeps, needs a reason. */
export function routingFieldErrors(
  name: OneStepName,
  routed: RoutedStep | null,
  overrideReason: string | undefined,
): Record<string, string> {
  if (!routed?.override || overrideReason) return {};
  const { recommended, decision } = routed;
  return {
    overrideReason:
      recommended === null
        ? `Routing recommends no hand-off (${outcomeText[decision.outcome]}): say why you chose ${oneStepLabels[name]}.`
        : `Say why you chose ${oneStepLabels[name]} over the recommended ${oneStepLabels[recommended]}.`,
  };
}

/** The internal `routing` journal entry: the server's decision, the agent's choice and the trace (DOMAIN.md §4). */
export function routingEntry(
  { incident, actor, now }: Pick<OneStepEnv, 'incident' | 'actor' | 'now'>,
  name: OneStepName,
  { decision, recommended, override }: RoutedStep,
  reason: string | undefined,
): NewJournalEntry {
  const chosen = oneStepLabels[name];
  const overrideReason = override ? (reason ?? null) : null;
  let body: string;
  if (recommended === null) {
    body = `Routing recommended no one-step (${outcomeText[decision.outcome]}); agent ran ${chosen}`;
    if (overrideReason !== null) body += `: ${overrideReason}`;
  } else if (overrideReason !== null) {
    body = `Routing recommended ${oneStepLabels[recommended]}; agent chose ${chosen} instead: ${overrideReason}`;
  } else {
    body = `Routing recommended ${oneStepLabels[recommended]}; agent ran ${chosen}`;
  }
  return {
    kind: 'routing',
    visibility: 'internal',
    body,
    authorId: actor.id,
    data: {
      outcome: decision.outcome,
      recommended,
      chosen: name,
      overrideReason,
      steps: decision.steps,
      script:
        decision.script === undefined
          ? null
          : fillScript(decision.script, { incidentNumber: incident.number }),
      promises: decision.promises ?? null,
    },
    createdAt: now,
  };
}

// What routingEntry stores.
const journaledRoutingSchema = routingDecisionSchema.pick({ outcome: true, steps: true }).extend({
  script: z.string().nullable(),
  promises: routingPromisesSchema.nullable(),
});

/**
 * The decision a routed step journaled, as the Route panel shows it once the incident has left the
 * General Help Desk: what the agent read is what was stored (issue 14.11). Null for other entries.
 */
export function journaledDecision(entry: {
  kind: string;
  data: unknown;
}): Pick<RoutingDecision, 'outcome' | 'script' | 'promises' | 'steps'> | null {
  if (entry.kind !== 'routing') return null;
  const parsed = journaledRoutingSchema.safeParse(entry.data);
  if (!parsed.success) return null;
  const { outcome, script, promises, steps } = parsed.data;
  return {
    outcome,
    steps,
    ...(script === null ? {} : { script }),
    ...(promises === null ? {} : { promises }),
  };
}
