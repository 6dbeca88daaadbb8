import { type OneStepName } from '@handoff/domain';

/** A one-step form the agent opened (a preset fills some of its fields). */
export interface OpenStep {
  name: OneStepName;
  label: string;
  preset?: Record<string, string>;
}

/**
 * Which one-step form the workbench shows: the one the agent opened, else the recommended step's.
 * None while the incident on the page is older than the version the agent's own last step left it
 * at: after a step, the routing decision can come back before the incident does, and a form opened
 * on the old copy would carry its version and be refused as stale (someone else's change) when run.
 */
export function stepFormToShow({
  active,
  recommended,
  incidentVersion,
  ranTo,
}: {
  active: OpenStep | null;
  recommended: OpenStep | undefined;
  incidentVersion: number;
  ranTo: number;
}): OpenStep | null {
  if (incidentVersion < ranTo) return null;
  if (active) return active;
  return recommended ? { name: recommended.name, label: recommended.label } : null;
}
