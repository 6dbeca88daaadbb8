import { type NewJournalEntry } from '../incident/schema';
import { type RoutingOutcome } from '../routing/schemas';
import { fillScript } from '../routing/scripts';
import {
  type OneStepEnv,
  oneStepLabels,
  type OneStepName,
  type RoutingContextInput,
} from './contract';

const stepForOutcome: Readonly<Record<RoutingOutcome, OneStepName | null>> = {
  ask: null,
  general_hd: null,
  outage: null,
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

const isOverride = (
  name: OneStepName,
  routing: RoutingContextInput,
): routing is RoutingContextInput & { recommended: OneStepName } =>
  routing.recommended !== null && routing.recommended !== name;

/** Choosing another step than the recommended one needs a reason (issue 4 "Guided routing"). */
export function routingFieldErrors(
  name: OneStepName,
  routing: RoutingContextInput | undefined,
): Record<string, string> {
  if (!routing || !isOverride(name, routing) || routing.overrideReason) return {};
  return {
    overrideReason: `Say why you chose ${oneStepLabels[name]} over the recommended ${oneStepLabels[routing.recommended]}.`,
  };
}

/** The internal `routing` journal entry: the decision, the agent's choice and the trace (DOMAIN.md §4). */
export function routingEntry(
  { incident, actor, now }: Pick<OneStepEnv, 'incident' | 'actor' | 'now'>,
  name: OneStepName,
  routing: RoutingContextInput,
): NewJournalEntry {
  const { decision } = routing;
  const chosen = oneStepLabels[name];
  const overrideReason = isOverride(name, routing) ? (routing.overrideReason ?? null) : null;
  let body: string;
  if (routing.recommended === null) {
    body = `Routing recommended no one-step (${outcomeText[decision.outcome]}); agent ran ${chosen}`;
  } else if (overrideReason !== null) {
    body = `Routing recommended ${oneStepLabels[routing.recommended]}; agent chose ${chosen} instead: ${overrideReason}`;
  } else {
    body = `Routing recommended ${oneStepLabels[routing.recommended]}; agent ran ${chosen}`;
  }
  return {
    kind: 'routing',
    visibility: 'internal',
    body,
    authorId: actor.id,
    data: {
      outcome: decision.outcome,
      recommended: routing.recommended,
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
